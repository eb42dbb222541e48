// `npm run bench`: runs every bench/*.bench.ts module (compiled to out/bench).
// Each module exports `bench(): Promise<void>` and prints its own figures.
// Figures are reported as ratios against a baseline measured in the same run.
import * as fs from 'fs';
import * as path from 'path';
import { ensureNodeData } from '../src/node/data';

async function main(): Promise<void> {
  ensureNodeData();
  const only = process.argv[2];
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js') && (!only || f.includes(only))).sort();
  for (const file of files) {
    console.log(`\n== ${file.replace(/\.bench\.js$/, '')}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as { bench: () => Promise<void> };
    await mod.bench();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
