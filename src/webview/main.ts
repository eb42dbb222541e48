// The Call Doctor webview (browser bundle dist/webview.js). Renders what the
// host posts, sends the user's actions as typed requests (shared/protocol.ts)
// and keeps its state with setState so a reload or a hidden tab restores it.
import { isHostMessage, isPanelState, RequestClient, type ChecklistId, type HostMessage, type ItemState, type PanelState } from '../shared/protocol';
import { render, type Actions, type Model } from './render';

interface VsCodeApi { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const client = new RequestClient((m) => api.postMessage(m));
const root = document.getElementById('app')!;

interface SavedState extends PanelState { expanded?: string[]; explainText?: string }
const saved: SavedState = isPanelState(api.getState()) ? (api.getState() as SavedState) : {};
const model: Model = {
  view: saved.view, explanation: saved.explanation, running: false,
  expanded: new Set(Array.isArray(saved.expanded) ? saved.expanded : []),
  explainText: typeof saved.explainText === 'string' ? saved.explainText : '',
};

function update(): void {
  render(root, model, actions);
  const state: SavedState = { view: model.view, explanation: model.explanation, expanded: [...model.expanded], explainText: model.explainText };
  api.setState(state);
  // Read back from the DOM, so the host learns what is actually on screen.
  const shown = Array.from(root.querySelectorAll<HTMLElement>('li.item'), (li) => ({ id: li.dataset.id as ChecklistId, state: li.dataset.state as ItemState }));
  const box = root.querySelector<HTMLElement>('[data-outcome]');
  const outcome = box ? {
    kind: box.dataset.outcome ?? '', heading: box.querySelector('h2')?.textContent?.trim() ?? '',
    buttons: Array.from(box.querySelectorAll('button'), (b) => (b.textContent ?? '').trim()),
  } : null;
  client.notify('rendered', { key: model.view?.key ?? null, items: shown, outcome });
}

function say(status: string): void {
  model.status = status;
  const el = document.getElementById('status');
  if (el) el.textContent = status;
}

const failed = (what: string) => (err: unknown) => say(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);

const actions: Actions = {
  rerun: () => {
    say('Re-running the Call Doctor…');
    client.request('rerun', {}).then((r) => say(r.error ? `Re-run finished: ${r.error}` : `Re-run finished: ${r.verdict.toUpperCase()}.`), failed('Re-run'));
  },
  copyReport: () => { client.request('copyReport', {}).then((r) => say(`Report copied (${r.chars} characters, tokens redacted).`), failed('Copy report')); },
  toggle: (id) => {
    if (!model.expanded.delete(id)) model.expanded.add(id);
    update();
  },
  applyFix: (findingKey, fixIndex) => { client.request('applyFix', { findingKey, fixIndex }).then((r) => say(r.detail), failed('Applying the fix')); },
  openFacts: (anchor) => { client.request('openFacts', { anchor }).then((r) => say(r.opened ? '' : `No entry ${anchor} in the facts reference.`), failed('Opening the facts reference')); },
  openDocs: (rule) => { client.request('openDocs', { rule }).then((r) => say(r.opened ? '' : `No documentation page for ${rule}.`), failed('Opening the docs')); },
  explain: (text) => {
    model.explainText = text;
    if (!text.trim()) { say('Paste an error answer first.'); return; }
    say('Explaining…');
    client.request('explain', { text }).then((x) => { model.explanation = x; model.status = ''; update(); }, failed('Explain'));
  },
  sessionAction: (index) => {
    client.request('sessionAction', { index }).then((r) => say(r.detail), failed('The action'));
  },
  startSandbox: () => {
    say('Starting the sandbox org…');
    client.request('startSandbox', {}).then((r) => say(r.detail), failed('Starting the sandbox org'));
  },
  explainInput: (text) => {
    model.explainText = text;
    api.setState({ ...(api.getState() as SavedState), explainText: text });
  },
};

function onHostMessage(m: HostMessage): void {
  if (client.settle(m) || m.type !== 'notify') return;
  switch (m.method) {
    case 'state':
      if (m.params.view?.key !== model.view?.key) model.expanded = new Set(m.params.view?.items.filter((i) => i.state === 'fail').map((i) => i.id));
      model.view = m.params.view ?? undefined;
      break;
    case 'running': model.running = m.params.running; break;
    case 'explanation': model.explanation = m.params.explanation; break;
  }
  update();
}

window.addEventListener('message', (e: MessageEvent) => { if (isHostMessage(e.data)) onHostMessage(e.data); });
render(root, model, actions);
client.notify('ready', {});
