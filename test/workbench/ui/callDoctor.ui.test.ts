// UI test in a real VS Code workbench, driven like a user with the keyboard and
// the mouse (playwright-core + headless Chromium): the forum case-1 payload
// (examples/forum-case-1/payload.json) shows its diagnostics; the user signs in
// to the sandbox org through the command palette (VS Code's consent dialog
// included) and runs "Run Call Doctor on Request at Cursor"; the Call Doctor
// panel opens with the verdicts. Screenshots go to docs/screenshots/ with
// UPDATE_SCREENSHOTS=1 (the README shows them), otherwise to a temp dir.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { pkceLogin } from '../../../src/sandbox/testing/flows';
import { goTo, openFile, openWorkbench, palette, root, screenshotDir, shoot, type Workbench } from './host';

const PKCE_CLIENT = '6209954a-6272-5918-84ed-d5909e4ea74b';
const BOB_NO_STATION = 'c7898be9-650f-533c-a8f0-0c65132fd83e';

/** The Call Doctor webview's content frame (webviews nest an iframe inside an iframe). */
async function doctorFrame(page: Page, accept: (text: string) => boolean): Promise<{ frame: Frame; text: string }> {
  for (;;) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (frame !== page.mainFrame() && accept(text)) return { frame, text };
    }
    await page.waitForTimeout(200);
  }
}

async function problemsText(page: Page): Promise<string> {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.textContent ?? '').join('\n'));
}

describe('UI: the forum case-1 payload, from diagnostics to the Call Doctor panel', function () {
  this.timeout(300_000);
  let sandbox: Sandbox;
  let wb: Workbench;
  let tmp: string;
  let shots: string;

  before(async () => {
    sandbox = await startSandbox();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-test-'));
    shots = screenshotDir(path.join(tmp, 'screenshots'));
    const workspace = path.join(tmp, 'forum-case-1');
    fs.cpSync(path.join(root, 'examples', 'forum-case-1'), workspace, { recursive: true });
    wb = await openWorkbench({
      workspace,
      extensionDevelopmentPath: root,
      beforeStart: (dir) => {
        // The environment to sign in to, as a user would have set it (Select Environment).
        const file = path.join(dir, 'data', 'User', 'settings.json');
        const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(file, JSON.stringify({ ...settings, 'genesysCloud.environment': sandbox.url, 'workbench.colorTheme': 'Default Dark Modern' }, null, 2));
      },
    });
  });

  after(async () => {
    await wb?.close();
    await sandbox?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the payload\'s diagnostics in the editor and the Problems view', async () => {
    const { page } = wb;
    await openFile(page, 'payload.json');
    await page.waitForSelector('.squiggly-error');
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row:has-text("payload.unknown-field")');
    const problems = await problemsText(page);
    for (const expected of ['payload.unknown-field', 'payload.destination', '`to` is not a field of CreateCallRequest', 'No destination']) {
      assert.ok(problems.includes(expected), `${expected} in:\n${problems}`);
    }
    await goTo(page, 6, 4); // "to": the folklore field
    await shoot(page, shots, 'diagnostics');

    await palette(page, 'Show or Focus Hover');
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents');
    const hover = await page.innerText('.monaco-hover:not(.hidden)');
    assert.ok(hover.includes('`to` is not a field of CreateCallRequest') && hover.includes('payload.unknown-field'), hover);
    await shoot(page, shots, 'hover');
    await page.keyboard.press('Escape');

    await palette(page, 'Quick Fix...');
    const menu = await page.waitForSelector('.action-widget');
    const fixes = await menu.innerText();
    assert.match(fixes, /phoneNumber/, fixes);
    await shoot(page, shots, 'quick-fix');
    await page.keyboard.press('Escape');
  });

  it('signs in to the sandbox from the command palette (token flow, VS Code consent)', async () => {
    const { page } = wb;
    const token = (await pkceLogin(sandbox.url, PKCE_CLIENT, BOB_NO_STATION)).access_token;
    await palette(page, 'Genesys Cloud: Sign In');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Existing access token"]');
    await page.keyboard.type('Existing access token');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input[type="password"]');
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    // VS Code asks whether the extension may sign in with the "Genesys Cloud" provider.
    await page.click('.monaco-dialog-box .monaco-button:has-text("Allow")');
    await page.waitForSelector('.notifications-toasts .notification-toast:has-text("Signed in to Genesys Cloud as Bob Nostation")');
  });

  it('runs "Run Call Doctor on Request at Cursor" and shows the panel with the failing checks', async () => {
    const { page } = wb;
    await openFile(page, 'payload.json');
    await goTo(page, 6, 4);
    await palette(page, 'Genesys Cloud: Run Call Doctor on Request at Cursor');
    await page.waitForSelector('.tab[aria-label*="Call Doctor: FAIL"]');
    const { text } = await doctorFrame(page, (t) => t.includes('No station associated with you'));
    // Bob Nostation's token passes user context, scope and permission, and fails on the station.
    assert.match(text, /Bob Nostation/);
    assert.match(text, /PASS\s+User context/);
    assert.match(text, /PASS\s+Permissions/);
    assert.match(text, /FAIL\s+Station\s+No station associated with you\./);
    await page.keyboard.press('Control+J'); // hide the bottom panel: the shot shows more of the Call Doctor
    await palette(page, 'Notifications: Clear All Notifications');
    await page.waitForTimeout(1000); // the webview paints after its content arrives
    await shoot(page, shots, 'call-doctor');
  });
});
