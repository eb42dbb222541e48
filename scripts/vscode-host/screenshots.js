#!/usr/bin/env node
// UI screenshots of the extension in a real VS Code workbench (code-server +
// headless Chromium), driven like a user: open the fixture .http file, show a
// hover, open the quick-fix menu. Writes PNGs to media/screenshots/ (or
// SCREENSHOT_DIR). Run after a build: `node scripts/vscode-host/screenshots.js`.
'use strict';
const fs = require('fs');
const path = require('path');
const { provision } = require('./provision');
const { prepareTmp, startServer, waitForPort, stopServer, progress } = require('./runTests');

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'workbench', 'workspace');
// The local sandbox org (built into out/) plays Genesys Cloud for the Call Doctor shots.
const PKCE_CLIENT = '6209954a-6272-5918-84ed-d5909e4ea74b';
const BOB_NO_STATION = 'c7898be9-650f-533c-a8f0-0c65132fd83e';
const outDir = path.resolve(process.env.SCREENSHOT_DIR || path.join(root, 'media', 'screenshots'));

async function palette(page, command) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
  await page.keyboard.type(command);
  await page.waitForTimeout(300); // let the list filter; a missing entry then fails at the next wait
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
  await page.keyboard.press('Backspace'); // drop the ">" prefix: file search
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`);
}

async function goTo(page, line, column) {
  await palette(page, 'Go to Line/Column');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

async function shoot(page, name) {
  await page.waitForTimeout(800); // hovers and menus fade in; capture them settled
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  progress(`wrote ${path.relative(root, file)}`);
}

/** A throw-away copy of the fixture workspace plus a request aimed at the sandbox. */
function makeWorkspace(tmp, sandboxUrl) {
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(fixtures, ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'doctor.http'),
    `### Place a call as Bob (sandbox org)\nPOST ${sandboxUrl}/api/v2/conversations/calls\nContent-Type: application/json\n\n{ "phoneNumber": "+13175550199" }\n`);
  return ws;
}

async function signInWithToken(page, sandboxUrl, token) {
  await palette(page, 'Genesys Cloud: Sign In');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
  await page.fill('.quick-input-widget input', sandboxUrl);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Existing access token"]');
  await page.keyboard.type('Existing access token');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input[type="password"]');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.notifications-toasts .notification-toast:has-text("Signed in to Genesys Cloud")');
}

async function main() {
  const codeServer = process.env.CODE_SERVER || provision({ log: progress });
  const { startSandbox } = require(path.join(root, 'out', 'src', 'sandbox'));
  const { pkceLogin } = require(path.join(root, 'out', 'src', 'sandbox', 'testing', 'flows'));
  const sandbox = await startSandbox();
  const tmp = prepareTmp();
  const workspace = makeWorkspace(tmp, sandbox.url);
  const s = { codeServer, node: process.execPath, extraArgs: [], workspace };
  const server = startServer(s, tmp);
  const { chromium } = require('playwright-core');
  let browser;
  try {
    const port = await waitForPort(server);
    fs.mkdirSync(outDir, { recursive: true });
    browser = await chromium.launch({ executablePath: process.env.CHROME || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60000);
    const authority = `127.0.0.1:${port}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${root}`]]);
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    await page.waitForSelector('.monaco-workbench .part.editor');

    await openFile(page, 'call.http');
    await page.waitForSelector('.squiggly-error');            // our diagnostics arrived
    await page.waitForSelector('.codelens-decoration a');      // and the lenses
    await goTo(page, 11, 4);
    await shoot(page, 'diagnostics');

    await palette(page, 'Show or Focus Hover');
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents');
    await shoot(page, 'hover-finding');
    await page.keyboard.press('Escape');

    await goTo(page, 6, 2);
    await palette(page, 'Show or Focus Hover');
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents');
    await shoot(page, 'hover-operation');
    await page.keyboard.press('Escape');

    await goTo(page, 11, 4);
    await palette(page, 'Quick Fix...');
    await page.waitForSelector('.action-widget');
    await shoot(page, 'quick-fix');
    await page.keyboard.press('Escape');

    const token = (await pkceLogin(sandbox.url, PKCE_CLIENT, BOB_NO_STATION)).access_token;
    await signInWithToken(page, sandbox.url, token);
    await openFile(page, 'doctor.http');
    await page.click('.codelens-decoration a:has-text("Run Call Doctor")');
    await page.waitForSelector('.tab[aria-label*="Call Doctor: "]');
    await palette(page, 'Genesys Cloud: Focus on Genesys Cloud View');
    await page.waitForSelector('.monaco-list-row[aria-label*="Bob Nostation"]');
    await page.waitForTimeout(1500); // the webview paints after its tab appears
    await shoot(page, 'call-doctor');
    return 0;
  } finally {
    if (browser) await browser.close();
    await stopServer(server);
    await sandbox.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[screenshots] failed: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
