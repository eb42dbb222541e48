// Sandbox.pendingDeviceCodes(): the user codes still awaiting approval (what
// an in-process test reads instead of the user's screen).
import * as assert from 'assert';
import { startSandbox, type Sandbox } from '../../src/sandbox';

const DEVICE_CLIENT = '2e907000-4035-5a64-b33f-74d1d32be78b';
const ALICE = 'd6d474da-07f5-541a-9657-07949181315a';

describe('sandbox: pending device codes', () => {
  let sb: Sandbox;
  let now = Date.parse('2030-01-01T00:00:00Z');
  const clock = { now: () => now, sleep: () => Promise.resolve() };

  before(async () => { sb = await startSandbox({ clock }); });
  after(() => sb.close());

  async function requestCode(): Promise<string> {
    const res = await fetch(`${sb.url}/oauth/device/authorize`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: DEVICE_CLIENT }).toString(),
    });
    assert.strictEqual(res.status, 200);
    return ((await res.json()) as { user_code: string }).user_code;
  }

  it('lists codes until they are approved, denied or expired', async () => {
    assert.deepStrictEqual(sb.pendingDeviceCodes(), []);
    const a = await requestCode();
    const b = await requestCode();
    const c = await requestCode();
    assert.deepStrictEqual(sb.pendingDeviceCodes(), [a, b, c]);
    sb.approveDevice(a, ALICE);
    sb.denyDevice(b);
    assert.deepStrictEqual(sb.pendingDeviceCodes(), [c]);
    now += 601_000; // past expires_in (600 s)
    assert.deepStrictEqual(sb.pendingDeviceCodes(), []);
  });
});
