#!/usr/bin/env node
// `npm run catalog`: generates data/catalog/ from the pinned, installed SDK
// (purecloud-platform-client-v2) plus the committed curated descriptions.
// Output is byte-identical across runs: sorted keys, sorted records, no timestamps.
//   node scripts/gen-catalog.js [--out <dir>] [--quiet]
'use strict';
const fs = require('fs');
const path = require('path');
const { generateCatalog } = require('./catalog/generate');

function main() {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const repoRoot = path.join(__dirname, '..');
  const outDir = outIdx >= 0 ? path.resolve(args[outIdx + 1]) : path.join(repoRoot, 'data', 'catalog');
  const started = Date.now();
  const result = generateCatalog({ repoRoot, outDir });
  if (!args.includes('--quiet')) {
    const sizes = result.files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(0)} KB`).join(', ');
    console.log(`catalog: ${result.manifest.operationCount} operations (${result.manifest.callApiSites} callApi sites), ` +
      `${result.manifest.modelCount} body models, SDK ${result.manifest.sdkVersion} -> ${path.relative(process.cwd(), outDir) || '.'} ` +
      `[${sizes}] in ${Date.now() - started} ms`);
  }
}

try { main(); } catch (err) { console.error(`gen-catalog: ${err.message}`); process.exit(1); }
