// "Genesys Cloud: Open Facts Reference" opens the docs/facts.md shipped in the
// extension, in the Markdown preview, at the entry a source names.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

/** The tab showing `path` (preview webview or text editor), once it is open. */
async function tabShowing(path: string): Promise<vscode.Tab> {
  for (let i = 0; i < 100; i++) {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => {
      const input = t.input;
      if (input instanceof vscode.TabInputText) return input.uri.path === path;
      // The built-in preview is a webview tab titled "Preview facts.md".
      return input instanceof vscode.TabInputWebview && /facts\.md/.test(t.label);
    });
    if (tab) return tab;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab shows ${path}`);
}

describe('Open Facts Reference', () => {
  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed with its title and category', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } };
    const c = pkg.contributes.commands.find((x) => x.command === 'genesysCloud.openFactsReference');
    assert.deepStrictEqual(c && { title: c.title, category: c.category }, { title: 'Open Facts Reference', category: 'Genesys Cloud' });
  });

  it('with an anchor: opens the shipped docs/facts.md at that entry, in a preview', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('genesysCloud.openFactsReference', 'calls-permissions');
    const expected = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'facts.md');
    assert.strictEqual(uri.with({ fragment: '' }).toString(), expected.toString());
    assert.strictEqual(uri.fragment, 'calls-permissions');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(expected));
    assert.ok(text.includes('<a id="calls-permissions"></a>'), 'the entry exists in the shipped file');
    const tab = await tabShowing(expected.path);
    assert.ok(tab.input instanceof vscode.TabInputWebview || tab.input instanceof vscode.TabInputText);
  });

  it('ignores an argument that is not an entry id (no path tricks through command: links)', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('genesysCloud.openFactsReference', '../../package.json');
    assert.strictEqual(uri.fragment, '');
    assert.match(uri.path, /\/docs\/facts\.md$/);
  });
});
