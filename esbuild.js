// Build: bundles the extension and the CLI into dist/, and transpiles every
// source, test and benchmark file one-to-one into out/ for mocha and the bench.
// Type checking is separate (`npm run lint` runs tsc --noEmit).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const root = __dirname;

function listTs(dir) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

async function main() {
  const started = Date.now();
  const bundles = [
    { entry: 'src/cli/main.ts', out: 'dist/cli.js' },
    { entry: 'src/extension.ts', out: 'dist/extension.js' },
    { entry: 'src/webview/main.ts', out: 'dist/webview.js', platform: 'browser' },
    // Loaded by "Start Sandbox Org" on first use, so the extension's main bundle stays small.
    { entry: 'src/sandbox/index.ts', out: 'dist/sandbox.js' },
  ].filter((b) => fs.existsSync(path.join(root, b.entry)));

  // The Call Doctor webview's icon font: only codicon.css and .ttf, served from dist/codicons/.
  const codicons = path.join(root, 'node_modules', '@vscode', 'codicons', 'dist');
  if (fs.existsSync(codicons)) {
    fs.mkdirSync(path.join(root, 'dist', 'codicons'), { recursive: true });
    for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(codicons, f), path.join(root, 'dist', 'codicons', f));
  }

  await Promise.all(bundles.map((b) => esbuild.build({
    entryPoints: [b.entry],
    outfile: b.out,
    bundle: true,
    format: b.platform === 'browser' ? 'iife' : 'cjs',
    platform: b.platform ?? 'node',
    target: b.platform === 'browser' ? 'es2022' : 'node20',
    external: ['vscode'],
    // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot
    // follow; its "module" (ESM) build bundles cleanly.
    mainFields: ['module', 'main'],
    minify: production || b.out === 'dist/extension.js',
    sourcemap: !production,
    logLevel: 'warning',
  })));

  // Tests and benches run from out/, transpiled file by file so that stack
  // traces map back to the sources. If one file does not compile, the others
  // are still written (so unrelated tests can run) and the build exits non-zero.
  const files = [...listTs('src'), ...listTs('test'), ...listTs('bench')];
  const options = { outdir: 'out', outbase: '.', format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'silent' };
  try {
    await esbuild.build({ ...options, entryPoints: files });
  } catch {
    const results = await Promise.allSettled(files.map((f) => esbuild.build({ ...options, entryPoints: [f], logLevel: 'error' })));
    const failed = files.filter((_, i) => results[i].status === 'rejected');
    console.error(`esbuild: ${failed.length} file(s) failed to compile: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
  console.log(`esbuild: ${bundles.length} bundles + out/ in ${Date.now() - started} ms`);
}

main().catch((err) => { console.error(err); process.exit(1); });
