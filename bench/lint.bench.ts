// Lint speed on a 500-request .http file, against a baseline measured in the
// same run: vscode-json-languageservice validating the same 500 JSON bodies
// against the generated CreateCallRequest schema (what VS Code itself would do).
// Goals: median lint ≤ 25 ms; ratio lint / baseline ≤ 1.0.
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { defaultCatalog } from '../src/core/catalog/catalog';
import { schemaIdFor } from '../src/core/catalog/schemaId';
import { lintText } from '../src/core/lint';

const REQUESTS = 500;
const WARMUP = 5;
const RUNS = 25;
const GOAL_MS = 25;
const GOAL_RATIO = 1.0;

const VALID_BODIES = [
  { phoneNumber: '+13175550123' },
  { phoneNumber: '+13175550123', callerId: '+13175550100', callerIdName: 'Support' },
  { callUserId: 'd6d474da-07f5-541a-9657-07949181315a' },
  { callQueueId: '5b9bf9a1-cd6f-5817-91bf-f2c8e2adffad', priority: 5, routingSkillsIds: ['a', 'b'], languageId: 'en' },
  { phoneNumber: '+442071234567', attributes: { ticket: '42', source: 'crm' }, label: 'sales' },
];
const FOLKLORE_BODIES = [
  { from: { id: 'agent_id_here', name: 'Agent Name' }, to: '+15551234567', type: 'call', metadata: { outbound: { campaignId: 'x' } } },
  { to: [{ phoneNumber: '+15550199', name: 'Test Contact' }], from: { phoneNumber: '+18005551234' }, routing: { type: 'user', userId: 'agent-id-123' } },
  { agentId: 'agent-1', callType: 'outbound', phoneNumber: '+15551230000' },
];
const TOKEN_SCOPES = ['conversations', 'conversations:write outbound:campaign:write', 'calls:view calls:modify', 'users:readonly conversations'];

/** Deterministic mix: 3 call bodies (2 valid, 1 folklore) for every token request. */
export function generateHttpFile(count = REQUESTS): { text: string; bodies: string[] } {
  const parts: string[] = ['@baseUrl = https://api.mypurecloud.com', ''];
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 4 === 3) {
      parts.push(`### token ${i}`, 'POST https://login.mypurecloud.com/oauth/token', 'Content-Type: application/x-www-form-urlencoded', '',
        `grant_type=client_credentials&scope=${TOKEN_SCOPES[i % TOKEN_SCOPES.length]}`, '');
      continue;
    }
    const pool = i % 4 === 2 ? FOLKLORE_BODIES : VALID_BODIES;
    const body = JSON.stringify(pool[i % pool.length], null, 2);
    bodies.push(body);
    parts.push(`### call ${i}`, 'POST {{baseUrl}}/api/v2/conversations/calls', 'Authorization: Bearer {{accessToken}}', 'Content-Type: application/json', '', body, '');
  }
  return { text: parts.join('\n'), bodies };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function bench(): Promise<void> {
  const catalog = defaultCatalog();
  const schema = catalog.schema('CreateCallRequest');
  if (!schema) throw new Error('CreateCallRequest schema not in the catalog (run `npm run catalog`)');
  const { text, bodies } = generateHttpFile();

  const uri = schemaIdFor('CreateCallRequest');
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri, fileMatch: ['*.json'], schema: schema as never }] });
  const docs = bodies.map((b, i) => TextDocument.create(`file:///bench/body-${i}.json`, 'json', 1, b));

  const lintOnce = async () => {
    const result = await lintText('/bench/requests.http', text, { catalog });
    if (result.requests.length !== REQUESTS) throw new Error(`expected ${REQUESTS} requests, parsed ${result.requests.length}`);
    return result;
  };
  let baselineDiagnostics = 0;
  const baselineOnce = async () => {
    baselineDiagnostics = 0;
    for (const doc of docs) baselineDiagnostics += (await service.doValidation(doc, service.parseJSONDocument(doc))).length;
  };

  for (let i = 0; i < WARMUP; i++) { await lintOnce(); await baselineOnce(); }
  const lintMs: number[] = [];
  const baseMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {   // interleaved, so machine noise hits both alike
    lintMs.push(await time(lintOnce));
    baseMs.push(await time(baselineOnce));
  }
  const findings = (await lintOnce()).findings.length;
  const lint = median(lintMs);
  const base = median(baseMs);
  const ratio = lint / base;
  console.log(`file: ${REQUESTS} requests (${bodies.length} JSON bodies, ${REQUESTS - bodies.length} token requests), ${text.length} chars; ${findings} findings`);
  console.log(`lint (parse + all rules), median of ${RUNS}: ${lint.toFixed(2)} ms   goal ≤ ${GOAL_MS} ms   ${lint <= GOAL_MS ? 'OK' : 'MISSED'}`);
  console.log(`baseline vscode-json-languageservice, ${bodies.length} bodies vs CreateCallRequest schema, median of ${RUNS}: ${base.toFixed(2)} ms (${baselineDiagnostics} diagnostics)`);
  console.log(`ratio lint / baseline: ${ratio.toFixed(2)}   goal ≤ ${GOAL_RATIO.toFixed(1)}   ${ratio <= GOAL_RATIO ? 'OK' : 'MISSED'}`);
}
