// The generated and curated data files: reproducible generation (what CI
// checks: regenerate and compare), curated facts in sync with the shared
// extract, and lazy loading.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { packageRoot } from '../../src/node/paths';
import { SHARED_GENESYS_DIR } from './sharedDocs';

const run = promisify(execFile);
const root = packageRoot();
const catalogDir = path.join(root, 'data', 'catalog');

function filesOf(dir: string): Record<string, Buffer> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

describe('catalog data: generation is reproducible', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-gen-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('two runs give identical bytes, equal to data/catalog (run `npm run catalog` if this fails)', async () => {
    const gen = path.join(root, 'scripts', 'gen-catalog.js');
    const [a, b] = [path.join(tmp, 'a'), path.join(tmp, 'b')];
    await Promise.all([run(process.execPath, [gen, '--out', a, '--quiet']), run(process.execPath, [gen, '--out', b, '--quiet'])]);
    const first = filesOf(a);
    assert.deepStrictEqual(Object.keys(first), ['manifest.json', 'models.json', 'operations.json', 'sdk-methods.json']);
    const second = filesOf(b);
    for (const f of Object.keys(first)) assert.ok(first[f].equals(second[f]), `${f} differs between two runs`);
    assert.ok(fs.existsSync(catalogDir), 'data/catalog is missing: run `npm run catalog`');
    const committed = filesOf(catalogDir);
    for (const f of Object.keys(first)) assert.ok(committed[f]?.equals(first[f]), `data/catalog/${f} is stale: run \`npm run catalog\``);
    assert.ok(!/20\d\d-\d\d-\d\dT/.test(first['manifest.json'].toString()), 'manifest must carry no timestamp');
  });
});

describe('catalog data: curated facts', () => {
  const shared = SHARED_GENESYS_DIR;

  it('data/curated matches the shared ops-extract.json (when present)', function () {
    if (!fs.existsSync(path.join(shared, 'ops-extract.json'))) {
      console.log(`      (skipped: ${shared}/ops-extract.json not found; set CALL_DOCTOR_SHARED_DIR to re-check the curated facts)`);
      this.skip();
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildCurated } = require(path.join(root, 'scripts', 'catalog', 'import-ops-extract.js')) as { buildCurated(dir: string): Record<string, string> };
    const expected = buildCurated(shared);
    for (const [name, text] of Object.entries(expected)) {
      const actual = fs.readFileSync(path.join(root, 'data', 'curated', name), 'utf8');
      assert.ok(actual === text, `data/curated/${name} is out of date: run node scripts/catalog/import-ops-extract.js`);
    }
  });

  it('covers the 42 extract operations with sourced permissions', () => {
    const facts = JSON.parse(fs.readFileSync(path.join(root, 'data', 'curated', 'ops-facts.json'), 'utf8')) as {
      operations: Record<string, { permissions: { type: string; source: { ref: string; verified: boolean } }; scopes: { scopes: null } }>;
    };
    const ops = Object.values(facts.operations);
    assert.strictEqual(ops.length, 42);
    for (const op of ops) {
      assert.ok(['ANY', 'ALL', 'NO'].includes(op.permissions.type));
      assert.strictEqual(op.permissions.source.verified, true);
      assert.strictEqual(op.scopes.scopes, null);
    }
    assert.strictEqual(facts.operations.getRoutingQueue.permissions.type, 'ALL');
  });
});

describe('catalog data: lazy loading', () => {
  it('requiring catalog.ts and calling loadCatalog() read no data file; the first lookup does', () => {
    const dataReads: string[] = [];
    // Patch the real module object (the transpiled `import * as fs` namespaces read through to it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const realFs = require('fs') as { readFileSync: unknown };
    const original = fs.readFileSync;
    const modPath = require.resolve('../../src/core/catalog/catalog');
    const ours = [`${path.sep}core${path.sep}catalog${path.sep}`, `${path.sep}core${path.sep}paths.js`];
    for (const k of Object.keys(require.cache)) if (ours.some((o) => k.includes(o))) delete require.cache[k];
    realFs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(file).includes(`${path.sep}data${path.sep}`)) dataReads.push(String(file));
      return (original as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(modPath) as typeof import('../../src/core/catalog/catalog');
      const c = mod.loadCatalog();
      assert.strictEqual(dataReads.length, 0, `read at load: ${dataReads.join()}`);
      assert.ok(c.lookup('GET', '/api/v2/users/me').match);
      assert.ok(dataReads.some((f) => f.endsWith('operations.json')), dataReads.join());
    } finally {
      realFs.readFileSync = original;
    }
  });
});
