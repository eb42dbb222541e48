// Parity (issue 8): `call-doctor lint` and the editor must give the same
// answer on the same input. The CLI runs in-process through its entry (main);
// the editor's side is its analysis path through the core: the options
// AnalysisService.options builds (workspace folder as rootDir, the manifest's
// default payload associations, the selected httpEnvironment), then
// parseDocument + lintParsed as AnalysisService.check does. The workbench
// parity test (test/workbench/suite/parity.test.ts) compares the real thing.
import * as assert from 'assert';
import * as path from 'path';
import type { FileLintResult } from '../../src/core/lintTypes';
import { collectFiles } from '../../src/node/walk';
import { runCli } from './cliRun';
import { editorAnalysis, ENV_TWO_UP, marks, paritySweepFiles, parityReport, REPO_ROOT, SESSION_TOKEN_REQUEST } from './parityCompare';

interface JsonFile { path: string; findings: FileLintResult['findings']; problems?: { message: string }[] }

/** `call-doctor lint <files> --format json [extra]` from the repo root, one report per file (by repo-relative path). */
async function cliLint(files: readonly string[], extra: string[] = []): Promise<Map<string, JsonFile>> {
  const run = await runCli(['lint', ...files, '--format', 'json', ...extra], { cwd: REPO_ROOT, env: {} });
  assert.ok(run.code === 0 || run.code === 1, `call-doctor lint exited ${run.code}: ${run.err}`);
  return new Map((JSON.parse(run.out) as { files: JsonFile[] }).files.map((f) => [f.path, f]));
}

/** The editor's answer for `file` in a window whose workspace folder is `workspaceFolder`. */
async function editorLint(file: string, o: { workspaceFolder: string; environment?: string }): Promise<FileLintResult> {
  return (await editorAnalysis(file, o)).lint;
}

describe('parity: call-doctor lint and the editor analysis (issue 8)', () => {
  it('give the same findings for every example and lintable fixture (workspace folder = the repository)', async () => {
    const { files, problems } = await collectFiles(['examples', 'test/fixtures', 'test/workbench/workspace'], REPO_ROOT);
    assert.deepStrictEqual(problems, []);
    const rel = paritySweepFiles(files.map((f) => path.relative(REPO_ROOT, f).split(path.sep).join('/')));
    assert.ok(rel.length >= 30, `the sweep found ${rel.length} files`);
    const cli = await cliLint(rel);
    const rows = [];
    for (const file of rel) {
      const fromCli = cli.get(file);
      assert.ok(fromCli, `the CLI reported nothing for ${file}`);
      rows.push({ file, cli: marks(fromCli.findings), editor: marks((await editorLint(file, { workspaceFolder: REPO_ROOT })).findings) });
    }
    const report = parityReport(rows);
    if (report) assert.fail(report);
  });

  // Divergence (a): the CLI looks for http-client.env.json only beside the file;
  // the editor walks up to the workspace folder. Both must find it (project root).
  it('an http-client.env.json two folders up inside the project: both resolve {{apiHost}} and report nothing', async () => {
    const file = `${ENV_TWO_UP.dir}/${ENV_TWO_UP.request}`;
    const cli = (await cliLint([file], ['--env', ENV_TWO_UP.environment])).get(file)!;
    const editor = await editorLint(file, { workspaceFolder: REPO_ROOT, environment: ENV_TWO_UP.environment });
    assert.deepStrictEqual({
      cli: { findings: marks(cli.findings), problems: (cli.problems ?? []).map((p) => p.message) },
      editor: { findings: marks(editor.findings), problems: (editor.problems ?? []).map((p) => p.message) },
    }, {
      cli: { findings: [], problems: [] },
      editor: { findings: [], problems: [] },
    });
  });

  // Divergence (b): `check` treats {{accessToken}} as supplied by the session;
  // lint and the editor's offline findings call it unresolved. All must treat it
  // as the session's send-time value.
  it('{{accessToken}} defined nowhere: neither lint nor the editor reports it unresolved', async () => {
    const cli = (await cliLint([SESSION_TOKEN_REQUEST])).get(SESSION_TOKEN_REQUEST)!;
    const editor = await editorLint(SESSION_TOKEN_REQUEST, { workspaceFolder: REPO_ROOT });
    assert.deepStrictEqual({ cli: marks(cli.findings), editor: marks(editor.findings) }, { cli: [], editor: [] });
  });
});
