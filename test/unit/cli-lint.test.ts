import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CliIo } from '../../src/cli/commands/types';
import { displayPathFor, parseLintArgs, runLint, type EngineFactory } from '../../src/cli/commands/lint';
import type { LintEngine } from '../../src/cli/engine';
import { collectFiles } from '../../src/node/walk';
import { nodeFiles } from '../../src/node/files';
import type { FileLintResult } from '../../src/core/lintTypes';
import { packageRoot } from '../../src/node/paths';
import { RULE_REGISTRY, ruleInfo } from '../../src/core/rules';
import { range } from '../../src/core/types';

export interface CapturedIo extends CliIo { out: string; err: string }

export function captureIo(cwd: string, env: Record<string, string | undefined> = {}, stdoutIsTTY = false): CapturedIo {
  const io: CapturedIo = {
    out: '', err: '', cwd, env, stdoutIsTTY,
    stdout: (t) => { io.out += t; },
    stderr: (t) => { io.err += t; },
    readStdin: async () => '',
  };
  return io;
}

/** A fake engine: every line containing BAD is an error, WARN a warning; it records what it was asked. */
function fakeEngine(seen: string[] = [], delays = true): EngineFactory {
  return async () => {
    const engine: LintEngine = {
      async lintFile(absPath, text): Promise<FileLintResult> {
        seen.push(absPath);
        // Finish in an order unrelated to the path, so sorting is really tested.
        if (delays) await new Promise((r) => setTimeout(r, (text.length * 7) % 13));
        const findings = text.split('\n').flatMap((line, i) => [
          ...(line.includes('BAD') ? [{ rule: 'test.bad', severity: 'error' as const, message: 'bad line', range: range(i, 0, i, line.length), fixes: [], source: { ref: 'test', verified: true } }] : []),
          ...(line.includes('WARN') ? [{ rule: 'test.warn', severity: 'warning' as const, message: 'warn line', range: range(i, 0, i, line.length), fixes: [], source: { ref: 'test', verified: false } }] : []),
        ]);
        return { path: absPath, requests: [], findings };
      },
    };
    return engine;
  };
}

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('cli lint: argument parsing', () => {
  it('reads paths, --format and --env in both spellings', () => {
    assert.deepStrictEqual(parseLintArgs(['a', '--format', 'json', 'b', '--env=dev']), { paths: ['a', 'b'], format: 'json', environment: 'dev', help: false });
    assert.deepStrictEqual(parseLintArgs(['--format=sarif', '--', '--weird-name.http']), { paths: ['--weird-name.http'], format: 'sarif', help: false });
  });
  it('rejects unknown flags, missing values, bad formats and no paths', () => {
    assert.deepStrictEqual(parseLintArgs(['x', '--fix']), { error: "unknown option '--fix'." });
    assert.deepStrictEqual(parseLintArgs(['x', '--format']), { error: '--format needs a value.' });
    assert.deepStrictEqual(parseLintArgs(['x', '--env', '--format', 'json']), { error: '--env needs a value.' });
    assert.match((parseLintArgs(['x', '--format', 'xml']) as { error: string }).error, /unknown format 'xml'; use one of text, json, sarif/);
    assert.match((parseLintArgs([]) as { error: string }).error, /at least one file or directory/);
  });
  it('shows paths relative to the working directory with forward slashes', () => {
    assert.strictEqual(displayPathFor(path.join('/w', 'a', 'b.http'), '/w'), 'a/b.http');
    assert.strictEqual(displayPathFor('/other/c.json', '/w'), '../other/c.json');
  });
});

describe('cli lint: exit codes and output', () => {
  it('0 without errors (warnings allowed), 1 with errors', async () => {
    const dir = tree({ 'ok.http': 'GET x\nWARN\n', 'bad.json': '{}\nBAD\n' });
    try {
      let io = captureIo(dir);
      assert.strictEqual(await runLint(['ok.http'], io, fakeEngine()), 0);
      assert.strictEqual(io.out, 'ok.http\nok.http:2:1 warning test.warn warn line (unverified)\n\n0 errors, 1 warning, 0 infos in 1 file.\n');
      io = captureIo(dir);
      assert.strictEqual(await runLint(['.'], io, fakeEngine()), 1);
      assert.match(io.out, /^bad\.json:2:1 error test\.bad bad line$/m);
      assert.strictEqual(io.err, '');
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('2 for a missing path, naming it, and lints nothing', async () => {
    const dir = tree({ 'ok.http': 'GET x\n' });
    try {
      const seen: string[] = [];
      const io = captureIo(dir);
      assert.strictEqual(await runLint(['ok.http', 'nope/missing.http'], io, fakeEngine(seen)), 2);
      assert.match(io.err, /nope\/missing\.http: no such file or directory/);
      assert.deepStrictEqual(seen, []);
      assert.strictEqual(io.out, '');
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('2 for usage errors, unsupported files, empty directories and a failing catalog', async () => {
    const dir = tree({ 'notes.txt': 'hi', 'empty/readme.md': '#' });
    try {
      let io = captureIo(dir);
      assert.strictEqual(await runLint(['.', '--colour'], io, fakeEngine()), 2);
      assert.match(io.err, /unknown option '--colour'/);
      io = captureIo(dir);
      assert.strictEqual(await runLint(['notes.txt'], io, fakeEngine()), 2);
      assert.match(io.err, /notes\.txt: not a file type call-doctor lints/);
      io = captureIo(dir);
      assert.strictEqual(await runLint(['empty'], io, fakeEngine()), 2);
      assert.match(io.err, /no \.http\/.*files found in empty/);
      io = captureIo(path.join(dir));
      fs.writeFileSync(path.join(dir, 'a.http'), 'GET x');
      assert.strictEqual(await runLint(['a.http'], io, async () => { throw new Error('catalog data not found: data/catalog/manifest.json (run `npm run catalog`)'); }), 2);
      assert.match(io.err, /cannot load the API catalog: catalog data not found.*npm run catalog/);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('2 when the engine fails on a file, still reporting the others', async () => {
    const dir = tree({ 'a.http': 'BAD', 'b.http': 'boom' });
    try {
      const io = captureIo(dir);
      const factory: EngineFactory = async (o) => {
        const inner = await fakeEngine()(o);
        return { lintFile: async (p, t) => { if (t === 'boom') throw new Error('kaput'); return inner.lintFile(p, t); } };
      };
      assert.strictEqual(await runLint(['.'], io, factory), 2);
      assert.match(io.err, /b\.http: internal error while linting \(kaput\)/);
      assert.match(io.out, /a\.http:1:1 error test\.bad/);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('output order is sorted by path whatever order linting finishes in', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`d${i % 3}/f${(i * 17) % 40}.http`] = `BAD ${'x'.repeat(i)}`;
    const dir = tree(files);
    try {
      const io = captureIo(dir);
      assert.strictEqual(await runLint(['.', '--format', 'json'], io, fakeEngine()), 1);
      const paths = JSON.parse(io.out).files.map((f: { path: string }) => f.path);
      assert.strictEqual(paths.length, 40);
      assert.deepStrictEqual(paths, [...paths].sort());
      const again = captureIo(dir);
      await runLint(['.', '--format', 'json'], again, fakeEngine());
      assert.strictEqual(again.out, io.out);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('colours only on a TTY without NO_COLOR (any value, even empty)', async () => {
    const dir = tree({ 'a.http': 'BAD' });
    try {
      const tty = captureIo(dir, {}, true);
      await runLint(['a.http'], tty, fakeEngine());
      assert.ok(tty.out.includes('\x1b[31merror'), tty.out);
      const noColor = captureIo(dir, { NO_COLOR: '' }, true);
      await runLint(['a.http'], noColor, fakeEngine());
      assert.ok(!noColor.out.includes('\x1b['));
      const pipe = captureIo(dir, {}, false);
      await runLint(['a.http'], pipe, fakeEngine());
      assert.ok(!pipe.out.includes('\x1b['));
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('--format sarif describes every registered rule, links docs in the package and roots paths at cwd', async () => {
    const dir = tree({ 'a.http': 'BAD' });
    try {
      const io = captureIo(dir);
      assert.strictEqual(await runLint(['a.http', '--format', 'sarif'], io, fakeEngine()), 1);
      const run = JSON.parse(io.out).runs[0];
      const rules = run.tool.driver.rules as { id: string; shortDescription?: { text: string }; helpUri?: string }[];
      assert.deepStrictEqual(rules.map((r) => r.id).sort(), [...RULE_REGISTRY.map((r) => r.id), 'test.bad'].sort());
      const live = rules.find((r) => r.id === 'station.none')!;
      assert.strictEqual(live.shortDescription!.text, ruleInfo('station.none')!.title);
      assert.strictEqual(live.helpUri, `${pathToFileURL(packageRoot()).href}/docs/rules/station.none.md`);
      assert.deepStrictEqual(rules.find((r) => r.id === 'test.bad'), { id: 'test.bad' }, 'an unregistered id gets a bare descriptor');
      assert.strictEqual(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.http');
      assert.deepStrictEqual(run.originalUriBaseIds, { SRCROOT: { uri: `${pathToFileURL(dir).href}/` } });
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('cli lint: file walking', () => {
  it('walks for the six extensions, skipping node_modules, .git and .d.ts', async () => {
    const dir = tree({
      'a.http': '', 'b.rest': '', 'c.json': '', 'd.jsonc': '', 'e.js': '', 'f.ts': '', 'g.d.ts': '', 'h.txt': '', 'I.HTTP': '',
      'node_modules/pkg/x.json': '', '.git/config.json': '', 'sub/deeper/k.http': '',
    });
    try {
      const { files, problems } = await collectFiles(['.'], dir);
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(files.map((f) => path.relative(dir, f).split(path.sep).join('/')),
        ['I.HTTP', 'a.http', 'b.rest', 'c.json', 'd.jsonc', 'e.js', 'f.ts', 'sub/deeper/k.http']);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('respects .gitignore at every level, negations included, and above the root up to .git', async () => {
    const dir = tree({
      '.git/HEAD': 'ref: x',
      '.gitignore': 'secrets/\n*.private.env.json\n',
      'proj/.gitignore': 'build\n*.http\n!keep.http\n',
      'proj/keep.http': '', 'proj/drop.http': '', 'proj/build/out.json': '', 'proj/payload.json': '',
      'proj/http-client.private.env.json': '{}', 'proj/secrets/token.json': '',
      'proj/nested/.gitignore': '!again.http\n', 'proj/nested/again.http': '', 'proj/nested/other.http': '',
    });
    try {
      const { files } = await collectFiles(['proj'], dir);
      assert.deepStrictEqual(files.map((f) => path.relative(dir, f).split(path.sep).join('/')),
        ['proj/keep.http', 'proj/nested/again.http', 'proj/payload.json']);
      // A file named explicitly is linted even when ignored: the user asked for it.
      const named = await collectFiles(['proj/drop.http'], dir);
      assert.deepStrictEqual(named.files, [path.join(dir, 'proj/drop.http')]);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('nodeFiles reads relative to cwd and returns undefined for missing files', async () => {
    const dir = tree({ 'env/http-client.env.json': '{"a":{}}' });
    try {
      const files = nodeFiles(dir);
      assert.strictEqual(await files.readText('env/http-client.env.json'), '{"a":{}}');
      assert.strictEqual(await files.readText(path.join(dir, 'env/http-client.env.json')), '{"a":{}}');
      assert.strictEqual(await files.readText('env/missing.json'), undefined);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});
