// The built CLI as a process: started through a bin link like npm's, and cut off
// by a reader that closes its end of the pipe (`call-doctor … | head`).
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXIT_CLOSED_PIPE } from '../../src/cli/main';

const root = path.resolve(__dirname, '..', '..', '..');
const bin = path.join(root, 'bin', 'call-doctor.js');

describe('call-doctor as a process', function () {
  this.timeout(60_000);

  it('runs through a bin link without the .js extension (how npm installs `call-doctor`)', function () {
    if (process.platform === 'win32') this.skip();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bin-'));
    try {
      const link = path.join(tmp, 'call-doctor');
      fs.symlinkSync(bin, link);
      const r = spawnSync(process.execPath, [link, 'help'], { cwd: root, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Usage: call-doctor <command>/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('ends quietly when the reader of its output has gone (EPIPE): no stack trace, the SIGPIPE status', async () => {
    const child = spawn(process.execPath, [bin, 'lint', 'examples'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader closes before the first line, as `| head -0` would: every write then fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => { stderr += c; });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.strictEqual(stderr, '');
    assert.strictEqual(code, EXIT_CLOSED_PIPE);
  });

  it('still writes everything and keeps its exit status when the reader stays', () => {
    const r = spawnSync(process.execPath, [bin, 'lint', 'examples'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /\d+ errors, /);
  });
});
