// Hover content: findings, operations (permissions with provenance) and body fields.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverText, workspaceFile } from './helpers';

async function hoverAt(name: string, line: number, character: number): Promise<string> {
  const uri = workspaceFile(name);
  await vscode.workspace.openTextDocument(uri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hoverText(hovers);
}

describe('hovers', () => {
  before(() => activateExtension());

  it('on a request line: operation id, summary, permissions (ANY) with provenance, scopes unknown', async () => {
    const text = await hoverAt('call.http', 5, 2);
    assert.match(text, /\*\*POST \/api\/v2\/conversations\/calls\*\* — `postConversationsCalls` \(Conversations\)/);
    assert.match(text, /Create a call conversation/);
    assert.match(text, /Required permissions \(ANY of\): `conversation:conference:add`/);
    assert.match(text, /OAuth scopes: unknown/);
    assert.match(text, /Body: `CreateCallRequest`/);
  });

  it('on a diagnostic: the finding with its rule, explanation and source', async () => {
    const text = await hoverAt('call.http', 10, 4);
    assert.match(text, /\*\*payload\.unknown-field\*\* \(error\)\n\n.*`?to`? .*CreateCallRequest/);
    // The source links to its entry of the shipped facts reference through the one trusted command.
    assert.match(text, /Source: \[docs\/facts\.md#create-call-request\]\(command:genesysCloud\.openFactsReference\?%5B%22create-call-request%22%5D "Open the facts reference"\) — verified/);
    const uri = workspaceFile('call.http');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(10, 4));
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('docs/facts.md#'));
    assert.deepStrictEqual(md?.isTrusted, { enabledCommands: ['genesysCloud.openFactsReference'] });
  });

  it('on a JSON field of a known body model: schema type and description', async () => {
    const text = await hoverAt('outbound-call.json', 2, 5);
    assert.match(text, /\*\*phoneNumber\*\*: `string` — field of `CreateCallRequest`/);
    assert.match(text, /The phone number to dial\./);
    assert.match(text, /Schema: `purecloud-platform-client-v2@262\.0\.0`/);
  });

  it('on a JSON field in a .http request body: the field of the operation\'s body model', async () => {
    const content = 'POST https://api.mypurecloud.com/api/v2/conversations/calls\nContent-Type: application/json\n\n{\n  "callerIdName": "Support",\n  "phoneNumber": "+15551234567"\n}\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 5));
    assert.match(hoverText(hovers), /\*\*callerIdName\*\*: `string` — field of `CreateCallRequest`\n\nThe caller id name for this outbound call\./);
  });

  it('nothing of ours on a plain comment line', async () => {
    const text = await hoverAt('call.http', 0, 3);
    assert.doesNotMatch(text, /postConversationsCalls|payload\./);
  });
});
