// The Sign In quick pick: which flows are offered, in which order, and why the
// device flow is disabled where the login server does not advertise it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseEnvironment } from '../../../src/core/env/environment';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { deviceFlowUnavailable, flowChoices, preferredFlow } from '../../../src/vscode/auth/prompts';

describe('Sign In: flow choices', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox(); });
  after(() => sandbox.close());

  it('offers the device flow where the RFC 8414 metadata advertises it (the sandbox)', async () => {
    const env = parseEnvironment(sandbox.url);
    assert.strictEqual(await deviceFlowUnavailable(env), undefined);
    const items = flowChoices(env, undefined);
    assert.deepStrictEqual(items.map((i) => i.flow), ['pkce', 'device', 'client-credentials', 'token']);
    assert.ok(items.every((i) => !i.unavailable));
    assert.match(items.find((i) => i.flow === 'client-credentials')!.detail!, /no user: user-only APIs such as POST \/api\/v2\/conversations\/calls refuse it/);
    assert.match(items.find((i) => i.flow === 'device')!.detail!, /not offered by Genesys Cloud/);
  });

  it('disables it on a Genesys region, with the reason as the item detail', async () => {
    const env = parseEnvironment('eu_west_1');
    const why = await deviceFlowUnavailable(env);
    assert.match(why ?? '', /Genesys Cloud does not offer the OAuth device authorization grant/);
    const device = flowChoices(env, why).find((i) => i.flow === 'device')!;
    assert.strictEqual(device.unavailable, why);
    assert.strictEqual(device.detail, why);
    assert.match(device.label, /^\$\(circle-slash\) /);
  });

  it('disables it on a server that publishes no metadata', async () => {
    // Under a sub-path of the sandbox every RFC 8414 / OIDC discovery location answers 404.
    const why = await deviceFlowUnavailable(parseEnvironment(`${sandbox.url}/nothing-here`));
    assert.strictEqual(why, `${sandbox.url}/nothing-here publishes no OAuth metadata (RFC 8414), so no device endpoint is known.`);
  });

  it('lists the preferred flow (genesysCloud.signInFlow) first', async () => {
    const config = vscode.workspace.getConfiguration('genesysCloud');
    assert.strictEqual(config.inspect('signInFlow')?.defaultValue, 'ask');
    assert.strictEqual(preferredFlow(config), undefined);
    const items = flowChoices(parseEnvironment(sandbox.url), undefined, 'token');
    assert.deepStrictEqual(items.map((i) => i.flow), ['token', 'pkce', 'device', 'client-credentials']);
    assert.match(items[0].description ?? '', /preferred/);
  });
});
