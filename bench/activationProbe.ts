// Loaded by bench/extension.bench.ts as the workbench's extensionTestsPath: runs
// inside the real extension host (code-server) once per start, measures loading
// the main bundle (require) and activate() (the `activationMs` the extension
// returns), and prints them on one line for the bench to collect.
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'calldoctor.genesys-cloud-call-doctor';
/** Collected by bench/extension.bench.ts (same constant there). */
const MARKER = 'CALL_DOCTOR_ACTIVATION';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in the extension host`);
  if (ext.isActive) throw new Error('the extension was already active: the probe workspace must not trigger activation');
  const main = path.join(ext.extensionPath, 'dist', 'extension.js');
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(main); // the host's activation reuses this module instance (same require cache)
  const loadMs = performance.now() - started;
  const api = await ext.activate();
  console.log(`${MARKER} ${JSON.stringify({ loadMs, activationMs: api.activationMs })}`);
}
