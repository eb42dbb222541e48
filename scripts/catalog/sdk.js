// Locates the pinned, installed SDK (purecloud-platform-client-v2) and its files.
'use strict';
const fs = require('fs');
const path = require('path');

const SDK_NAME = 'purecloud-platform-client-v2';

function locateSdk(repoRoot) {
  const root = path.join(repoRoot, 'node_modules', SDK_NAME);
  const pkgFile = path.join(root, 'package.json');
  if (!fs.existsSync(pkgFile)) {
    throw new Error(`${SDK_NAME} is not installed under ${root}; it is a devDependency of this repo (install dependencies first)`);
  }
  const version = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
  const srcDir = path.join(root, 'src', SDK_NAME);
  const apiDir = path.join(srcDir, 'api');
  const apiFiles = fs.readdirSync(apiDir).filter((f) => /Api\.js$/.test(f)).sort().map((f) => path.join(apiDir, f));
  return {
    name: SDK_NAME,
    version,
    root,
    dts: path.join(root, 'index.d.ts'),
    apiClientJs: path.join(srcDir, 'ApiClient.js'),
    apiFiles,
    /** Provenance prefix for every SDK-derived claim. */
    ref: `${SDK_NAME}@${version}`,
  };
}

module.exports = { locateSdk, SDK_NAME };
