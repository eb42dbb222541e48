// "Genesys Cloud: Refresh API Catalog" against the sandbox org, inside the real
// extension host: the download lands in global storage, hovers show the live
// scopes with their provenance, the age check skips the network, and removing
// the download brings the bundled catalog back.
import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import type { RefreshResult } from '../../../src/core/catalog/liveSwagger';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { pkceLogin } from '../../../src/sandbox/testing/flows';
import { eventually, PKCE_CLIENT, ALICE, testAccess } from './authHelpers';
import { activateExtension, hoverText, workspaceFile } from './helpers';

async function requestLineHover(): Promise<string> {
  const uri = workspaceFile('call.http');
  await vscode.workspace.openTextDocument(uri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 2));
  return hoverText(hovers);
}

interface Seen { path: string; authorization?: string; ifNoneMatch?: string; status: number }

/**
 * A loopback front for the sandbox that records what the extension sent and
 * gives the Swagger document an ETag (the sandbox itself sends none), so the
 * If-None-Match → 304 path runs end to end.
 */
async function recordingFront(target: string): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const entry: Seen = { path: req.url ?? '', authorization: req.headers.authorization, ifNoneMatch: req.headers['if-none-match'] as string | undefined, status: 0 };
    seen.push(entry);
    const isSwagger = entry.path === '/api/v2/docs/swagger';
    if (isSwagger && entry.ifNoneMatch === ETAG) { entry.status = 304; res.writeHead(304, { etag: ETAG }).end(); return; }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
    const answer = await fetch(target + entry.path, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, redirect: 'manual' });
    entry.status = answer.status;
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', ...(isSwagger ? { etag: ETAG } : {}) });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

const ETAG = '"sandbox-swagger-1"';

describe('Refresh API Catalog (sandbox)', () => {
  let sandbox: Sandbox;
  let front: Awaited<ReturnType<typeof recordingFront>>;
  let token: string;
  let savedEnvironment: string | undefined;
  const swaggerSeen = () => front.seen.filter((e) => e.path === '/api/v2/docs/swagger');

  before(async () => {
    await activateExtension();
    sandbox = await startSandbox();
    front = await recordingFront(sandbox.url);
    // Only the user (Global) value is changed and restored: nothing is written into the test workspace's .vscode/.
    savedEnvironment = vscode.workspace.getConfiguration('genesysCloud').inspect<string>('environment')?.globalValue;
    await vscode.workspace.getConfiguration('genesysCloud').update('environment', front.url, vscode.ConfigurationTarget.Global);
    token = (await pkceLogin(sandbox.url, PKCE_CLIENT, ALICE)).access_token;
    // Straight through the provider: the Sign In command asks VS Code for consent, a dialog tests cannot click.
    await (await testAccess()).auth.signInWith({ environment: front.url, flow: 'token', accessToken: token });
  });

  after(async () => {
    await vscode.commands.executeCommand('genesysCloud.forgetCatalog');
    await vscode.commands.executeCommand('genesysCloud.signOut', front.url);
    await vscode.workspace.getConfiguration('genesysCloud').update('catalogMaxAgeHours', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('genesysCloud').update('environment', savedEnvironment, vscode.ConfigurationTarget.Global);
    await front.close();
    await sandbox.close();
  });

  it('starts from the bundled catalog: the SDK carries no scopes', async () => {
    assert.match(await requestLineHover(), /OAuth scopes: unknown/);
  });

  it('downloads the signed-in environment\'s Swagger with the session\'s token and overlays it', async () => {
    const result = await vscode.commands.executeCommand<RefreshResult>('genesysCloud.refreshCatalog', { force: true });
    assert.strictEqual(result.status, 'downloaded');
    assert.strictEqual(result.meta.environment, front.url);
    assert.strictEqual(result.meta.url, `${front.url}/api/v2/docs/swagger`);
    assert.strictEqual(result.meta.etag, ETAG);
    assert.ok(result.meta.operationCount > 10, `${result.meta.operationCount} operations`);
    assert.deepStrictEqual(swaggerSeen().map((e) => [e.status, e.authorization === `Bearer ${token}`, e.ifNoneMatch]), [[200, true, undefined]]);

    // The hover now names the sandbox's scopes, with the document as their source.
    const text = await eventually(async () => { const t = await requestLineHover(); return /OAuth scopes \(any of\)/.test(t) ? t : undefined; });
    assert.match(text, /OAuth scopes \(any of\): `conversations`/);
    assert.ok(text.includes(`${front.url} paths["/api/v2/conversations/calls"].post security["PureCloud OAuth"]`), text);
  });

  it('skips the network while the copy is younger than genesysCloud.catalogMaxAgeHours, then revalidates with its ETag (304)', async () => {
    const fresh = await vscode.commands.executeCommand<RefreshResult>('genesysCloud.refreshCatalog', {});
    assert.strictEqual(fresh.status, 'fresh');
    assert.strictEqual(swaggerSeen().length, 1, 'no second request');
    await vscode.workspace.getConfiguration('genesysCloud').update('catalogMaxAgeHours', 0, vscode.ConfigurationTarget.Global);
    const again = await vscode.commands.executeCommand<RefreshResult>('genesysCloud.refreshCatalog', {});
    assert.strictEqual(again.status, 'not-modified');
    assert.deepStrictEqual(swaggerSeen().map((e) => [e.status, e.ifNoneMatch]), [[200, undefined], [304, ETAG]]);
    assert.match(await requestLineHover(), /OAuth scopes \(any of\): `conversations`/);
  });

  it('reports an environment that cannot be reached, and keeps the overlay', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('genesysCloud.refreshCatalog', { environment: 'http://127.0.0.1:9', force: true })), /GET http:\/\/127\.0\.0\.1:9\/api\/v2\/docs\/swagger failed: .*Is the environment reachable\?/);
    assert.match(await requestLineHover(), /OAuth scopes \(any of\): `conversations`/);
  });

  it('"Remove Downloaded API Catalog" brings the bundled catalog back', async () => {
    const removed = await vscode.commands.executeCommand<string[]>('genesysCloud.forgetCatalog');
    assert.deepStrictEqual(removed, [front.url]);
    assert.match(await eventually(async () => { const t = await requestLineHover(); return /OAuth scopes: unknown/.test(t) ? t : undefined; }), /OAuth scopes: unknown/);
  });
});
