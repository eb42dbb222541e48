// The .vsix `npm run package` builds: vsce packs it offline from .vscodeignore,
// it holds what the installed extension reads at run time and nothing else,
// and it installs into the test host (code-server) and works there without the
// development path: diagnostics from the packaged catalog data, a command runs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeServerCli, openFile, openWorkbench, palette, root, type Workbench } from './host';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
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
  });
});
