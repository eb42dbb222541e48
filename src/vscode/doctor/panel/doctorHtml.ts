// HTML shell of the Call Doctor webview. It carries no data: the webview
// script (dist/webview.js) renders what the host posts after `ready`. Strict
// CSP: nothing runs or loads but the nonce'd bundle and our own stylesheets
// and font from the extension's media/ and dist/. Free of 'vscode' so tests
// can render it directly.
import { randomBytes } from 'crypto';

export interface ShellOptions {
  /** Fresh per render (newNonce()). */
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
  /** webview.asWebviewUri(...) of dist/webview.js, media/webview.css, dist/codicons/codicon.css */
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(o: Pick<ShellOptions, 'nonce' | 'cspSource'>): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${o.nonce}'`,
    `style-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    `img-src ${o.cspSource} data:`,
  ].join('; ') + ';';
}

export function renderDoctorHtml(o: ShellOptions): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(o))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${esc(o.codiconsUri)}">
<link rel="stylesheet" href="${esc(o.styleUri)}">
<title>Call Doctor</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Loading the Call Doctor…</p></main>
<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script>
</body></html>`;
}
