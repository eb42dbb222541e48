// Swagger indexing and path lookup speed.
//  - indexSwagger(text) vs JSON.parse(text) of the same bytes (goal: ratio <= 1.5),
//    for swagger-2018.json and a synthesised ~25 MB Genesys-shaped document
//    (the 2018 paths and definitions cloned under renamed paths/models, refs rewritten);
//  - catalog.lookup() per call over every operation's instantiated path (goal <= 2 us).
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { indexSwagger, plainOperation } from '../src/core/catalog/swagger';
import { loadCatalog } from '../src/core/catalog/catalog';
import { packageRoot } from '../src/node/paths';

const SHARED = process.env.CALL_DOCTOR_SHARED_DIR || path.join(packageRoot(), '..', 'shared', 'genesys');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Timing { wallMs: number; cpuMs: number }

// A full GC before each timed run, so no run pays for the previous run's garbage.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Wall time and this process's CPU time: on a busy machine CPU time is the steadier figure. */
function time(fn: () => unknown): Timing {
  collectGarbage();
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const result = fn(); // alive until measured, as a real caller's result would be; then dropped
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  const d = process.cpuUsage(c);
  void result;
  return { wallMs, cpuMs: (d.user + d.system) / 1000 };
}

function medians(ts: Timing[]): Timing {
  return { wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) };
}

/** Alternating runs so both sides see the same machine load; returns medians. */
function compare(text: string, runs: number): { parse: Timing; index: Timing; full: Timing } {
  const parse: Timing[] = [];
  const index: Timing[] = [];
  const full: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    parse.push(time(() => JSON.parse(text)));
    index.push(time(() => indexSwagger(text, 'bench')));
    // For transparency: indexing plus reading every operation's lazily read fields.
    full.push(time(() => indexSwagger(text, 'bench').operations.map(plainOperation)));
  }
  return { parse: medians(parse), index: medians(index), full: medians(full) };
}

/** ~`targetBytes` of Genesys-shaped Swagger: copies of the 2018 document under renamed paths and models. */
function synthesise(text2018: string, targetBytes: number): string {
  const copies = Math.max(1, Math.round(targetBytes / text2018.length));
  const base = JSON.parse(text2018) as { paths: Record<string, unknown>; definitions: Record<string, unknown> };
  const doc = { ...base, paths: {} as Record<string, unknown>, definitions: {} as Record<string, unknown> };
  for (let k = 0; k < copies; k++) {
    const renamed = JSON.parse(text2018.replace(/"#\/definitions\/([^"]+)"/g, `"#/definitions/$1_c${k}"`)) as typeof base;
    for (const [p, item] of Object.entries(renamed.paths)) doc.paths[p.replace('/api/v2/', `/api/v2/c${k}/`)] = item;
    for (const [d, def] of Object.entries(renamed.definitions)) doc.definitions[`${d}_c${k}`] = def;
  }
  return JSON.stringify(doc);
}

function verdict(value: number, goal: number): string { return value <= goal ? 'OK' : 'OVER'; }

function report(label: string, text: string, runs: number): void {
  const { parse, index, full } = compare(text, runs);
  const wall = index.wallMs / parse.wallMs;
  const cpu = index.cpuMs / parse.cpuMs;
  console.log(`${label}: ${(text.length / 1e6).toFixed(1)} MB, median of ${runs}; indexSwagger(text) includes its JSON.parse`);
  console.log(`  wall: JSON.parse ${parse.wallMs.toFixed(1)} ms, indexSwagger ${index.wallMs.toFixed(1)} ms -> ${wall.toFixed(2)}x (goal <= 1.5x) ${verdict(wall, 1.5)}`);
  console.log(`  cpu:  JSON.parse ${parse.cpuMs.toFixed(1)} ms, indexSwagger ${index.cpuMs.toFixed(1)} ms -> ${cpu.toFixed(2)}x (goal <= 1.5x) ${verdict(cpu, 1.5)}`);
  console.log(`  (indexing + reading every operation's fields: ${(full.cpuMs / parse.cpuMs).toFixed(2)}x cpu, ${(full.wallMs / parse.wallMs).toFixed(2)}x wall)`);
}

function benchLookup(): void {
  const catalog = loadCatalog();
  const urls = catalog.operations().map((op) => ({
    method: op.method,
    url: `https://api.mypurecloud.com${op.path.replace(/\{[^}]+\}/g, 'a1b2c3')}?pageSize=25`,
  }));
  catalog.lookup('GET', '/api/v2/users/me'); // load + build the index outside the timing
  const rounds = Math.max(1, Math.ceil(300_000 / urls.length));
  let hits = 0;
  for (const u of urls) if (catalog.lookup(u.method, u.url).match) hits++; // warm-up
  const samples: Timing[] = [];
  for (let r = 0; r < 5; r++) {
    samples.push(time(() => {
      for (let i = 0; i < rounds; i++) for (const u of urls) catalog.lookup(u.method, u.url);
    }));
  }
  const m = medians(samples);
  const n = rounds * urls.length;
  const wallNs = (m.wallMs * 1e6) / n;
  const cpuNs = (m.cpuMs * 1e6) / n;
  console.log(`lookup: ${urls.length} absolute URLs with query strings (${hits} resolved), ${n} lookups, median of 5 (goal <= 2000 ns)`);
  console.log(`  wall ${wallNs.toFixed(0)} ns ${verdict(wallNs, 2000)}, cpu ${cpuNs.toFixed(0)} ns ${verdict(cpuNs, 2000)} per successful lookup`);
  const miss: Timing[] = [];
  for (let i = 0; i < 20; i++) miss.push(time(() => catalog.lookup('POST', '/api/v2/conversation/call')));
  console.log(`lookup miss with "did you mean" suggestions: median ${(medians(miss).wallMs * 1000).toFixed(0)} us wall`);
}

export async function bench(): Promise<void> {
  const file = path.join(SHARED, 'swagger-2018.json');
  if (!fs.existsSync(file)) {
    console.log(`swagger indexing: could not run, ${file} not found (set CALL_DOCTOR_SHARED_DIR)`);
  } else {
    const text = fs.readFileSync(file, 'utf8');
    report('swagger-2018.json', text, 15);
    report('synthesised Genesys-shaped doc', synthesise(text, 25e6), 7);
  }
  benchLookup();
}
