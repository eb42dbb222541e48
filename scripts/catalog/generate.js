// Orchestrates catalog generation: SDK JS call sites + index.d.ts -> operations,
// body-model schemas, SDK method names and a manifest, written to `outDir`.
'use strict';
const fs = require('fs');
const path = require('path');
const { locateSdk } = require('./sdk');
const { parseApiFile, classMethodNames } = require('./parseApiJs');
const { parseDts } = require('./parseDts');
const { buildOperations } = require('./operations');
const { modelToSchema, reachableModels, DRAFT_07 } = require('./schemas');
const { lines, pretty } = require('./stableJson');

const GENERATOR = 'scripts/gen-catalog.js@1';

function readCuratedDescriptions(repoRoot) {
  const file = path.join(repoRoot, 'data', 'curated', 'model-descriptions.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).models : {};
}

function generateCatalog({ repoRoot, outDir }) {
  const sdk = locateSdk(repoRoot);
  const sites = sdk.apiFiles.flatMap(parseApiFile);
  const dts = parseDts(sdk.dts);
  const operations = buildOperations(sites, dts);

  const descriptions = readCuratedDescriptions(repoRoot);
  const roots = operations.flatMap((op) => [op.bodyModel, op.bodyItemModel]).filter(Boolean);
  const modelNames = reachableModels(roots, dts.models);
  const models = {};
  for (const name of modelNames) models[name] = modelToSchema(name, dts.models[name], descriptions[name]).schema;

  const sdkMethods = sdkMethodNames(sdk, dts);
  const manifest = {
    sdkVersion: sdk.version,
    sdkPackage: sdk.name,
    operationCount: operations.length,
    callApiSites: sites.length,
    modelCount: modelNames.length,
    schemaDialect: DRAFT_07,
    generator: GENERATOR,
    source: `${sdk.ref} src/purecloud-platform-client-v2/api/*Api.js (callApi sites) and index.d.ts (signatures, Models)`,
  };

  const outputs = {
    'operations.json': lines(operations),
    'models.json': lines(models),
    'sdk-methods.json': pretty(sdkMethods),
    'manifest.json': pretty(manifest),
  };
  fs.mkdirSync(outDir, { recursive: true });
  const files = [];
  for (const [name, text] of Object.entries(outputs)) {
    fs.writeFileSync(path.join(outDir, name), text);
    files.push({ name, bytes: Buffer.byteLength(text) });
  }
  return { manifest, files };
}

/**
 * Public methods per SDK class: the API classes (JS call sites and d.ts) and
 * ApiClientClass (declared in index.d.ts, plus public methods only ApiClient.js implements).
 */
function sdkMethodNames(sdk, dts) {
  const classes = {};
  for (const [name, members] of Object.entries(dts.classMembers)) {
    if (/Api$/.test(name) || name === 'ApiClientClass') classes[name] = { methods: [...members.methods].sort(), properties: [...members.properties].sort() };
  }
  const implemented = classMethodNames(sdk.apiClientJs).ApiClient || [];
  const declared = new Set(classes.ApiClientClass.methods);
  classes.ApiClientClass.undeclaredImplemented = implemented.filter((m) => !declared.has(m) && m !== 'constructor').sort();
  return {
    _meta: {
      about: 'Public method names per SDK class, for flagging calls to methods the SDK does not define. ApiClientClass is what `require("purecloud-platform-client-v2").ApiClient` (ApiClient.instance) is; undeclaredImplemented lists public methods ApiClient.js has that index.d.ts does not declare.',
      source: `${sdk.ref} index.d.ts (declare class ...) and src/purecloud-platform-client-v2/ApiClient.js`,
    },
    classes,
  };
}

module.exports = { generateCatalog };
