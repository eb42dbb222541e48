// Fidelity check: the official SDK (purecloud-platform-client-v2@262.0.0),
// pointed at the sandbox through its gateway setting, logs in and calls every
// endpoint the sandbox serves; each answer is checked against the SDK's own
// model declarations (index.d.ts, namespace Models). The JS SDK does not
// validate responses at run time, so the typed variables below check the
// call signatures at compile time and checkShape checks the JSON at run time.
import * as assert from 'assert';
import * as platformClient from 'purecloud-platform-client-v2';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { pkceLogin } from '../../src/sandbox/testing/flows';
import { checkShape } from '../../src/sandbox/testing/sdkShapes';
type ErrorBody = platformClient.Models.ErrorBody;

describe('sandbox fidelity with the official SDK (integration)', function () {
  this.timeout(30000);
  let sb: Sandbox;
  const client = platformClient.ApiClient.instance;
  before(async () => {
    sb = await startSandbox({ port: 0 });
    const url = new URL(sb.url);
    client.config.live_reload_config = false;
    client.setGateway({ host: url.hostname, protocol: 'http', port: Number(url.port) });
  });
  after(async () => {
    client.setGateway(undefined as unknown as Parameters<typeof client.setGateway>[0]); // back to the real hosts
    client.setAccessToken('');
    await sb.close();
  });
  const user = (name: string) => sb.fixture.users.find((u) => u.name.startsWith(name))!;
  const shapeOk = (value: unknown, type: string) => assert.deepStrictEqual(checkShape(value, type), [], `${type} ${JSON.stringify(value).slice(0, 300)}`);

  it('logs in with loginClientCredentialsGrant and reads TokenInfo; /calls refuses it with not.a.user', async () => {
    const cc = sb.fixture.clients.find((c) => c.authorizedGrantType === 'CLIENT-CREDENTIALS')!;
    const auth = await client.loginClientCredentialsGrant(cc.id, cc.secret!);
    assert.ok(auth.accessToken);
    const info: platformClient.Models.TokenInfo = await new platformClient.TokensApi().getTokensMe();
    shapeOk(info, 'Models.TokenInfo');
    assert.strictEqual(info.OAuthClient?.id, cc.id);
    const err = await new platformClient.ConversationsApi().postConversationsCalls({ phoneNumber: '+13175550199' }).then(() => undefined, (e: ErrorBody) => e);
    assert.ok(err, 'expected a rejection');
    shapeOk(err, 'Models.ErrorBody');
    assert.strictEqual(err.code, 'not.a.user');
    assert.strictEqual(err.status, 400);
    const onBehalf: platformClient.Models.CreateCallResponse = await new platformClient.ConversationsApi().postConversationsCallsUserUserId(user('Alice').id, { phoneNumber: '+13175550199' });
    shapeOk(onBehalf, 'Models.CreateCallResponse');
  });

  it('reads every identity and permission endpoint as a user (PKCE token via setAccessToken)', async () => {
    const alice = user('Alice');
    client.setAccessToken((await pkceLogin(sb.url, sb.fixture.clients[0].id, alice.id)).access_token);
    const users = new platformClient.UsersApi();
    const authz = new platformClient.AuthorizationApi();
    const me: platformClient.Models.UserMe = await users.getUsersMe({ expand: ['authorization', 'station', 'token', 'organization'] });
    shapeOk(me, 'Models.UserMe');
    assert.strictEqual(me.id, alice.id);
    shapeOk(await users.getUser(alice.id, { expand: ['authorization', 'station'] }), 'Models.User');
    shapeOk(await users.getUsersStationsMe(), 'Models.UserStations');
    shapeOk(await authz.getAuthorizationSubjectsMe(), 'Models.AuthzSubject');
    shapeOk(await authz.getAuthorizationDivisionspermittedPagedMe('conversation:conference:add'), 'Models.DivsPermittedEntityListing');
    shapeOk(await authz.getAuthorizationPermissions({ pageSize: 5 }), 'Models.PermissionCollectionEntityListing');
    shapeOk(await new platformClient.OAuthApi().getOauthScopes(), 'Models.OAuthScopeListing');
    shapeOk(await new platformClient.OrganizationApi().getOrganizationsMe(), 'Models.Organization');
    shapeOk(await new platformClient.StationsApi().getStations({ pageSize: 3 }), 'Models.StationEntityListing');
    shapeOk(await new platformClient.StationsApi().getStation(alice.stationId!), 'Models.Station');
    shapeOk(await new platformClient.RoutingApi().getRoutingQueues(), 'Models.QueueEntityListing');
    const call: platformClient.Models.CreateCallResponse = await new platformClient.ConversationsApi().postConversationsCalls({ phoneNumber: '+13175550199' });
    shapeOk(call, 'Models.CreateCallResponse');
    const denied = await users.getUserStation(user('Bob').id).then(() => undefined, (e: ErrorBody) => e);
    shapeOk(denied, 'Models.ErrorBody');
    assert.strictEqual(denied?.code, 'missing.any.permissions');
  });

  it('reads telephony, routing and other-user endpoints as a user holding their permissions', async () => {
    const grace = user('Grace');
    client.setAccessToken((await pkceLogin(sb.url, sb.fixture.clients[0].id, grace.id)).access_token);
    const tel = new platformClient.TelephonyProvidersEdgeApi();
    const site = sb.fixture.sites[0].id;
    shapeOk(await tel.getTelephonyProvidersEdgesSites(), 'Models.SiteEntityListing');
    shapeOk(await tel.getTelephonyProvidersEdgesSite(site), 'Models.Site');
    shapeOk(await tel.getTelephonyProvidersEdgesSiteOutboundroutes(site), 'Models.OutboundRouteBaseEntityListing');
    shapeOk(await tel.getTelephonyProvidersEdgesOutboundroutes(), 'Models.OutboundRouteEntityListing');
    shapeOk(await tel.getTelephonyProvidersEdgesSiteNumberplans(site), 'Array<Models.NumberPlan>');
    shapeOk(await tel.getTelephonyProvidersEdgesSiteNumberplansClassifications(site), 'Array<string>');
    const routing = new platformClient.RoutingApi();
    const queue = sb.fixture.queues[0].id;
    shapeOk(await routing.getRoutingQueue(queue), 'Models.Queue');
    shapeOk(await routing.getRoutingQueueMembers(queue), 'Models.QueueMemberEntityListing');
    const alice = user('Alice');
    shapeOk(await new platformClient.UsersApi().getUserStation(alice.id), 'Models.UserStations');
    shapeOk(await new platformClient.UsersApi().getUserRoles(alice.id), 'Models.UserAuthorization');
    shapeOk(await new platformClient.AuthorizationApi().getAuthorizationSubject(alice.id), 'Models.AuthzSubject');
    const route = sb.fixture.outboundRoutes[0];
    shapeOk(await tel.getTelephonyProvidersEdgesSiteOutboundroute(route.siteId, route.id), 'Models.OutboundRouteBase');
    shapeOk(await new platformClient.AuthorizationApi().getAuthorizationRole(sb.fixture.roles[0].id), 'Models.DomainOrganizationRole');
    const oauth = new platformClient.OAuthApi();
    const cc = sb.fixture.clients.find((c) => c.secret)!;
    const described: platformClient.Models.OAuthClient = await oauth.getOauthClient(cc.id);
    shapeOk(described, 'Models.OAuthClient');
    assert.strictEqual(described.secret, undefined, 'the sandbox never serves a secret');
    shapeOk(await oauth.getOauthScope('conversations'), 'Models.OAuthScope');
  });

  it('the shape check can fail (guards the guard)', () => {
    assert.deepStrictEqual(checkShape({ id: 1, bogus: true }, 'Models.CreateCallResponse'),
      ['$.id: expected string, got 1', '$.bogus: not a property of Models.CreateCallResponse']);
  });
});
