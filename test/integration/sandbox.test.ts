// The sandbox org over loopback HTTP: metadata, swagger, 401s, every fixture
// cause through a real sign-in, paging, forbidden lookups, scopes and the log.
import * as assert from 'assert';
import { loadFixture, startSandbox, type Sandbox } from '../../src/sandbox';
import { api } from '../../src/sandbox/testing/api';
import { login, pkceLogin, clientCredentials } from '../../src/sandbox/testing/flows';
import { checkShape } from '../../src/sandbox/testing/sdkShapes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const fixture = loadFixture();
const user = (name: string) => fixture.users.find((u) => u.name.startsWith(name))!;
const client = (name: string) => fixture.clients.find((c) => c.name === name)!;

describe('sandbox org (integration)', () => {
  let sb: Sandbox;
  before(async () => { sb = await startSandbox({ port: 0 }); });
  after(() => sb.close());

  const signIn = (who: string, via = 'Call Doctor (PKCE)') => pkceLogin(sb.url, client(via).id, user(who).id).then((t) => t.access_token);

  it('serves RFC 8414 metadata with token and device endpoints on the same base URL', async () => {
    assert.match(sb.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await api(sb.url, undefined, 'GET', '/.well-known/oauth-authorization-server');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.json.issuer, sb.url);
    assert.strictEqual(r.json.token_endpoint, `${sb.url}/oauth/token`);
    assert.strictEqual(r.json.device_authorization_endpoint, `${sb.url}/oauth/device/authorize`);
    assert.strictEqual(r.json.authorization_endpoint, `${sb.url}/oauth/authorize`);
    assert.deepStrictEqual(r.json.code_challenge_methods_supported, ['S256']);
    assert.ok(r.json.grant_types_supported.includes('urn:ietf:params:oauth:grant-type:device_code'));
    assert.strictEqual(r.json.jwks_uri, undefined, 'opaque tokens by default: no JWKS');
  });

  it('serves a Swagger 2.0 document with security, permissions and error codes on POST /calls', async () => {
    const r = await api(sb.url, undefined, 'GET', '/api/v2/docs/swagger');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.json.swagger, '2.0');
    const post = r.json.paths['/api/v2/conversations/calls'].post;
    assert.strictEqual(post.operationId, 'postConversationsCalls');
    assert.deepStrictEqual(post['x-inin-requires-permissions'], { type: 'ANY', permissions: ['conversation:conference:add'] });
    assert.deepStrictEqual(post.security, [{ 'PureCloud OAuth': ['conversations'] }]);
    assert.strictEqual(post.responses['400']['x-inin-error-codes']['not.a.user'],
      'This request requires a user context. Client credentials cannot be used for requests to this resource.');
    assert.ok(post.responses['500']['x-inin-error-codes']['providerapi.error.station.no.active.edge']);
    const body = post.parameters.find((p: { in: string }) => p.in === 'body');
    assert.deepStrictEqual(body.schema, { $ref: '#/definitions/CreateCallRequest' });
    assert.ok(r.json.definitions.CreateCallRequest.properties.phoneNumber, 'body model from the SDK catalog');
    const onBehalf = r.json.paths['/api/v2/conversations/calls/user/{userId}'].post;
    assert.deepStrictEqual(onBehalf['x-inin-requires-permissions'].permissions, ['conversation:agentlessCall:add', 'conversation:call:add']);
    assert.strictEqual(r.json.paths['/api/v2/routing/queues/{queueId}'].get['x-inin-requires-permissions'].type, 'ALL');
  });

  it('answers POST /api/v2/conversations/calls without a token with a 401 ErrorBody', async () => {
    const r = await api(sb.url, undefined, 'POST', '/api/v2/conversations/calls', { phoneNumber: '+13175550199' });
    assert.strictEqual(r.status, 401);
    assert.strictEqual(r.json.code, 'authentication.required');
    assert.strictEqual(r.json.status, 401);
    assert.strictEqual(r.json.message, 'No authentication bearer token specified in authorization header.');
    assert.match(r.json.contextId, UUID);
    assert.deepStrictEqual(checkShape(r.json, 'Models.ErrorBody'), []);
    const again = await api(sb.url, undefined, 'POST', '/api/v2/conversations/calls', {});
    assert.notStrictEqual(again.json.contextId, r.json.contextId, 'a fresh contextId per error');
  });

  it('answers an unknown token with 401 bad.credentials', async () => {
    const r = await api(sb.url, 'not-a-real-token', 'GET', '/api/v2/tokens/me');
    assert.strictEqual(r.status, 401);
    assert.strictEqual(r.json.code, 'bad.credentials');
  });

  describe('every documented cause, signed in as the fixture says', () => {
    for (const s of fixture.scenarios) {
      it(`${s.id}: ${s.login.grant} -> ${s.expect.status} ${s.expect.code ?? ''}`, async () => {
        const token = await login(sb.url, sb.fixture, s.login);
        const r = await api(sb.url, token.access_token, s.request.method, s.request.path, s.request.body);
        assert.strictEqual(r.status, s.expect.status, JSON.stringify(r.json));
        if (s.expect.status === 200) {
          assert.match(r.json.id, UUID);
          assert.strictEqual(r.json.selfUri, `/api/v2/conversations/calls/${r.json.id}`);
          assert.deepStrictEqual(checkShape(r.json, 'Models.CreateCallResponse'), []);
        } else {
          assert.strictEqual(r.json.code, s.expect.code);
          assert.strictEqual(r.json.status, s.expect.status);
          assert.match(r.json.contextId, UUID);
          assert.deepStrictEqual(checkShape(r.json, 'Models.ErrorBody'), []);
        }
      });
    }
  });

  it('names the missing permissions in a 403 missing.any.permissions', async () => {
    const r = await api(sb.url, await signIn('Erin'), 'POST', '/api/v2/conversations/calls', { phoneNumber: '+13175550199' });
    assert.strictEqual(r.json.message, 'Unable to perform the requested action. You must have at least one of the following permissions assigned: [conversation:conference:add]');
    assert.deepStrictEqual(r.json.messageParams, { permissions: '[conversation:conference:add]' });
  });

  it('refuses users/me for a client-credentials token but serves tokens/me', async () => {
    const cc = client('Dialer Integration');
    const token = (await clientCredentials(sb.url, cc.id, cc.secret!)).access_token;
    const me = await api(sb.url, token, 'GET', '/api/v2/users/me');
    assert.strictEqual(me.status, 400);
    assert.strictEqual(me.json.code, 'not.a.user');
    const info = await api(sb.url, token, 'GET', '/api/v2/tokens/me');
    assert.strictEqual(info.status, 200);
    assert.strictEqual(info.json.OAuthClient.authorizedGrantType, 'CLIENT-CREDENTIALS');
    assert.deepStrictEqual(info.json.OAuthClient.roleDivisions, cc.roleDivisions);
    assert.ok(!info.text.includes(cc.secret!), 'never echoes the secret');
  });

  it('describes a PKCE token in tokens/me (scopes of the client, capitalised OAuthClient) and HEAD works', async () => {
    const token = await signIn('Alice');
    const r = await api(sb.url, token, 'GET', '/api/v2/tokens/me');
    assert.deepStrictEqual(r.json.authorizedScope, client('Call Doctor (PKCE)').scope);
    assert.strictEqual(r.json.OAuthClient.authorizedGrantType, 'CODE');
    assert.strictEqual(r.json.organization.id, fixture.org.id);
    const head = await api(sb.url, token, 'HEAD', '/api/v2/tokens/me');
    assert.strictEqual(head.status, 200);
    assert.strictEqual(head.text, '');
  });

  it('expands users/me with authorization and station', async () => {
    const r = await api(sb.url, await signIn('Alice'), 'GET', '/api/v2/users/me?expand=authorization,station');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.json.id, user('Alice').id);
    assert.ok(r.json.authorization.permissions.includes('conversation:conference:add'));
    assert.strictEqual(r.json.station.associatedStation.id, user('Alice').stationId);
    assert.strictEqual(r.json.token, undefined, 'token only when expanded');
  });

  it('pages classic listings (entities, pageSize, pageNumber, total, pageCount, URIs)', async () => {
    const token = await signIn('Alice');
    const first = await api(sb.url, token, 'GET', '/api/v2/stations?pageSize=2');
    assert.strictEqual(first.json.total, fixture.stations.length);
    assert.strictEqual(first.json.pageCount, Math.ceil(fixture.stations.length / 2));
    assert.strictEqual(first.json.entities.length, 2);
    assert.strictEqual(first.json.pageNumber, 1);
    assert.strictEqual(first.json.nextUri, '/api/v2/stations?pageSize=2&pageNumber=2');
    assert.strictEqual(first.json.previousUri, undefined);
    const last = await api(sb.url, token, 'GET', first.json.lastUri);
    assert.strictEqual(last.json.pageNumber, first.json.pageCount);
    assert.strictEqual(last.json.nextUri, undefined);
    assert.ok(last.json.previousUri);
    const ids = new Set<string>();
    for (let n = 1; n <= first.json.pageCount; n++) {
      (await api(sb.url, token, 'GET', `/api/v2/stations?pageSize=2&pageNumber=${n}`)).json.entities.forEach((e: { id: string }) => ids.add(e.id));
    }
    assert.strictEqual(ids.size, fixture.stations.length, 'pages cover every station once');
  });

  it('forbids a lookup by its declared permission, and allows it for a user who holds it', async () => {
    const path = `/api/v2/users/${user('Bob').id}/station`;
    const denied = await api(sb.url, await signIn('Alice'), 'GET', path);
    assert.strictEqual(denied.status, 403);
    assert.strictEqual(denied.json.code, 'missing.any.permissions');
    assert.deepStrictEqual(denied.json.messageParams, { permissions: '[telephony:otherStationAssociation:view]' });
    const allowed = await api(sb.url, await signIn('Grace'), 'GET', path);
    assert.strictEqual(allowed.status, 200);
    assert.deepStrictEqual(allowed.json, {}, 'Bob has no station');
    const routes = await api(sb.url, await signIn('Alice'), 'GET', `/api/v2/telephony/providers/edges/sites/${fixture.sites[0].id}/outboundroutes`);
    assert.strictEqual(routes.status, 403);
    assert.strictEqual(routes.json.messageParams.permissions, '[telephony:plugin:all]');
  });

  it('enforces the org scope switch on lookups too (missing scope -> 403, present scope -> 200)', async () => {
    const token = await signIn('Alice', 'Reporting Dashboard');
    assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/stations')).status, 403);
    assert.strictEqual((await api(sb.url, token, 'GET', '/api/v2/users/me')).status, 200);
  });

  it('answers telephony, routing and authorization lookups with fixture data', async () => {
    const grace = await signIn('Grace');
    const site = fixture.sites[0].id;
    const cls = await api(sb.url, grace, 'GET', `/api/v2/telephony/providers/edges/sites/${site}/numberplans/classifications`);
    assert.deepStrictEqual(cls.json.sort(), ['Emergency', 'International', 'National', 'Toll Free']);
    const plans = await api(sb.url, grace, 'GET', `/api/v2/telephony/providers/edges/sites/${site}/numberplans`);
    assert.ok(Array.isArray(plans.json) && plans.json.every((p: { priority: number }, i: number, a: { priority: number }[]) => i === 0 || a[i - 1].priority <= p.priority));
    const members = await api(sb.url, grace, 'GET', `/api/v2/routing/queues/${fixture.queues[1].id}/members`);
    assert.deepStrictEqual(members.json.entities.map((m: { id: string }) => m.id), [user('Grace').id]);
    assert.strictEqual(members.json.total, undefined, 'QueueMemberEntityListing has no total');
    const frank = await signIn('Frank');
    const divs = await api(sb.url, frank, 'GET', '/api/v2/authorization/divisionspermitted/paged/me?permission=conversation:conference:add');
    assert.deepStrictEqual(divs.json.entities.map((d: { name: string }) => d.name), ['Sales EMEA']);
    assert.strictEqual(divs.json.allDivsPermitted, false);
    const subject = await api(sb.url, frank, 'GET', '/api/v2/authorization/subjects/me');
    assert.ok(subject.json.grants.some((g: { division: { name: string }; role: { name: string } }) => g.division.name === 'Sales EMEA' && g.role.name === 'Outbound Agent'));
    const scopes = await api(sb.url, frank, 'GET', '/api/v2/oauth/scopes');
    assert.strictEqual(scopes.json.total, fixture.scopes.length);
    assert.strictEqual(scopes.json.pageSize, undefined, 'OAuthScopeListing is unpaged');
  });

  it('filters listings by name, case-insensitively, with a trailing * wildcard', async () => {
    const grace = await signIn('Grace');
    const names = async (p: string) => (await api(sb.url, grace, 'GET', p)).json.entities.map((e: { name: string }) => e.name);
    assert.deepStrictEqual(await names('/api/v2/routing/queues?name=sales*'), ['Sales Outbound']);
    assert.deepStrictEqual(await names('/api/v2/routing/queues?name=SUPPORT'), ['Support']);
    assert.deepStrictEqual(await names('/api/v2/routing/queues?name=Sup'), []);
    assert.deepStrictEqual(await names('/api/v2/telephony/providers/edges/sites?name=hq*'), ['HQ Site']);
  });

  it('keeps a request log with the auth subject and never the token', async () => {
    const token = await signIn('Alice');
    sb.requestLog.clear();
    await api(sb.url, token, 'GET', '/api/v2/users/me?expand=station');
    await api(sb.url, token, 'POST', '/api/v2/conversations/calls', { phoneNumber: '12345' });
    const entries = sb.requestLog.entries();
    assert.deepStrictEqual(entries.map((e) => [e.method, e.path, e.status, e.subject, e.code]), [
      ['GET', '/api/v2/users/me?expand=station', 200, `user:${user('Alice').id}`, undefined],
      ['POST', '/api/v2/conversations/calls', 400, `user:${user('Alice').id}`, 'bad.request'],
    ]);
    const served = await api(sb.url, undefined, 'GET', '/__sandbox/log');
    assert.strictEqual(served.status, 200);
    assert.ok(!served.text.includes(token));
    assert.deepStrictEqual(served.json.slice(0, 2).map((e: { path: string }) => e.path), entries.map((e) => e.path));
  });
});
