import * as assert from 'assert';
import type { FileLintResult } from '../../src/core/lintTypes';
import { formatJson, toJsonReport } from '../../src/core/report/json';
import { formatText } from '../../src/core/report/text';
import { formatReport, isReportFormat } from '../../src/core/report';
import { summarize, sortFiles } from '../../src/core/report/summary';
import { range } from '../../src/core/types';

// Hand-built results in the shape the linter returns (0-based ranges).
export function sampleResults(): FileLintResult[] {
  return [
    {
      path: 'examples\\forum-case-1\\payload.json',
      requests: [{ index: 0, name: null, method: 'POST', url: 'https://api.mypurecloud.com/api/v2/conversations/calls',
        operation: { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' } }],
      findings: [
        { rule: 'payload.unknown-field', severity: 'error', message: '`to` is not a CreateCallRequest field: use `phoneNumber`.',
          range: range(5, 2, 5, 6), request: 0, pointer: '/to', source: { ref: 'sdk index.d.ts CreateCallRequest', verified: true },
          fixes: [{ title: 'Rename to phoneNumber', edits: [{ range: range(5, 3, 5, 5), newText: 'phoneNumber' }] }] },
        { rule: 'payload.unknown-field', severity: 'error', message: '`from` is not a CreateCallRequest field.',
          range: range(1, 2, 1, 8), request: 0, pointer: '/from', source: { ref: 'sdk index.d.ts CreateCallRequest', verified: true }, fixes: [] },
      ],
    },
    {
      path: 'a/requests.http',
      requests: [{ index: 0, name: 'token', method: 'POST', url: 'https://login.mypurecloud.com/oauth/token', operation: null }],
      findings: [
        { rule: 'scope.unknown', severity: 'warning', message: 'calls:view is not a Genesys scope.', range: range(0, 0, 0, 10),
          request: 0, source: { ref: 'FACTS.md §2.3', verified: false }, fixes: [] },
        { rule: 'info.note', severity: 'info', message: 'Scopes per operation are not known offline.', range: range(0, 0, 0, 0),
          source: { ref: 'FACTS.md §9', verified: false }, fixes: [] },
      ],
    },
    { path: 'clean.http', requests: [], findings: [] },
  ];
}

describe('report: summary helpers', () => {
  it('counts each severity', () => {
    assert.deepStrictEqual(summarize(sampleResults()), { errors: 2, warnings: 1, infos: 1 });
  });
  it('sorts files by forward-slash path in code-point order', () => {
    assert.deepStrictEqual(sortFiles(sampleResults()).map((f) => f.path), ['a/requests.http', 'clean.http', 'examples\\forum-case-1\\payload.json']);
  });
});

describe('report: json', () => {
  it('has the version-1 shape with 0-based positions and forward slashes', () => {
    const report = JSON.parse(formatJson(sampleResults()));
    assert.strictEqual(report.version, 1);
    assert.deepStrictEqual(report.files.map((f: { path: string }) => f.path), ['a/requests.http', 'clean.http', 'examples/forum-case-1/payload.json']);
    assert.deepStrictEqual(report.summary, { errors: 2, warnings: 1, infos: 1 });
    const payload = report.files[2];
    assert.deepStrictEqual(payload.requests[0], { index: 0, name: null, method: 'POST', url: 'https://api.mypurecloud.com/api/v2/conversations/calls',
      operation: { id: 'postConversationsCalls', method: 'POST', path: '/api/v2/conversations/calls' } });
    // Findings in reading order: /from (line 1) before /to (line 5); positions untouched (0-based).
    assert.deepStrictEqual(payload.findings.map((f: { pointer: string }) => f.pointer), ['/from', '/to']);
    assert.deepStrictEqual(payload.findings[1], {
      rule: 'payload.unknown-field', severity: 'error', message: '`to` is not a CreateCallRequest field: use `phoneNumber`.',
      range: { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } }, request: 0, pointer: '/to',
      fixes: [{ title: 'Rename to phoneNumber', edits: [{ range: { start: { line: 5, character: 3 }, end: { line: 5, character: 5 } }, newText: 'phoneNumber' }] }],
      source: { ref: 'sdk index.d.ts CreateCallRequest', verified: true },
    });
  });
  it('writes null for absent request/pointer and keeps verified:false', () => {
    const f = toJsonReport(sampleResults()).files[0].findings[1];
    assert.strictEqual(f.rule, 'info.note');
    assert.strictEqual(f.request, null);
    assert.strictEqual(f.pointer, null);
    assert.deepStrictEqual(f.source, { ref: 'FACTS.md §9', verified: false });
  });
  it('does not depend on input order', () => {
    const reversed = sampleResults().reverse().map((f) => ({ ...f, findings: [...f.findings].reverse() }));
    assert.strictEqual(formatJson(reversed), formatJson(sampleResults()));
  });
});

describe('report: text', () => {
  it('prints path:line:col severity rule message, 1-based, grouped per file', () => {
    const out = formatText(sampleResults(), { color: false });
    assert.strictEqual(out, [
      'a/requests.http',
      'a/requests.http:1:1 warning scope.unknown calls:view is not a Genesys scope. (unverified)',
      'a/requests.http:1:1 info info.note Scopes per operation are not known offline. (unverified)',
      '',
      'examples/forum-case-1/payload.json',
      'examples/forum-case-1/payload.json:2:3 error payload.unknown-field `from` is not a CreateCallRequest field.',
      'examples/forum-case-1/payload.json:6:3 error payload.unknown-field `to` is not a CreateCallRequest field: use `phoneNumber`.',
      '',
      '2 errors, 1 warning, 1 info in 3 files.',
      '',
    ].join('\n'));
  });
  it('has no escape codes without colour, and red errors with colour', () => {
    assert.ok(!formatText(sampleResults(), { color: false }).includes('\x1b['));
    const coloured = formatText(sampleResults(), { color: true });
    assert.ok(coloured.includes('\x1b[31merror\x1b[0m'), coloured);
    assert.ok(coloured.includes('\x1b[33mwarning\x1b[0m'));
  });
  it('prints only the summary when there is nothing to report', () => {
    assert.strictEqual(formatText([{ path: 'x.http', requests: [], findings: [] }], { color: false }), '0 errors, 0 warnings, 0 infos in 1 file.\n');
  });
  it('shows source problems under their file without counting them', () => {
    const out = formatText([{ path: 'a.http', requests: [], findings: [],
      problems: [{ message: 'Environment "x" is not defined.' }, { message: 'missing include', range: range(3, 4, 3, 9) }] }], { color: false });
    assert.strictEqual(out, 'a.http\na.http problem Environment "x" is not defined.\na.http:4:5 problem missing include\n\n0 errors, 0 warnings, 0 infos in 1 file.\n');
    const json = toJsonReport([{ path: 'a.http', requests: [], findings: [], problems: [{ message: 'bad env', path: 'dir\\http-client.env.json' }] }]);
    assert.deepStrictEqual(json.files[0].problems, [{ message: 'bad env', path: 'dir/http-client.env.json' }]);
    assert.deepStrictEqual(json.summary, { errors: 0, warnings: 0, infos: 0 });
  });
});

describe('report: no credentials in output', () => {
  it('redacts token-shaped values in urls and messages, in every format', () => {
    const leaky: FileLintResult[] = [{
      path: 'a.http',
      requests: [{ index: 0, name: null, method: 'GET', url: 'https://api.mypurecloud.com/api/v2/users/me?access_token=s3cr3tvalue', operation: null }],
      findings: [{ rule: 'x.y', severity: 'error', message: 'header was Authorization: Bearer abc.def.ghi', range: range(0, 0, 0, 1), fixes: [], source: { ref: 'r', verified: true } }],
    }];
    const json = formatJson(leaky);
    const text = formatText(leaky, { color: false });
    const sarif = formatReport('sarif', leaky, { color: false, sarif: { toolVersion: '1', docsBaseUri: 'file:///p/' } });
    for (const out of [json, text, sarif]) {
      assert.ok(!out.includes('s3cr3tvalue') && !out.includes('abc.def.ghi'), out);
    }
    assert.match(json, /access_token=\[REDACTED\]/);
    assert.match(text, /Bearer \[REDACTED\]/);
  });
});

describe('report: formatReport', () => {
  it('dispatches on the format and rejects unknown names', () => {
    const opts = { color: false, sarif: { toolVersion: '1.2.3', docsBaseUri: 'file:///pkg/' } };
    assert.strictEqual(formatReport('json', sampleResults(), opts), formatJson(sampleResults()));
    assert.strictEqual(JSON.parse(formatReport('sarif', sampleResults(), opts)).version, '2.1.0');
    assert.ok(formatReport('text', sampleResults(), opts).endsWith('in 3 files.\n'));
    assert.ok(isReportFormat('sarif'));
    assert.ok(!isReportFormat('xml'));
  });
});
