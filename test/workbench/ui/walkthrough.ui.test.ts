// UI test: the "Get Started" walkthrough in a real workbench. Its buttons run
// the commands they name, and its steps tick themselves off through their
// completion events (onCommand, onView), as a user would see it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { openWorkbench, palette, root, type Workbench } from './host';

const WALKTHROUGH = 'calldoctor.genesys-cloud-call-doctor#genesysCloud.gettingStarted';

async function stepDone(page: Page, step: string): Promise<string | null> {
  return page.getAttribute(`[data-done-step-id="${WALKTHROUGH}#${step}"]`, 'aria-checked');
}

/** Brings the walkthrough to the front: its tab when it is still open (it opens as a preview), else "Open Walkthrough" again. */
async function showWalkthrough(page: Page): Promise<void> {
  const tab = await page.$('.tab[aria-label^="Walkthrough: Genesys Cloud Call Doctor"]');
  if (tab) await tab.click();
  else {
    await palette(page, 'Welcome: Open Walkthrough...');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label^="Get Started with Genesys Cloud Call Doctor"]');
    await page.keyboard.type('Genesys Cloud Call Doctor');
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector(`.getting-started-step[data-step-id="${WALKTHROUGH}#connect"]`);
}

/** Expands a step of the walkthrough and clicks one of its buttons. */
async function clickStepButton(page: Page, step: string, button: string): Promise<void> {
  await showWalkthrough(page);
  await page.click(`.getting-started-step[data-step-id="${WALKTHROUGH}#${step}"] .step-title`);
  await page.click(`.getting-started-step[data-step-id="${WALKTHROUGH}#${step}"] .monaco-button:has-text("${button}")`);
}

describe('UI: the "Get Started" walkthrough', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-walk-'));
    wb = await openWorkbench({ workspace: tmp, extensionDevelopmentPath: root });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is listed under "Open Walkthrough" and shows its five steps, none done', async () => {
    const { page } = wb;
    await showWalkthrough(page); // not open yet: through "Welcome: Open Walkthrough..."
    const steps = await page.$$eval('.getting-started-step .step-title', (els) => els.map((e) => e.textContent));
    assert.deepStrictEqual(steps, ['Connect to an org (or start the sandbox)', 'Open an example request', 'See what is wrong, and fix it', 'Run the Call Doctor', 'Keep the API catalog current']);
    for (const s of ['connect', 'example', 'diagnostics', 'doctor', 'catalog']) assert.strictEqual(await stepDone(page, s), 'false', s);
  });

  it('"Open Example Request" opens the case-1 requests and ticks its step (onCommand)', async () => {
    const { page } = wb;
    await clickStepButton(page, 'example', 'Open Example Request');
    await page.waitForSelector('.tab.active[aria-label*="Untitled"]');
    await page.waitForSelector('.squiggly-error'); // the example's findings
    await showWalkthrough(page);
    await page.waitForSelector(`[data-done-step-id="${WALKTHROUGH}#example"][aria-checked="true"]`);
  });

  it('"Show Problems" opens the Problems view and ticks its step (onView)', async () => {
    const { page } = wb;
    await clickStepButton(page, 'diagnostics', 'Show Problems');
    await page.waitForSelector('.markers-panel .monaco-list-row:has-text("endpoint.wrong-host")');
    await page.waitForSelector(`[data-done-step-id="${WALKTHROUGH}#diagnostics"][aria-checked="true"]`);
    assert.strictEqual(await stepDone(page, 'doctor'), 'false');
  });
});
