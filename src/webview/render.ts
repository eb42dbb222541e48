// Renders the Call Doctor view model into the DOM. Pure function of the model
// plus the actions to wire; no messaging here (main.ts owns that).
import type { ChecklistItemView, EvidenceView, ExplanationView, FindingView, ItemState, RunView } from '../shared/protocol';
import { parseFactsRef } from '../shared/protocol';
import { button, h, icon } from './dom';

export interface Model {
  view?: RunView;
  explanation?: ExplanationView;
  running: boolean;
  expanded: Set<string>;
  status?: string;
  explainText: string;
}

export interface Actions {
  rerun(): void;
  copyReport(): void;
  toggle(id: string): void;
  applyFix(findingKey: string, fixIndex: number): void;
  openDocs(rule: string): void;
  openFacts(anchor: string): void;
  explain(text: string): void;
  explainInput(text: string): void;
  sessionAction(index: number): void;
  startSandbox(): void;
}

const STATE_ICON: Record<ItemState, string> = { pending: 'loading', pass: 'pass', fail: 'error', unknown: 'question', skipped: 'circle-slash' };
const STATE_LABEL: Record<ItemState, string> = { pending: 'pending', pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', skipped: 'skipped' };

/** The state an item shows: every item is pending while a run is in flight. */
export function shownState(item: ChecklistItemView, running: boolean): ItemState {
  return running ? 'pending' : item.state;
}

export function render(root: HTMLElement, m: Model, a: Actions): void {
  const parts: (HTMLElement | null)[] = [
    header(m, a),
    m.view && !m.running ? outcome(m.view, a) : null,
    m.view ? checklist(m.view, m, a) : h('p', { class: 'muted empty' }, 'No Call Doctor run yet. Put the cursor in a request of a .http file or a payload and run "Genesys Cloud: Run Call Doctor on This Request" (or its CodeLens).'),
    explainer(m, a),
    h('p', { id: 'status', role: 'status', class: 'status' }, m.status ?? ''),
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

function header(m: Model, a: Actions): HTMLElement {
  const v = m.view;
  const r = v?.request;
  // No verdict badge where no verdict stands: no session served the request, or the sessions changed since.
  const verdict = v && (m.running ? 'pending' : v.outdated ? 'outdated' : v.noSession ? 'none' : v.verdict);
  const label = verdict === 'pending' ? 'checking…' : verdict === 'none' ? 'NOT CHECKED' : verdict?.toUpperCase();
  const meta: [string, string | undefined][] = r ? [
    ['Operation', r.operationId ? `${r.operationId}${r.operationPath ? ` (${r.method} ${r.operationPath})` : ''}` : 'not resolved'],
    ['Environment', r.environment], ['Signed in as', r.account], ['Organization', r.org],
    ['Request', `${r.file} #${r.index + 1}`],
  ] : [];
  return h('header', {},
    h('div', { class: 'title-row' },
      h('h1', {}, 'Call Doctor'),
      verdict ? h('span', { class: `verdict ${verdict}`, 'data-verdict': verdict }, label) : null,
      h('span', { class: 'spacer' }),
      v ? button('Re-run', 'refresh', a.rerun, { disabled: m.running, title: 'Run the checks again (read-only GET requests)' }) : null,
      v ? button('Copy report', 'copy', a.copyReport, { class: 'secondary', title: 'Copy the redacted markdown report' }) : null,
    ),
    r ? h('p', { class: 'request' }, h('code', {}, `${r.method} ${r.url}`)) : null,
    meta.length ? h('dl', { class: 'meta' }, ...meta.filter(([, val]) => val).flatMap(([k, val]) => [h('dt', {}, k), h('dd', {}, val!)])) : null,
    v?.sessionNote ? h('p', { class: v.sessionNote.kind === 'explicit' ? 'banner session-note explicit' : 'muted session-note', 'data-kind': v.sessionNote.kind },
      icon(v.sessionNote.kind === 'explicit' ? 'warning' : 'info'), ` ${v.sessionNote.text}`) : null,
    v?.outdated ? h('p', { class: 'banner outdated' }, icon('history'), ` Outdated: ${v.outdated}`) : null,
    v?.error ? h('p', { class: 'banner' }, icon('warning'), ` ${v.error}`) : null,
    v?.lookups ? h('p', { class: 'muted lookups' }, `${v.lookups.calls} read-only lookups${v.lookups.fromCache ? `, ${v.lookups.fromCache}` : ''}, ${v.lookups.criticalPath} sequential round trip(s), ${v.durationMs} ms.`) : null,
  );
}

/** The one result of a run that checked nothing live: the host did not answer, or no session serves the request. */
function outcome(v: RunView, a: Actions): HTMLElement | null {
  if (v.unreachable) {
    const u = v.unreachable;
    return h('section', { class: 'outcome unreachable', 'data-outcome': 'unreachable' },
      h('h2', {}, icon('debug-disconnect'), ` Could not reach ${u.host}`),
      h('p', {}, `${u.message}. No check ran: the API did not answer the first lookups (who you are, your grants).`),
      h('div', { class: 'actions' },
        button('Retry', 'refresh', a.rerun, { title: 'Run the checks again, asking the API afresh' }),
        u.loopback ? button('Start Sandbox Org', 'play', a.startSandbox, { class: 'secondary', title: 'Start the local sandbox org (Genesys Cloud: Start Sandbox Org)' }) : null));
  }
  if (v.noSession) {
    return h('section', { class: 'outcome no-session', 'data-outcome': 'no-session' },
      h('h2', {}, icon('account'), ' No session for this request'),
      h('p', {}, v.noSession.message),
      h('div', { class: 'actions' }, ...v.noSession.actions.map((x) =>
        button(x.label, x.kind === 'sign-in' ? 'sign-in' : x.kind === 'run-anyway' ? 'run' : 'settings-gear', () => a.sessionAction(x.index),
          { class: x.kind === 'run-anyway' ? 'secondary' : undefined, title: x.title, 'data-action': x.kind }))));
  }
  return null;
}

function checklist(v: RunView, m: Model, a: Actions): HTMLElement {
  // Without a live result that stands for itself, only the offline payload checks have something to show.
  const items = !m.running && (v.unreachable || v.noSession) ? v.items.filter((i) => i.id === 'payload') : v.items;
  return h('ul', { class: 'checklist', 'aria-label': 'Checks' }, ...items.map((item) => {
    const state = shownState(item, m.running);
    const open = m.expanded.has(item.id);
    const expandable = item.findings.length > 0;
    return h('li', { class: `item ${state}`, 'data-id': item.id, 'data-state': state },
      h('button', {
        type: 'button', class: 'row', 'aria-expanded': expandable ? String(open) : undefined, disabled: !expandable,
        on: { click: () => a.toggle(item.id) },
      },
      icon(expandable ? (open ? 'chevron-down' : 'chevron-right') : 'blank'),
      icon(STATE_ICON[state], state === 'pending' ? 'codicon-modifier-spin' : `state-${state}`),
      h('span', { class: 'state-label' }, STATE_LABEL[state]),
      h('span', { class: 'item-title' }, item.title),
      h('span', { class: 'summary' }, m.running ? '' : item.summary),
      h('span', { class: 'ms' }, item.durationMs !== undefined && !m.running ? `${item.durationMs} ms` : '')),
      open ? h('div', { class: 'details' }, ...item.findings.map((f) => finding(f, a))) : null,
    );
  }));
}

function finding(f: FindingView, a: Actions): HTMLElement {
  return h('section', { class: `finding ${f.severity}`, 'data-rule': f.rule },
    h('h3', {}, h('span', { class: 'sev' }, f.severity), ' ', h('code', {}, f.rule)),
    h('p', {}, f.message),
    f.explanation ? h('p', { class: 'explanation' }, f.explanation) : null,
    h('p', { class: 'source' }, 'Source: ', sourceRef(f.source.ref, a), f.source.verified ? '' : h('strong', {}, ' (UNVERIFIED)')),
    f.evidence.length ? h('details', { open: true },
      h('summary', {}, `Evidence: ${f.evidence.length} API call${f.evidence.length === 1 ? '' : 's'}`),
      h('ul', { class: 'evidence' }, ...f.evidence.map((e) => h('li', {},
        h('code', {}, e.request), ` → ${e.status}${timing(e)}`,
        h('pre', {}, e.excerpt))))) : null,
    h('div', { class: 'actions' },
      ...f.fixes.map((x) => button(`Apply fix: ${x.title}`, 'lightbulb-autofix', () => a.applyFix(f.key, x.index))),
      f.hasDocs ? button('Open docs', 'book', () => a.openDocs(f.rule), { class: 'secondary' }) : null,
      button('Copy report', 'copy', a.copyReport, { class: 'secondary' })),
  );
}

function explainer(m: Model, a: Actions): HTMLElement {
  const area = h('textarea', {
    id: 'explain-input', rows: '6', spellcheck: 'false', 'aria-label': 'Error response to explain',
    placeholder: 'Paste an error answer: status line, headers and the JSON body, e.g. HTTP/1.1 403 … {"code":"missing.any.permissions", …}',
    on: { input: (e) => a.explainInput((e.target as HTMLTextAreaElement).value) },
  });
  area.value = m.explainText;
  const x = m.explanation;
  return h('section', { class: 'explainer' },
    h('h2', {}, 'Explain an error response'),
    area,
    h('div', { class: 'actions' }, button('Explain', 'lightbulb', () => a.explain(area.value))),
    x ? explanation(x, a) : null,
  );
}

function explanation(x: ExplanationView, a: Actions): HTMLElement {
  const head = [x.status !== undefined ? `HTTP ${x.status}` : '', x.code ?? ''].filter(Boolean).join(' ') || 'No Genesys error code found';
  const rows: [string, string | undefined][] = [
    ['Message', x.message], ['Cause', x.cause], ['Fix', x.fix],
    ['Permissions', x.permissions.length ? `${x.permissions.join(', ')}${x.permissionsType ? ` (${x.permissionsType === 'ANY' ? 'any one suffices' : 'all are needed'}; mapping UNVERIFIED)` : ''}` : undefined],
    ['Correlation id', x.correlationId], ['Retry after', x.retryAfterSeconds !== undefined ? `${x.retryAfterSeconds} s` : undefined],
    ['Live check', x.rule], ['Not a Genesys shape', x.folklore.length ? x.folklore.join('; ') : undefined],
  ];
  return h('div', { class: `explanation-box ${x.known ? 'known' : 'unknown'}`, 'data-code': x.code ?? '' },
    h('h3', {}, head, x.known || !x.code ? '' : ' (unknown code)'),
    h('dl', {}, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v!)]),
      h('dt', {}, 'Source'), h('dd', { class: 'source' }, sourceRef(x.source.ref, a), x.source.verified ? '' : ' (UNVERIFIED)')));
}

/** A ref into the shipped facts reference is a link that opens it at its entry; other refs stay text. */
function sourceRef(ref: string, a: Actions): Node {
  const facts = parseFactsRef(ref);
  if (!facts) return document.createTextNode(ref);
  const link = h('a', {
    href: '#', class: 'facts-link', 'data-anchor': facts.anchor, title: 'Open the facts reference at this entry',
    on: { click: (e) => { e.preventDefault(); a.openFacts(facts.anchor); } },
  }, `docs/facts.md#${facts.anchor}`);
  return facts.detail ? h('span', {}, link, ' ', h('code', {}, facts.detail)) : link;
}

/** "(3 ms)" for an answer asked in this run, "(cached, 2 min old)" for one from the session's cache. */
function timing(e: EvidenceView): string {
  if (e.cached) return ` (${e.cached.label})`;
  return e.durationMs !== undefined ? ` (${e.durationMs} ms)` : '';
}
