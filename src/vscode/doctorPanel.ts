// The Call Doctor panel: one webview, reused, showing the latest result.
// No scripts, no tokens: only the rendered, already redacted result.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { DoctorResult } from '../core/live/types';
import { renderDoctorHtml } from './doctorHtml';

export class DoctorPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(result: DoctorResult, label: string): void {
    const title = `Call Doctor: ${result.verdict.toUpperCase()}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('genesysCloud.callDoctor', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [] });
      this.panel.onDidDispose(() => { this.panel = undefined; });
    }
    const nonce = randomBytes(16).toString('base64');
    this.panel.title = title;
    this.panel.webview.html = renderDoctorHtml(result, label, nonce, this.panel.webview.cspSource);
    this.panel.reveal(undefined, true);
  }

  dispose(): void { this.panel?.dispose(); }
}
