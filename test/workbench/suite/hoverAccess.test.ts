// Request-line hovers when signed in: ✓/✗ of the operation's needs for the
// current user, from the token report of the sandbox session.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { hoverText } from './helpers';
import { api, signInAs, signOut } from './sandboxUsers';

describe('hovers: ✓/✗ for the signed-in user (sandbox)', () => {
  let sandbox: Sandbox;
  let doc: vscode.TextDocument;

  before(async () => {
    await api();
    sandbox = await startSandbox();
    doc = await vscode.workspace.openTextDocument({ language: 'http', content: `POST ${sandbox.url}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n` });
  });

  after(async () => {
    await signOut(sandbox.url);
    await sandbox.close();
  });

  const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 2)));

  it('✓ for a user whose roles grant conversation:conference:add', async () => {
    await signInAs(sandbox.url, 'alice');
    const text = await hover();
    assert.match(text, /Required permissions \(ANY of\): `conversation:conference:add`/);
    assert.ok(text.includes(`**For Alice Healthy @ ${sandbox.url}:**`), text);
    assert.match(text, /- ✓ permission `conversation:conference:add` — One of your roles grants conversation:conference:add/);
  });

  it('✗ for a user without it, with the reason', async () => {
    await signInAs(sandbox.url, 'erin');
    const text = await hover();
    assert.ok(text.includes(`**For Erin Nopermission @ ${sandbox.url}:**`), text);
    assert.match(text, /- ✗ permission `conversation:conference:add` — None of your roles grants conversation:conference:add; the operation needs any one of conversation:conference:add/);
  });

  it('no marks when signed out, and none for a request to another environment', async () => {
    const other = await vscode.workspace.openTextDocument({ language: 'http', content: 'POST https://api.mypurecloud.com/api/v2/conversations/calls\n' });
    const elsewhere = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', other.uri, new vscode.Position(0, 2)));
    assert.match(elsewhere, /postConversationsCalls/);
    assert.doesNotMatch(elsewhere, /\*\*For /);
    await signOut(sandbox.url);
    const text = await hover();
    assert.match(text, /postConversationsCalls/);
    assert.doesNotMatch(text, /\*\*For /);
  });
});
