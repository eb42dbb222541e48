// The CLI's secrets file keeps the promise of docs/auth.md: the file is 0600 and
// its directory 0700, also when the directory or the file existed with wider modes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileSecrets } from '../../src/node/secretsFile';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('FileSecrets: modes of an existing config directory and file', function () {
  let tmp: string;
  before(function () { if (process.platform === 'win32') this.skip(); });
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-secrets-mode-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('narrows an existing 0755 directory to 0700 on the first write', async () => {
    const dir = path.join(tmp, 'cfg');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o755);
    await new FileSecrets(dir).set('session', 'value');
    assert.strictEqual(mode(dir).toString(8), '700');
    assert.strictEqual(mode(path.join(dir, 'secrets.json')).toString(8), '600');
  });

  it('replaces an existing 0644 secrets file with a 0600 one, also on delete', async () => {
    const dir = path.join(tmp, 'cfg');
    fs.mkdirSync(dir, { mode: 0o700 });
    const file = path.join(dir, 'secrets.json');
    fs.writeFileSync(file, JSON.stringify({ a: '1', b: '2' }));
    fs.chmodSync(file, 0o644);
    await new FileSecrets(dir).delete('a');
    assert.strictEqual(mode(file).toString(8), '600');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { b: '2' });
  });

  it('leaves the parent directories it did not create alone', async () => {
    fs.chmodSync(tmp, 0o755);
    await new FileSecrets(path.join(tmp, 'cfg')).set('k', 'v');
    assert.strictEqual(mode(tmp).toString(8), '755');
    assert.strictEqual(mode(path.join(tmp, 'cfg')).toString(8), '700');
  });
});
