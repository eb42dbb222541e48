// HTML of the Call Doctor panel: a static rendering of the core's result, no
// scripts at all (CSP default-src 'none'), every value escaped. Free of
// 'vscode' so the workbench tests can render it directly.
import type { DoctorResult } from '../core/live/types';
import type { Finding } from '../core/types';

const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STATE_LABEL: Record<string, string> = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', skipped: 'skipped' };

function findingHtml(f: Finding): string {
  const evidence = (f.evidence ?? []).map((e) =>
    `<li><code>${esc(e.request)}</code> → ${esc(e.status)}${e.durationMs !== undefined ? ` (${esc(e.durationMs)} ms)` : ''}: ${esc(e.excerpt)}</li>`).join('');
  return `<section class="finding ${esc(f.severity)}">
  <h3><span class="sev">${esc(f.severity)}</span> <code>${esc(f.rule)}</code></h3>
  <p>${esc(f.message)}</p>
  ${f.explanation ? `<p class="explanation">${esc(f.explanation)}</p>` : ''}
  <p class="source">Source: ${esc(f.source.ref)} — ${f.source.verified ? 'verified' : '<strong>unverified</strong>'}</p>
  ${evidence ? `<details><summary>Evidence (${f.evidence!.length} API call${f.evidence!.length === 1 ? '' : 's'})</summary><ul>${evidence}</ul></details>` : ''}
</section>`;
}

export function renderDoctorHtml(r: DoctorResult, label: string, nonce: string, cspSource: string): string {
  const who = [r.org?.name && `org ${r.org.name}`, `environment ${r.environment}${r.region ? ` (${r.region})` : ''}`,
    r.account?.name && `as ${r.account.name}${r.account.grant ? ` [${r.account.grant}]` : ''}`].filter(Boolean).join(', ');
  const rows = r.checks.map((c) =>
    `<tr class="${esc(c.state)}"><td class="state">${esc(STATE_LABEL[c.state] ?? c.state)}</td><td>${esc(c.title)}</td><td>${esc(c.summary)}</td><td class="ms">${esc(c.durationMs)} ms</td></tr>`).join('\n');
  const sent = r.sent ? `<h2>Your request, sent once</h2><p>Answer: ${esc(r.sent.status)} ${esc(r.sent.excerpt)}</p>
${r.sent.explanation ? `<p>Cause: ${esc(r.sent.explanation.cause)}</p><p>Fix: ${esc(r.sent.explanation.fix)}</p>` : ''}` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${esc(cspSource)}; style-src 'nonce-${esc(nonce)}';">
<title>Call Doctor</title>
<style nonce="${esc(nonce)}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
table { border-collapse: collapse; width: 100%; } td { padding: .3em .6em; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
.state { font-weight: bold; white-space: nowrap; } .ms { text-align: right; white-space: nowrap; opacity: .7; }
tr.pass .state { color: var(--vscode-testing-iconPassed); } tr.fail .state, .error .sev { color: var(--vscode-errorForeground); }
tr.unknown .state, .warning .sev { color: var(--vscode-editorWarning-foreground); } tr.skipped { opacity: .6; }
h1 { font-size: 1.4em; overflow-wrap: anywhere; } .verdict { font-size: 1.3em; } .source { opacity: .8; font-size: .9em; } .finding { margin: 1em 0; }
</style></head>
<body>
<h1>Call Doctor: ${esc(label)}</h1>
<p>${esc(r.operation.method)} ${esc(r.operation.path)} (<code>${esc(r.operation.id)}</code>) — ${esc(who)}</p>
<p class="verdict">Verdict: <strong>${esc(r.verdict.toUpperCase())}</strong></p>
<table>${rows}</table>
${r.findings.length ? `<h2>Findings</h2>${r.findings.map(findingHtml).join('\n')}` : '<p>No findings.</p>'}
${sent}
<p class="source">${esc(r.calls.length)} read-only lookups, ${esc(r.criticalPath)} sequential round trips, ${esc(r.durationMs)} ms.</p>
</body></html>`;
}
