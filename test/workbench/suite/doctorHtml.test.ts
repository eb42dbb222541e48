// The Call Doctor webview's HTML shell: strict CSP with a per-render nonce,
// the only script is the nonce'd bundle, no inline script or style, no data.
import * as assert from 'assert';
import { contentSecurityPolicy, newNonce, renderDoctorHtml } from '../../../src/vscode/doctor/panel/doctorHtml';

const options = {
  nonce: 'Tm9uY2UxMjM0NTY3ODkw', cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css',
  codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
};

describe('Call Doctor webview HTML shell', () => {
  const html = renderDoctorHtml(options);

  it('declares a strict CSP: nothing by default, scripts only by nonce, styles/fonts/images only from the webview origin', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.strictEqual(csp, "default-src &#39;none&#39;; script-src &#39;nonce-Tm9uY2UxMjM0NTY3ODkw&#39;; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:;");
    assert.doesNotMatch(contentSecurityPolicy(options), /unsafe-(inline|eval)/);
  });

  it('has exactly one script: the bundle, with the nonce and no inline body', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.strictEqual(scripts.length, 1);
    assert.strictEqual(scripts[0][1], ` nonce="${options.nonce}" src="${options.scriptUri}"`);
    assert.strictEqual(scripts[0][2], '');
    assert.doesNotMatch(html, /<style|style="|\son[a-z]+=/i, 'no inline style or event handler attributes');
  });

  it('loads the codicons and the theme stylesheet from the given webview URIs', () => {
    assert.match(html, new RegExp(`<link rel="stylesheet" href="${options.codiconsUri.replace(/[.+]/g, '\\$&')}">`));
    assert.match(html, new RegExp(`<link rel="stylesheet" href="${options.styleUri.replace(/[.+]/g, '\\$&')}">`));
  });

  it('makes a fresh nonce per render', () => {
    const a = newNonce();
    const b = newNonce();
    assert.notStrictEqual(a, b);
    assert.match(a, /^[A-Za-z0-9+/]{24}$/);
  });
});
