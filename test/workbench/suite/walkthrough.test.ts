// The "Get started" walkthrough and the env-file schema, inside the real
// extension host: every step's media exists, every completion event and every
// command link names a command that is registered (so the steps can complete),
// "Open Example Request" opens the case-1 requests with our diagnostics on
// them, and VS Code validates http-client.env.json against the contributed schema.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWhen, EXTENSION_ID, snapshot } from './helpers';

interface Step { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }
interface Manifest {
  contributes: {
    walkthroughs: { id: string; steps: Step[] }[];
    jsonValidation: { fileMatch: string[]; url: string }[];
  };
}

function manifest(): { json: Manifest; dir: string } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return { json: ext.packageJSON as Manifest, dir: ext.extensionUri.fsPath };
}

describe('walkthrough "Get Started with Genesys Cloud Call Doctor"', () => {
  before(() => activateExtension());

  it('has 4–5 steps, each with markdown media that exists', () => {
    const { json, dir } = manifest();
    const [walk] = json.contributes.walkthroughs;
    assert.strictEqual(walk.id, 'genesysCloud.gettingStarted');
    assert.deepStrictEqual(walk.steps.map((s) => s.id), ['connect', 'example', 'diagnostics', 'doctor', 'catalog']);
    for (const s of walk.steps) {
      assert.ok(s.media.markdown, `${s.id} has markdown media`);
      assert.ok(fs.readFileSync(path.join(dir, s.media.markdown), 'utf8').startsWith('# '), `${s.media.markdown} exists`);
    }
  });

  it('completes on events that fire: registered commands and a real view', async () => {
    const { json } = manifest();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const s of json.contributes.walkthroughs[0].steps) {
      assert.ok(s.completionEvents.length > 0, `${s.id} can complete`);
      for (const e of s.completionEvents) {
        const [kind, target] = e.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(target), `${s.id}: ${target} is registered`);
        else assert.deepStrictEqual([kind, target], ['onView', 'workbench.panel.markers.view'], `${s.id}: ${e}`);
      }
      // Every button in the description runs a registered command.
      for (const m of s.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(m[1]), `${s.id}: link to ${m[1]}`);
    }
  });

  it('opens in the workbench', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#genesysCloud.gettingStarted`, false);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /Welcome|Walkthrough|Get Started/i.test(t.label));
    assert.ok(tab, `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    await vscode.window.tabGroups.close(tab);
  });

  it('"Open Example Request" opens the forum case-1 requests in a .http editor, with our diagnostics', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('genesysCloud.openExample');
    assert.strictEqual(doc.languageId, 'http');
    assert.strictEqual(doc.isUntitled, true);
    assert.match(doc.getText(), /POST https:\/\/api\.mypurecloud\.com\/api\/v2\/oauth\/token/);
    const diags = await diagnosticsWhen(doc.uri, (d) => d.some((x) => snapshot(x).startsWith('payload.unknown-field')));
    const rules = new Set(diags.map((d) => snapshot(d).split(' ')[0]));
    for (const rule of ['endpoint.wrong-host', 'scope.unknown', 'payload.unknown-field']) assert.ok(rules.has(rule), `${rule} in ${[...rules].join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('jsonValidation for http-client.env.json', () => {
  it('contributes the env-file schema next to CreateCallRequest', () => {
    const { json, dir } = manifest();
    const entries = json.contributes.jsonValidation;
    assert.ok(entries.some((e) => e.url === 'genesys-call-doctor://schemas/CreateCallRequest.json'));
    const env = entries.find((e) => e.fileMatch.includes('http-client.env.json'));
    assert.ok(env && env.fileMatch.includes('http-client.private.env.json'));
    assert.ok(fs.existsSync(path.join(dir, env.url)));
  });

  it('VS Code reports an environment that is not an object', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'envschema-')); // outside the test workspace: it stays untouched
    const file = vscode.Uri.file(path.join(dir, 'http-client.env.json'));
    try {
      fs.writeFileSync(file.fsPath, '{\n  "$shared": { "apiHost": "api.mypurecloud.com" },\n  "dev": "https://api.mypurecloud.com"\n}\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      const diags = await diagnosticsWhen(file, (d) => d.length > 0, false);
      assert.deepStrictEqual(diags.map((d) => [d.range.start.line, d.message]), [[2, 'Incorrect type. Expected "object".']]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
