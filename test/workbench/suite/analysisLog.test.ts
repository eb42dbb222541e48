// AnalysisService logs through the redacting LogPort (ports.ts), never the
// raw Output channel: a failure message that quotes a token from the file
// reaches the channel redacted.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Catalog } from '../../../src/core/catalog/api';
import { AnalysisService } from '../../../src/vscode/analysis/analysisService';
import { logPort } from '../../../src/vscode/ports';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.analysis-log-secret-token.c2lnbmF0dXJl';

describe('AnalysisService logging', () => {
  it('writes a failed check to the Output channel redacted, with the document named', async () => {
    const lines: string[] = [];
    const channel = { debug: (m: string) => lines.push(m), info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(`error ${m}`) };
    const failing = (): Catalog => { throw new Error(`catalog failed near "Authorization: Bearer ${TOKEN}"`); };
    const analysis = new AnalysisService(failing, logPort(channel as unknown as vscode.LogOutputChannel));
    try {
      const doc = await vscode.workspace.openTextDocument({ language: 'http', content: `GET https://api.mypurecloud.com/api/v2/users/me\nAuthorization: Bearer ${TOKEN}\n` });
      assert.strictEqual(await analysis.analyze(doc), undefined, 'a failed check gives no analysis');
      assert.strictEqual(lines.length, 1, lines.join('\n'));
      assert.match(lines[0], new RegExp(`^error could not check ${doc.uri.toString().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: catalog failed near`));
      assert.ok(!lines[0].includes(TOKEN) && lines[0].includes('[REDACTED]'), lines[0]);
    } finally {
      analysis.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
