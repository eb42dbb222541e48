// A real VS Code workbench (code-server + headless Chromium via playwright-core)
// driven like a user, for the UI tests, the packaging test and the screenshots.
// Reuses the runner's server handling (scripts/vscode-host/runTests.js).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { packageRoot } from '../../../src/node/paths';

interface Runner {
  prepareTmp(): string;
  startServer(s: { codeServer: string; node: string; extraArgs: string[]; workspace: string }, tmp: string): unknown;
  waitForPort(server: unknown): Promise<number>;
  stopServer(server: unknown): Promise<void>;
  progress(msg: string): void;
}

export const root = packageRoot();
/* eslint-disable @typescript-eslint/no-require-imports */
const runner = require(path.join(root, 'scripts', 'vscode-host', 'runTests.js')) as Runner;
const provisioner = require(path.join(root, 'scripts', 'vscode-host', 'provision.js')) as { provision(o?: { log?: (m: string) => void }): string };
/* eslint-enable @typescript-eslint/no-require-imports */

export const progress = runner.progress;
export const CHROME = process.env.CHROME || '/usr/bin/chromium';

export function codeServerEntry(): string {
  return process.env.CODE_SERVER || provisioner.provision({ log: progress });
}

/** Runs code-server's CLI (install/list extensions) against the given directories; returns stdout. */
export function codeServerCli(args: string[], dirs: { extensions: string; userData: string; config: string }): string {
  const r = spawnSync(process.execPath, [codeServerEntry(), '--config', dirs.config, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export interface Workbench {
  page: Page;
  tmp: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  workspace: string;
  /** Load the extension from this folder in development mode (omit for installed extensions only). */
  extensionDevelopmentPath?: string;
  /** Prepare the temp dir before the server starts (e.g. install a .vsix into tmp/ext). */
  beforeStart?: (tmp: string) => void;
}

/** Starts code-server on a temp profile (extensions in <tmp>/ext) and opens the workbench in headless Chromium. */
export async function openWorkbench(o: OpenOptions): Promise<Workbench> {
  if (!fs.existsSync(CHROME)) throw new Error(`no browser at ${CHROME}; run: apt-get install -y chromium ripgrep libkrb5-dev (or set CHROME)`);
  const codeServer = codeServerEntry();
  const tmp = runner.prepareTmp();
  o.beforeStart?.(tmp);
  const server = runner.startServer({ codeServer, node: process.execPath, extraArgs: [], workspace: o.workspace }, tmp);
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    await runner.stopServer(server);
    if (process.env.KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const port = await runner.waitForPort(server);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    const authority = `127.0.0.1:${port}`;
    const payload = o.extensionDevelopmentPath ? `&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${o.extensionDevelopmentPath}`]]))}` : '';
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(o.workspace)}${payload}`);
    await page.waitForSelector('.monaco-workbench .part.editor');
    return { page, tmp, close };
  } catch (err) {
    await close();
    throw err;
  }
}

const QUICK_INPUT = '.quick-input-widget:not([style*="display: none"]) input';

/** F1, type the command's title, wait for it in the list, run it. */
export async function palette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector(QUICK_INPUT);
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title.replace(/"/g, '\\"')}"]`);
  await page.keyboard.press('Enter');
}

/** Quick Open (file search), then wait for the file's tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector(QUICK_INPUT);
  await page.keyboard.press('Backspace'); // drop the ">" prefix: file search
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`);
}

export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.waitForSelector(QUICK_INPUT);
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Where screenshots go: docs/screenshots/ with UPDATE_SCREENSHOTS=1 (or SCREENSHOT_DIR), else a temp dir (the tree stays clean). */
export function screenshotDir(fallback: string): string {
  if (process.env.SCREENSHOT_DIR) return path.resolve(process.env.SCREENSHOT_DIR);
  return process.env.UPDATE_SCREENSHOTS === '1' ? path.join(root, 'docs', 'screenshots') : fallback;
}

export async function shoot(page: Page, dir: string, name: string): Promise<string> {
  await page.waitForTimeout(800); // hovers, panels and menus fade in; capture them settled
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  progress(`wrote ${path.relative(root, file)}`);
  return file;
}
