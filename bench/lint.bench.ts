// Lint speed on a 500-request .http file whose 500 JSON bodies mix valid and
// folklore call payloads, against a baseline measured in the same run:
// vscode-json-languageservice parsing and validating the same 500 bodies
// against the generated CreateCallRequest schema (what VS Code itself would do).
// Goals: median lint ≤ 25 ms; ratio lint / baseline ≤ 1.0.
// Fairness: both sides start from text each run (our side parses the .http file,
// runs every rule and builds findings with ranges and fixes; the baseline builds
// its TextDocuments and line index, parses and validates), both are warmed up,
// and runs are interleaved so machine noise and GC hit both alike. No forced
// gc() between runs: measured, it made both sides 2-4x slower in this setup,
// which is not how an editor runs lint. CPU time (all threads, GC included) is
// printed too: on a loaded machine it is steadier than wall time.
import * as os from 'os';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { defaultCatalog } from '../src/core/catalog/catalog';
import { schemaIdFor } from '../src/core/catalog/schemaId';
import { analyzeText } from '../src/core/pipeline';
import { median } from './stats';

const REQUESTS = 500;
const WARMUP = 30;   // measured: the lint settles only after ~20 runs
const RUNS = 61;
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

/** Deterministic mix: every request is a call with a JSON body, one in three a folklore payload. */
export function generateHttpFile(count = REQUESTS): { text: string; bodies: string[] } {
  const parts: string[] = ['@baseUrl = https://api.mypurecloud.com', ''];
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const folklore = i % 3 === 2;
    const payload = folklore ? FOLKLORE_BODIES[((i - 2) / 3) % FOLKLORE_BODIES.length] : VALID_BODIES[i % VALID_BODIES.length];
    const body = JSON.stringify(payload, null, 2);
    bodies.push(body);
    parts.push(`### call ${i}`, 'POST {{baseUrl}}/api/v2/conversations/calls', 'Authorization: Bearer {{accessToken}}', 'Content-Type: application/json', '', body, '');
  }
  return { text: parts.join('\n'), bodies };
}

/** Wall and CPU milliseconds of one run. */
async function time(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e3 };
}

export async function bench(): Promise<void> {
  const catalog = defaultCatalog();
  const schema = catalog.schema('CreateCallRequest');
  if (!schema) throw new Error('CreateCallRequest schema not in the catalog (run `npm run catalog`)');
  const { text, bodies } = generateHttpFile();
  if (bodies.length !== REQUESTS) throw new Error(`expected ${REQUESTS} bodies, generated ${bodies.length}`);

  const uri = schemaIdFor('CreateCallRequest');
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri, fileMatch: ['*.json'], schema: schema as never }] });

  const lintOnce = async () => {
    const result = (await analyzeText('/bench/requests.http', text, { catalog })).lint;
    if (result.requests.length !== REQUESTS) throw new Error(`expected ${REQUESTS} requests, parsed ${result.requests.length}`);
    return result;
  };
  let baselineDiagnostics = 0;
  const baselineOnce = async () => {
    baselineDiagnostics = 0;
    // New documents each run: like a lint, the baseline starts from text (its line index included).
    for (let i = 0; i < bodies.length; i++) {
      const doc = TextDocument.create(`file:///bench/body-${i}.json`, 'json', 1, bodies[i]);
      baselineDiagnostics += (await service.doValidation(doc, service.parseJSONDocument(doc))).length;
    }
  };

  for (let i = 0; i < WARMUP; i++) { await lintOnce(); await baselineOnce(); }
  const lintMs: { wall: number; cpu: number }[] = [];
  const baseMs: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < RUNS; i++) {   // interleaved, so machine noise hits both alike
    lintMs.push(await time(lintOnce));
    baseMs.push(await time(baselineOnce));
  }
  const result = await lintOnce();
  const fixes = result.findings.reduce((n, f) => n + f.fixes.length, 0);
  const lint = median(lintMs.map((m) => m.wall));
  const base = median(baseMs.map((m) => m.wall));
  const ratio = lint / base;
  const lintCpu = median(lintMs.map((m) => m.cpu));
  const baseCpu = median(baseMs.map((m) => m.cpu));
  console.log(`file: ${REQUESTS} requests with ${bodies.length} JSON bodies, ${text.length} chars; ${result.findings.length} findings, ${fixes} fixes`);
  console.log(`lint (parse + all rules), median of ${RUNS}: ${lint.toFixed(2)} ms   goal ≤ ${GOAL_MS} ms   ${lint <= GOAL_MS ? 'OK' : 'MISSED'}`);
  console.log(`baseline vscode-json-languageservice, ${bodies.length} bodies vs CreateCallRequest schema, median of ${RUNS}: ${base.toFixed(2)} ms (${baselineDiagnostics} diagnostics)`);
  console.log(`ratio lint / baseline: ${ratio.toFixed(2)}   goal ≤ ${GOAL_RATIO.toFixed(1)}   ${ratio <= GOAL_RATIO ? 'OK' : 'MISSED'}`);
  console.log(`cpu time medians (info): lint ${lintCpu.toFixed(2)} ms, baseline ${baseCpu.toFixed(2)} ms, ratio ${(lintCpu / baseCpu).toFixed(2)}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
}
