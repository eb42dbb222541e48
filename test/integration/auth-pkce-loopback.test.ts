// The PKCE flow end to end over real sockets: the Node loopback adapter, a
// tiny in-test authorization server that redirects at once, and a "browser"
// that follows the redirect. Also: the loopback server is gone in every outcome.
import * as assert from 'assert';
import * as http from 'http';
import { createHash } from 'crypto';
import type { AddressInfo } from 'net';
import { parseEnvironment } from '../../src/core/env/environment';
import { pkceFlow } from '../../src/core/auth/flows/pkce';
import { AuthError } from '../../src/core/auth/errors';
import type { FlowContext } from '../../src/core/auth/flows/types';
import { nodeHttp } from '../../src/node/http';
import { nodeLoopback } from '../../src/node/loopbackServer';
import { silentLog, systemClock } from '../../src/core/ports';
import { FakePrompt } from '../unit/auth-fakes';

interface Pending { challenge: string; redirectUri: string }

describe('PKCE over a real loopback port (tiny in-test authorization server)', () => {
  let server: http.Server;
  let base: string;
  const codes = new Map<string, Pending>();
  let mode: 'approve' | 'deny' | 'silent' = 'approve';
  const tokenRequests: URLSearchParams[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (req.method === 'GET' && url.pathname === '/oauth/authorize') {
        const redirect = new URL(url.searchParams.get('redirect_uri')!);
        if (mode === 'silent') { res.writeHead(200); res.end('waiting'); return; }
        if (mode === 'deny') redirect.searchParams.set('error', 'access_denied');
        else {
          const code = `code-${codes.size}`;
          codes.set(code, { challenge: url.searchParams.get('code_challenge')!, redirectUri: url.searchParams.get('redirect_uri')! });
          redirect.searchParams.set('code', code);
        }
        redirect.searchParams.set('state', url.searchParams.get('state')!);
        res.writeHead(302, { location: redirect.toString() });
        res.end();
        return;
      }
      if (req.method === 'POST' && url.pathname === '/oauth/token') {
        let body = '';
        req.on('data', (c) => { body += c; });
        req.on('end', () => {
          const form = new URLSearchParams(body);
          tokenRequests.push(form);
          const pending = codes.get(form.get('code') ?? '');
          const ok = pending && pending.redirectUri === form.get('redirect_uri')
            && createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === pending.challenge;
          res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
          res.end(JSON.stringify(ok ? { access_token: 'loopback-token', token_type: 'bearer', expires_in: 60 } : { error: 'invalid_grant' }));
        });
        return;
      }
      res.writeHead(404); res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => { server.closeAllConnections(); await new Promise<void>((r) => server.close(() => r())); });

  /** Follows redirects like a browser, remembering where it went and what the loopback page said. */
  function browser() {
    const seen: { url: string; status: number; body: string }[] = [];
    const state: { done?: Promise<void> } = {};
    const prompt = new FakePrompt((start) => { state.done = follow(start); });
    async function follow(start: string) {
      let url = start;
      for (let i = 0; i < 5; i++) {
        const res = await fetch(url, { redirect: 'manual' });
        const body = await res.text();
        seen.push({ url, status: res.status, body });
        const loc = res.headers.get('location');
        if (!loc) return;
        url = new URL(loc, url).toString();
      }
    }
    return { prompt, seen, finished: () => state.done };
  }

  const ctx = (prompt: FakePrompt, signal?: AbortSignal): FlowContext => ({
    env: parseEnvironment(base), http: nodeHttp(), clock: systemClock, prompt, log: silentLog, loopback: nodeLoopback, signal,
  });

  async function refused(url: string): Promise<boolean> {
    try { await fetch(url); return false; } catch { return true; }
  }

  it('completes the sign-in, verifies S256 on the server and shows the success page', async () => {
    mode = 'approve';
    const { prompt, seen, finished } = browser();
    const session = await pkceFlow.signIn(ctx(prompt), { clientId: 'public-client', timeoutMs: 30_000 });
    await finished();
    assert.strictEqual(session.accessToken, 'loopback-token');
    const last = tokenRequests.at(-1)!;
    assert.deepStrictEqual([...last.keys()].sort(), ['client_id', 'code', 'code_verifier', 'grant_type', 'redirect_uri']);
    const loopbackHit = seen.find((s) => s.url.startsWith('http://localhost:'))!;
    assert.strictEqual(loopbackHit.status, 200);
    assert.match(loopbackHit.body, /Signed in/);
    assert.ok(await refused(loopbackHit.url.split('?')[0]), 'the loopback server is closed after success');
  });

  it('binds the fixed port when asked and serves 404 for stray paths', async () => {
    mode = 'approve';
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    let stray = 0;
    const prompt = new FakePrompt(async (start) => {
      const res = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
      stray = res.status;
      await res.text();
      const loc = (await fetch(start, { redirect: 'manual' })).headers.get('location')!;
      await (await fetch(loc)).text();
    });
    await pkceFlow.signIn(ctx(prompt), { clientId: 'c', port, timeoutMs: 30_000 });
    assert.strictEqual(stray, 404);
    assert.match(prompt.opened[0], new RegExp(`redirect_uri=http%3A%2F%2Flocalhost%3A${port}`));
  });

  it('reports a denial and closes the loopback server', async () => {
    mode = 'deny';
    const { prompt, seen, finished } = browser();
    await assert.rejects(pkceFlow.signIn(ctx(prompt), { clientId: 'c', timeoutMs: 30_000 }), (e: AuthError) => e.code === 'access_denied');
    await finished();
    const hit = seen.find((s) => s.url.startsWith('http://localhost:'))!;
    assert.strictEqual(hit.status, 400);
    assert.ok(await refused(hit.url.split('?')[0]));
  });

  it('is cancelled by the AbortSignal and closes the loopback server', async () => {
    mode = 'silent';
    const controller = new AbortController();
    let redirect = '';
    const prompt = new FakePrompt((url) => { redirect = new URL(url).searchParams.get('redirect_uri')!; setTimeout(() => controller.abort(), 10).unref(); });
    await assert.rejects(pkceFlow.signIn(ctx(prompt, controller.signal), { clientId: 'c', timeoutMs: 60_000 }), (e: AuthError) => e.code === 'cancelled');
    assert.ok(redirect.startsWith('http://localhost:'));
    assert.ok(await refused(redirect));
  });
});
