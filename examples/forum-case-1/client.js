// Forum case 1, SDK variant, as posted: the official JavaScript SDK with the
// scopes and payload the forum answer suggested. WRONG on purpose; run
// `call-doctor lint examples/forum-case-1/client.js` to see why.
const platformClient = require('purecloud-platform-client-v2');

const client = platformClient.ApiClient.instance;
client.setEnvironment(platformClient.PureCloudRegionHosts.us_east_1);
client.setScopes(['conversations:write', 'outbound:campaign:execute']);

const conversationsApi = new platformClient.ConversationsApi();

async function callForAgent(agentId, number) {
  await client.loginClientCredentialsGrant(process.env.GENESYS_CLIENT_ID, process.env.GENESYS_CLIENT_SECRET);
  const body = {
    from: { id: agentId, name: 'Agent Name' },
    to: number,
    type: 'call',
    metadata: { outbound: { campaignId: 'optional_campaign_id' } },
  };
  const conversation = await conversationsApi.postConversationsCalls(body);
  console.log(`Call placed: conversation ${conversation.id}`);
}

callForAgent('agent_id_here', '+15551234567').catch((err) => {
  console.error('Call failed:', err.status, err.body && err.body.code);
  process.exitCode = 1;
});
