// `call-doctor demo` output, as a user reads it in a terminal: one block per
// documented cause, each naming a real example file, who signed in, the rule id
// and the fix; sites and queues by name; the device flow labelled sandbox-only.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { EXPECTED_RULES } from '../../src/cli/commands/demo';

const root = path.resolve(__dirname, '../../..');

describe('call-doctor demo output', function () {
  this.timeout(60_000);
  let code: number;
  let out = '';
  let blocks: string[];

  before(async () => {
    code = await main(['demo'], { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, env: { NO_COLOR: '1' }, cwd: root, readStdin: async () => '' });
    blocks = out.split(/\n(?=== )/).slice(1);
  });

  it('exits 0 with every documented cause diagnosed', () => {
    assert.strictEqual(code, 0, out);
    const n = Object.keys(EXPECTED_RULES).length;
    assert.match(out, new RegExp(`\\n${n}/${n} documented causes diagnosed as expected\\.\\n$`));
    assert.deepStrictEqual(blocks.map((b) => /^== ([\w-]+):/.exec(b)![1]).sort(), Object.keys(EXPECTED_RULES).sort());
  });

  it('says the device flow is sandbox-only and real orgs use PKCE', () => {
    const header = out.slice(0, out.indexOf('\n== '));
    assert.match(header, /real Genesys Cloud orgs have no device grant/);
    assert.match(header, /Authorization Code \+ PKCE, as on real Genesys Cloud/);
    const device = blocks.find((b) => b.startsWith('== healthy-agent-device:'))!;
    assert.match(device, /sign-in {2}Alice Healthy via Call Doctor \(device\), RFC 8628 device flow \(sandbox-only\)/);
  });

  it('each block names a real example file and, for a cause, its rule id with the fix', () => {
    assert.doesNotMatch(out, /written from the scenario|built in memory/);
    for (const b of blocks) {
      const id = /^== ([\w-]+):/.exec(b)![1];
      const file = /\n {3}request {2}(\S+)\n/.exec(b)?.[1];
      assert.ok(file && fs.existsSync(path.join(root, file)), `${id}: request ${file}`);
      assert.match(b, /\n {3}sign-in {2}\S/);
      for (const rule of EXPECTED_RULES[id]) {
        assert.match(b, new RegExp(`\\n {3}(error|warning) ${rule.replace(/\./g, '\\.')} \\((live|offline)\\)\\n {12}\\S`), `${id}: ${rule}`);
      }
      assert.match(b, /\n {3}OK: expected /, id);
    }
  });

  it('names sites and queues by name with the id, and says "(disabled)" once', () => {
    const route = blocks.find((b) => b.startsWith('== unroutable-number:'))!.replace(/\n {12}/g, ' ');
    assert.match(route, /Site HQ Site \(6a6f87d5-4da2-5cd4-ad33-5f275ad98382\) classifies \+442071838750 as "International"/);
    assert.match(route, /International \(disabled\): International\)/);
    assert.doesNotMatch(out.replace(/\n {12}/g, ' '), /\(disabled\) \(disabled\)/);
    const queue = blocks.find((b) => b.startsWith('== queue-not-member:'))!.replace(/\n {12}/g, ' ');
    assert.match(queue, /not a member of queue Support \(c5e6c55a-c9d5-5604-bc8d-16a82e5856d1\)/);
  });

  it('wraps findings to fit a terminal', () => {
    for (const line of out.split('\n')) if (!line.startsWith('== ')) assert.ok(line.length <= 112, `too long (${line.length}): ${line}`);
  });
});
