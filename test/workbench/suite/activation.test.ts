// Runs inside the real extension host (code-server workbench).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

describe('extension activation', () => {
  it('loads from the development path and activates', async () => {
    const api = await activateExtension();
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.strictEqual(typeof api.activationMs, 'number');
    console.log(`      activate() took ${api.activationMs.toFixed(1)} ms`);
  });

  it('registers every command the manifest contributes, and only those are ours', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual(contributed, ['genesysCloud.checkWorkspace', 'genesysCloud.copyItem', 'genesysCloud.copyReport', 'genesysCloud.explainError', 'genesysCloud.explainItem', 'genesysCloud.forgetCatalog', 'genesysCloud.openCallDoctor', 'genesysCloud.openExample', 'genesysCloud.openFactsReference', 'genesysCloud.openItemDocs', 'genesysCloud.refreshCatalog', 'genesysCloud.refreshSession', 'genesysCloud.runCallDoctor', 'genesysCloud.runLiveChecks', 'genesysCloud.selectEnvironment', 'genesysCloud.signIn', 'genesysCloud.signOut', 'genesysCloud.startSandbox', 'genesysCloud.stopSandbox']);
    assert.ok(manifest.contributes.commands.every((c) => c.category === 'Genesys Cloud'));
    // VS Code itself registers <viewId>.focus/.open/... for the contributed view.
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('genesysCloud.') && !c.startsWith('genesysCloud.session.')).sort();
    assert.deepStrictEqual(registered, contributed);
  });

  it('contributes the sessions view and the Accounts provider', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { authentication: { id: string }[]; views: Record<string, { id: string }[]> } };
    assert.deepStrictEqual(manifest.contributes.authentication.map((a) => a.id), ['genesys-cloud']);
    assert.ok((await vscode.commands.getCommands(true)).includes('genesysCloud.session.focus'));
  });

  it('never activates on "*"', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { activationEvents: string[] };
    assert.ok(!manifest.activationEvents.includes('*'));
  });
});
