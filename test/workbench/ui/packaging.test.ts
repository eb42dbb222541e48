// The .vsix `npm run package` builds: vsce packs it offline from .vscodeignore,
// it holds what the installed extension reads at run time and nothing else
// (every file package.json names among it), and it installs into the test host
// (code-server) and works there without the development path: diagnostics from
// the packaged catalog data, a command runs, the activity-bar icon is drawn.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeServerCli, openFile, openWorkbench, palette, root, type Workbench } from './host';
import { manifestFiles, pngSize, zipEntries } from './vsix';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string; publisher: string; version: string; icon?: string; keywords?: string[]; galleryBanner?: { color?: string; theme?: string };
};
const EXTENSION = `${manifest.publisher}.${manifest.name}`;

describe('packaging: the .vsix', function () {
  this.timeout(240_000);
  let tmp: string;
  let vsix: string;
  let files: string[];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-test-'));
    vsix = path.join(tmp, `${manifest.name}.vsix`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vsce = require('@vscode/vsce') as {
      createVSIX(o: object): Promise<unknown>;
      listFiles(o: object): Promise<string[]>;
    };
    const options = { cwd: root, dependencies: false, rewriteRelativeLinks: false };
    files = (await vsce.listFiles(options)).map((f) => f.replace(/\\/g, '/')).sort();
    // vsce prints the whole file tree; keep the test output to the results.
    const log = console.log;
    console.log = () => {};
    try { await vsce.createVSIX({ ...options, packagePath: vsix }); } finally { console.log = log; }
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is built offline with a repository and a license (no --allow-missing-repository)', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts.package, /vsce package/);
    assert.doesNotMatch(scripts.package, /allow-missing-repository/);
    assert.ok(fs.statSync(vsix).size > 100_000);
    assert.ok(files.includes('LICENSE'));
  });

  it('ships the bundle, the catalog data, the rule docs and the media; no sources, tests, maps or fixtures', () => {
    for (const needed of ['package.json', 'README.md', 'dist/extension.js', 'dist/webview.js', 'data/catalog/operations.json', 'data/catalog/models.json',
      'data/catalog/manifest.json', 'data/curated/ops-facts.json', 'data/curated/error-code-facts.json', 'data/sandbox/default-org.json', 'docs/rules/payload.unknown-field.md', 'docs/facts.md', 'media/webview.css',
      'media/walkthrough/example.http', 'media/walkthrough/connect.md', 'schemas/http-client.env.schema.json']) {
      assert.ok(files.includes(needed), `${needed} is in the .vsix`);
    }
    const unwanted = files.filter((f) => /^(src|test|out|bench|scripts|examples|node_modules)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') || f === 'dist/cli.js');
    assert.deepStrictEqual(unwanted, []);
    // Every diagnostic links docs/rules/<id>.md: all of them ship.
    const ruleDocs = fs.readdirSync(path.join(root, 'docs', 'rules')).map((f) => `docs/rules/${f}`);
    assert.deepStrictEqual(ruleDocs.filter((f) => !files.includes(f)), []);
  });

  it('cites only what it ships: no packaged file mentions the team\'s internal FACTS.md', () => {
    const citing = files.filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes('FACTS.md'));
    assert.deepStrictEqual(citing, []);
  });

  it('holds every file package.json names (icons, walkthrough media, schemas, entry point)', () => {
    const named = manifestFiles(manifest as unknown as Record<string, unknown>);
    // The walk must find what is known to be there, or it checks nothing.
    for (const known of ['dist/extension.js', 'media/icon.png', 'media/activitybar.svg', 'media/walkthrough/connect.md', 'schemas/http-client.env.schema.json']) {
      assert.ok(named.includes(known), `${known} is among the files package.json names: ${named.join(', ')}`);
    }
    const packed = [...zipEntries(vsix).keys()].filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    assert.deepStrictEqual(named.filter((f) => !packed.includes(f)), [], 'named in package.json but missing from the .vsix');
  });

  it('carries the marketplace icon (a 128×128 PNG), the gallery banner and keywords into its manifest', () => {
    const entries = zipEntries(vsix);
    assert.strictEqual(manifest.icon, 'media/icon.png');
    assert.deepStrictEqual(pngSize(entries.get('extension/media/icon.png')!()), { width: 128, height: 128 });
    const vsixManifest = entries.get('extension.vsixmanifest')!().toString('utf8');
    assert.match(vsixManifest, /<Asset Type="Microsoft\.VisualStudio\.Services\.Icons\.Default" Path="extension\/media\/icon\.png"/);
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(vsixManifest.includes(`<Property Id="Microsoft.VisualStudio.Services.Branding.Color" Value="${manifest.galleryBanner!.color}" />`));
    assert.ok(vsixManifest.includes(`<Property Id="Microsoft.VisualStudio.Services.Branding.Theme" Value="${manifest.galleryBanner!.theme}" />`));
    assert.ok((manifest.keywords ?? []).length > 0 && manifest.keywords!.length <= 30, 'the marketplace takes up to 30 keywords');
    assert.match(vsixManifest, /<Tags>[^<]*genesys cloud/);
  });

  describe('installed into the test host (code-server --install-extension)', () => {
    let wb: Workbench | undefined;
    let workspace: string;

    before(() => {
      workspace = path.join(tmp, 'workspace');
      fs.cpSync(path.join(root, 'examples', 'forum-case-1'), workspace, { recursive: true });
    });

    after(async () => { await wb?.close(); });

    it('installs, is listed, activates on a .http file and shows its diagnostics, and runs a contributed command', async () => {
      let listed = '';
      wb = await openWorkbench({
        workspace,
        // No extensionDevelopmentPath: only what was installed from the .vsix can run.
        beforeStart: (dir) => {
          const dirs = { extensions: path.join(dir, 'ext'), userData: path.join(dir, 'data'), config: path.join(dir, 'config.yaml') };
          codeServerCli(['--install-extension', vsix], dirs);
          listed = codeServerCli(['--list-extensions', '--show-versions'], dirs);
        },
      });
      assert.ok(listed.split(/\r?\n/).includes(`${EXTENSION}@${manifest.version}`), `listed: ${listed}`);
      const { page } = wb;
      await openFile(page, 'requests.http');
      // Diagnostics need the packaged catalog data (data/catalog, read lazily from the install folder).
      await page.waitForSelector('.squiggly-error');
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel .monaco-list-row:has-text("endpoint.wrong-host")');
      await palette(page, 'Genesys Cloud: Remove Downloaded API Catalog');
      await page.waitForSelector('.notifications-toasts .notification-toast:has-text("No downloaded API catalog to remove.")');
    });

    it('draws the Genesys Cloud icon in the activity bar from the installed media/activitybar.svg', async () => {
      assert.ok(wb, 'the workbench of the previous test is open');
      const { page } = wb;
      // The view container's icon is a CSS mask over the icon colour; a file missing from the .vsix leaves it blank.
      const label = page.locator('.part.activitybar .action-item a.action-label[aria-label^="Genesys Cloud"]');
      await label.waitFor();
      const mask = await label.evaluate((el) => {
        const style = getComputedStyle(el);
        return style.getPropertyValue('-webkit-mask-image') || style.getPropertyValue('mask-image');
      });
      const url = /url\("?([^")]+)"?\)/.exec(mask)?.[1];
      assert.ok(url && /activitybar\.svg/.test(decodeURIComponent(url)), `the mask is the extension's icon: ${mask}`);
      const served = await page.evaluate(async (u) => {
        const r = await fetch(u);
        return { status: r.status, text: await r.text() };
      }, url);
      assert.strictEqual(served.status, 200, `the icon is served from the installed extension: ${url}`);
      assert.strictEqual(served.text, fs.readFileSync(path.join(root, 'media', 'activitybar.svg'), 'utf8'));
    });
  });
});
