// `npm run test:workbench`: provisions the VS Code host (code-server, outside
// the repo) and runs test/workbench/suite inside its real extension host
// through @vscode/test-electron, whose executable is our code-server shim.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { packageRoot } from '../../src/node/paths';

async function main(): Promise<void> {
  const root = packageRoot();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { provision } = require(path.join(root, 'scripts', 'vscode-host', 'provision.js'));
  process.env.CODE_SERVER ??= provision();
  const started = Date.now();
  await runTests({
    vscodeExecutablePath: path.join(root, 'scripts', 'vscode-host', 'code-shim.js'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'workbench', 'suite', 'index'),
    launchArgs: [path.join(root, 'test', 'workbench', 'workspace')],
  });
  console.log(`workbench tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`workbench tests failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
