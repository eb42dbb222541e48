import * as assert from 'assert';
import { loadCatalog } from '../../src/core/catalog/catalog';
import {
  LiveSwaggerError, loadStoredSwagger, MANIFEST_FILE, refreshLiveSwagger, removeStoredSwagger, storageKey, storedAge,
  storedSwaggers, swaggerUrl, type RefreshOptions, type SwaggerStoragePort,
} from '../../src/core/catalog/liveSwagger';
import { parseEnvironment } from '../../src/core/env/environment';
import { ForeignHostRefused, withBearer } from '../../src/core/http/guard';
import type { HttpRequest, HttpResponse } from '../../src/core/ports';
import { FakeClock } from './auth-fakes';

const HOUR = 3_600_000;

/** A current-style document: the scheme "PureCloud OAuth" carries per-operation scopes. */
function doc(scope = 'conversations'): string {
  return JSON.stringify({
    swagger: '2.0', info: { title: 'PureCloud Platform API', version: 'v2' },
    securityDefinitions: { 'PureCloud OAuth': { type: 'oauth2' } },
    paths: {
      '/api/v2/conversations/calls': {
        post: {
          operationId: 'postConversationsCalls', tags: ['Conversations'], responses: { 200: { description: 'ok' } },
          security: [{ 'PureCloud OAuth': [scope] }],
          'x-inin-requires-permissions': { type: 'ANY', permissions: ['conversation:conference:add'] },
        },
      },
    },
  });
}

class MemoryStorage implements SwaggerStoragePort {
  files = new Map<string, string>();
  readText(name: string) { return this.files.get(name); }
  async writeText(name: string, text: string) { this.files.set(name, text); }
  async delete(name: string) { this.files.delete(name); }
}

class FakeHttp {
  requests: HttpRequest[] = [];
  constructor(private readonly answer: (req: HttpRequest) => HttpResponse) {}
  async send(req: HttpRequest): Promise<HttpResponse> { this.requests.push(req); return this.answer(req); }
}

const env = parseEnvironment('mypurecloud.ie');

function options(http: FakeHttp, storage: MemoryStorage, clock = new FakeClock(1_000_000), extra: Partial<RefreshOptions> = {}): RefreshOptions {
  return { env, http, clock, storage, maxAgeMs: 24 * HOUR, ...extra };
}

describe('live Swagger download (core/catalog/liveSwagger)', () => {
  it('downloads GET <api>/api/v2/docs/swagger, stores the body and its ETag, and indexes it for the catalog', async () => {
    const http = new FakeHttp(() => ({ status: 200, headers: { etag: '"v1"', 'last-modified': 'Fri, 20 Nov 2026 10:00:00 GMT' }, body: doc() }));
    const storage = new MemoryStorage();
    const r = await refreshLiveSwagger(options(http, storage));
    assert.strictEqual(r.status, 'downloaded');
    assert.strictEqual(http.requests[0].url, 'https://api.mypurecloud.ie/api/v2/docs/swagger');
    assert.strictEqual(http.requests[0].method, 'GET');
    assert.strictEqual(http.requests[0].headers?.['If-None-Match'], undefined);
    assert.deepStrictEqual({ etag: r.meta.etag, ops: r.meta.operationCount, title: r.meta.title }, { etag: '"v1"', ops: 1, title: 'PureCloud Platform API' });
    assert.strictEqual(storage.files.get(r.meta.file), doc());
    assert.deepStrictEqual(storedSwaggers(storage).map((m) => m.environment), ['mypurecloud.ie']);

    const loaded = loadStoredSwagger(storage, 'mypurecloud.ie');
    assert.ok(loaded);
    assert.strictEqual(loaded.index.origin, 'mypurecloud.ie');
    const op = loadCatalog({ swagger: [loaded.index] }).byId('postConversationsCalls');
    assert.deepStrictEqual(op?.scopes?.scopes, ['conversations']);
    assert.strictEqual(op?.fieldOrigins?.scopes, 'swagger:mypurecloud.ie');
  });

  it('skips the network while the stored copy is younger than the max age, unless forced', async () => {
    const http = new FakeHttp(() => ({ status: 200, headers: {}, body: doc() }));
    const storage = new MemoryStorage();
    const clock = new FakeClock(1_000_000);
    await refreshLiveSwagger(options(http, storage, clock));
    clock.t += 2 * HOUR;
    assert.strictEqual(storedAge(storage, 'mypurecloud.ie', clock.now()), 2 * HOUR);
    const again = await refreshLiveSwagger(options(http, storage, clock));
    assert.strictEqual(again.status, 'fresh');
    assert.strictEqual(http.requests.length, 1);
    const forced = await refreshLiveSwagger(options(http, storage, clock, { force: true }));
    assert.strictEqual(forced.status, 'downloaded');
    assert.strictEqual(http.requests.length, 2);
  });

  it('revalidates an old copy with If-None-Match / If-Modified-Since; 304 keeps it and restarts the age', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(1_000_000);
    await refreshLiveSwagger(options(new FakeHttp(() => ({ status: 200, headers: { etag: '"v1"', 'last-modified': 'Fri, 20 Nov 2026 10:00:00 GMT' }, body: doc() })), storage, clock));
    const stored = storedSwaggers(storage)[0];
    clock.t += 25 * HOUR;
    const http = new FakeHttp((req) => (req.headers?.['If-None-Match'] === '"v1"' ? { status: 304, headers: {}, body: '' } : { status: 200, headers: {}, body: doc('other') }));
    const r = await refreshLiveSwagger(options(http, storage, clock));
    assert.strictEqual(r.status, 'not-modified');
    assert.strictEqual(http.requests[0].headers?.['If-Modified-Since'], 'Fri, 20 Nov 2026 10:00:00 GMT');
    assert.strictEqual(r.meta.checkedAt, clock.t);
    assert.strictEqual(r.meta.downloadedAt, stored.downloadedAt);
    assert.strictEqual(storedAge(storage, 'mypurecloud.ie', clock.t), 0);
    assert.deepStrictEqual(loadCatalog({ swagger: [loadStoredSwagger(storage, 'mypurecloud.ie')!.index] }).byId('postConversationsCalls')?.scopes?.scopes, ['conversations']);
  });

  it('replaces the stored copy when the server sends a new version (200 with a new ETag)', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(1_000_000);
    await refreshLiveSwagger(options(new FakeHttp(() => ({ status: 200, headers: { etag: '"v1"' }, body: doc() })), storage, clock));
    const r = await refreshLiveSwagger(options(new FakeHttp(() => ({ status: 200, headers: { etag: '"v2"' }, body: doc('conversations:call:add') })), storage, clock, { force: true }));
    assert.strictEqual(r.status, 'downloaded');
    assert.strictEqual(r.meta.etag, '"v2"');
    assert.deepStrictEqual(loadCatalog({ swagger: [loadStoredSwagger(storage, 'mypurecloud.ie')!.index] }).byId('postConversationsCalls')?.scopes?.scopes, ['conversations:call:add']);
  });

  it('sends the bearer token to the environment\'s API host only', async () => {
    const http = new FakeHttp(() => ({ status: 200, headers: {}, body: doc() }));
    await refreshLiveSwagger(options(http, new MemoryStorage(), undefined, { accessToken: 'tok-123456789' }));
    assert.strictEqual(http.requests[0].headers?.Authorization, 'Bearer tok-123456789');
    // An environment whose API lives elsewhere than its login: still only its own API host gets the request.
    const split = parseEnvironment('login=https://login.example.test,api=https://api.example.test');
    const http2 = new FakeHttp(() => ({ status: 200, headers: {}, body: doc() }));
    await refreshLiveSwagger({ ...options(http2, new MemoryStorage()), env: split, accessToken: 'tok-123456789' });
    assert.strictEqual(http2.requests[0].url, 'https://api.example.test/api/v2/docs/swagger');
    assert.strictEqual(http2.requests[0].headers?.Authorization, 'Bearer tok-123456789');
  });

  it('sends no Authorization header without a session, and never a token given in headers elsewhere (guard)', async () => {
    const http = new FakeHttp(() => ({ status: 200, headers: {}, body: doc() }));
    await refreshLiveSwagger(options(http, new MemoryStorage()));
    assert.strictEqual(http.requests[0].headers?.Authorization, undefined);
    // The guard the refresh goes through: a foreign URL carrying the token is refused outright.
    assert.throws(() => withBearer({ method: 'GET', url: 'https://evil.example.test/x', headers: { X: 'tok-123456789' } }, 'tok-123456789', [env.apiBaseUrl, env.loginBaseUrl]), ForeignHostRefused);
  });

  it('keeps the stored copy when the server fails or answers something that is not Swagger 2.0', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(1_000_000);
    await refreshLiveSwagger(options(new FakeHttp(() => ({ status: 200, headers: {}, body: doc() })), storage, clock));
    const before = new Map(storage.files);
    await assert.rejects(refreshLiveSwagger(options(new FakeHttp(() => ({ status: 401, headers: {}, body: '{"code":"bad.credentials"}' })), storage, clock, { force: true })),
      (e: Error) => e instanceof LiveSwaggerError && /answered 401\. The token was refused: sign in again\. Body: \{"code":"bad\.credentials"\}/.test(e.message));
    await assert.rejects(refreshLiveSwagger(options(new FakeHttp(() => ({ status: 200, headers: {}, body: '{"openapi":"3.0.0","paths":{}}' })), storage, clock, { force: true })),
      (e: Error) => e instanceof LiveSwaggerError && /OpenAPI 3 is not supported/.test(e.message));
    await assert.rejects(refreshLiveSwagger(options(new FakeHttp(() => ({ status: 302, headers: { location: 'https://elsewhere' }, body: '' })), storage, clock, { force: true })),
      /Redirects are not followed/);
    await assert.rejects(refreshLiveSwagger(options({ requests: [], send: async () => { throw new Error('connect ECONNREFUSED'); } } as unknown as FakeHttp, storage, clock, { force: true })),
      /GET https:\/\/api\.mypurecloud\.ie\/api\/v2\/docs\/swagger failed: connect ECONNREFUSED\. Is the environment reachable\?/);
    assert.deepStrictEqual(storage.files, before);
  });

  it('passes a cancellation through as the caller\'s own reason', async () => {
    const abort = new AbortController();
    const reason = new Error('cancelled by the user');
    const http = { requests: [], send: async () => { abort.abort(reason); throw reason; } } as unknown as FakeHttp;
    await assert.rejects(refreshLiveSwagger(options(http, new MemoryStorage(), undefined, { signal: abort.signal })), (e) => e === reason);
  });

  it('treats a damaged store as empty and can forget stored documents', async () => {
    const storage = new MemoryStorage();
    storage.files.set(MANIFEST_FILE, '{ not json');
    assert.deepStrictEqual(storedSwaggers(storage), []);
    const r = await refreshLiveSwagger(options(new FakeHttp(() => ({ status: 200, headers: {}, body: doc() })), storage));
    assert.strictEqual(r.status, 'downloaded');
    storage.files.set(r.meta.file, 'garbage');
    assert.strictEqual(loadStoredSwagger(storage, 'mypurecloud.ie'), undefined);
    assert.deepStrictEqual(await removeStoredSwagger(storage), ['mypurecloud.ie']);
    assert.strictEqual(storage.files.has(r.meta.file), false);
    assert.deepStrictEqual(storedSwaggers(storage), []);
  });

  it('names files safely and distinctly per environment', () => {
    const a = storageKey('http://127.0.0.1:8787');
    assert.match(a, /^127\.0\.0\.1_8787-[0-9a-f]{8}$/);
    assert.notStrictEqual(a, storageKey('http://127.0.0.1:8788'));
    assert.strictEqual(swaggerUrl(parseEnvironment('http://127.0.0.1:8787')), 'http://127.0.0.1:8787/api/v2/docs/swagger');
  });
});
