// Malformed request lines over a raw socket: the sandbox answers 400 and keeps
// serving; no request target may throw outside the handler's error path.
import * as assert from 'assert';
import * as net from 'net';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { api } from '../../src/sandbox/testing/api';

/** Writes one raw HTTP/1.1 request and resolves with everything the server sent until it closed. */
function rawRequest(baseUrl: string, requestLine: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => { text += c; });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
  });
}

function statusOf(response: string): number {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(response);
  assert.ok(m, `an HTTP response, got ${JSON.stringify(response.slice(0, 80))}`);
  return Number(m[1]);
}

/** The ErrorBody code of the answer (the body may be chunked, so it is found rather than parsed). */
function codeOf(response: string): string | undefined {
  return /"code":"([^"]+)"/.exec(response.slice(response.indexOf('\r\n\r\n')))?.[1];
}

describe('sandbox: malformed request targets (raw socket)', () => {
  let sb: Sandbox;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => { unhandled.push(reason); };
  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    sb = await startSandbox({ port: 0 });
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await sb.close();
  });

  it('answers `GET //[` (once an uncaught TypeError) as a path that does not exist, and keeps serving', async () => {
    const r = await rawRequest(sb.url, 'GET //[ HTTP/1.1');
    assert.strictEqual(statusOf(r), 404);
    assert.strictEqual(codeOf(r), 'not.found');
    assert.deepStrictEqual(unhandled, []);
    assert.strictEqual((await api(sb.url, undefined, 'GET', '/.well-known/oauth-authorization-server')).status, 200);
    assert.strictEqual(sb.requestLog.entries().at(-2)?.path, '//[', 'the bad request is logged');
  });

  it('answers 400 bad.request to an absolute-form target that is not a URL', async () => {
    const r = await rawRequest(sb.url, 'GET http://[/api/v2/users/me HTTP/1.1');
    assert.strictEqual(statusOf(r), 400);
    assert.strictEqual(codeOf(r), 'bad.request');
    assert.deepStrictEqual(unhandled, []);
  });

  it('answers 400 bad.request, not 500, to a truncated percent-escape in a path parameter', async () => {
    const r = await rawRequest(sb.url, 'GET /api/v2/users/%E0%A4%A HTTP/1.1');
    assert.strictEqual(statusOf(r), 400);
    assert.strictEqual(codeOf(r), 'bad.request');
  });

  it('answers 400 bad.request to a percent-escape that is not UTF-8 (`%FF`)', async () => {
    const r = await rawRequest(sb.url, 'GET /api/v2/users/%FF HTTP/1.1');
    assert.strictEqual(statusOf(r), 400);
  });

  it('reads a leading `//` as part of the path (origin-form), not as a host', async () => {
    // `new URL('//x/api/…', base)` would take "x" for a host and serve /api/v2/docs/swagger.
    const r = await rawRequest(sb.url, 'GET //x/api/v2/docs/swagger HTTP/1.1');
    assert.strictEqual(statusOf(r), 404);
  });

  it('still routes a well-formed escaped path parameter', async () => {
    const r = await rawRequest(sb.url, 'GET /api/v2/users/a%20b HTTP/1.1');
    assert.strictEqual(statusOf(r), 401, 'reaches the operation gate (no bearer token)');
  });
});
