// The webview <-> host protocol helpers: guards, request/response
// correlation, the ready queue, and a full round trip between the two ends.
import * as assert from 'assert';
import {
  answer, isHostMessage, isPanelState, isWebviewMessage, PostQueue, RequestClient,
  type HostMessage, type RequestHandlers, type WebviewMessage,
} from '../../src/shared/protocol';

const explanation = { known: true, cause: 'c', fix: 'f', permissions: [], folklore: [], source: { ref: 'FACTS', verified: true } };

describe('protocol guards', () => {
  it('accepts well-formed webview messages', () => {
    assert.ok(isWebviewMessage({ type: 'notify', method: 'ready', params: {} }));
    assert.ok(isWebviewMessage({ type: 'request', id: 3, method: 'explain', params: { text: '{"code":"x"}' } }));
    assert.ok(isWebviewMessage({ type: 'request', id: 4, method: 'applyFix', params: { findingKey: 'payload:0', fixIndex: 0 } }));
    assert.ok(isWebviewMessage({ type: 'notify', method: 'rendered', params: { key: null, items: [] } }));
  });

  it('rejects unknown methods, bad ids and bad params', () => {
    assert.ok(!isWebviewMessage({ type: 'request', id: 1, method: 'deleteEverything', params: {} }));
    assert.ok(!isWebviewMessage({ type: 'request', id: 1, method: 'toString', params: {} }), 'no prototype keys');
    assert.ok(!isWebviewMessage({ type: 'request', id: '1', method: 'rerun', params: {} }));
    assert.ok(!isWebviewMessage({ type: 'request', id: 1, method: 'explain', params: { text: 42 } }));
    assert.ok(!isWebviewMessage({ type: 'request', id: 1, method: 'applyFix', params: { findingKey: 'k', fixIndex: -1 } }));
    assert.ok(!isWebviewMessage({ type: 'request', id: 1, method: 'openDocs', params: { rule: '../../etc/passwd' } }));
    assert.ok(!isWebviewMessage({ type: 'request', id: 1, method: 'openFacts', params: { anchor: '../facts' } }), 'only entry ids');
    assert.ok(isWebviewMessage({ type: 'request', id: 1, method: 'openFacts', params: { anchor: 'calls-permissions' } }));
    assert.ok(!isWebviewMessage({ type: 'notify', method: 'state', params: { view: null } }), 'a host notification is not a webview message');
    assert.ok(!isWebviewMessage(null));
    assert.ok(!isWebviewMessage('ready'));
  });

  it('tells host messages apart', () => {
    assert.ok(isHostMessage({ type: 'notify', method: 'state', params: { view: null } }));
    assert.ok(isHostMessage({ type: 'response', id: 1, method: 'rerun', ok: false, error: 'x' }));
    assert.ok(!isHostMessage({ type: 'notify', method: 'ready', params: {} }));
    assert.ok(!isHostMessage({ type: 'response', id: 1.5, method: 'rerun', ok: true }));
  });

  it('only trusts a saved state of the shape the webview wrote', () => {
    assert.ok(isPanelState({}));
    assert.ok(isPanelState({ view: { key: '0|file:///a.http', request: {}, items: [] } }));
    assert.ok(!isPanelState({ view: { key: 1 } }));
    assert.ok(!isPanelState({ explanation: { cause: 1 } }));
    assert.ok(!isPanelState(undefined));
  });
});

describe('RequestClient (webview side)', () => {
  it('numbers requests and resolves each with its own response, in any order', async () => {
    const sent: WebviewMessage[] = [];
    const client = new RequestClient((m) => sent.push(m));
    const a = client.request('copyReport', {});
    const b = client.request('explain', { text: 'body' });
    assert.deepStrictEqual(sent.map((m) => m.type === 'request' && [m.id, m.method]), [[1, 'copyReport'], [2, 'explain']]);
    assert.strictEqual(client.inFlight, 2);
    assert.ok(client.settle({ type: 'response', id: 2, method: 'explain', ok: true, result: explanation }));
    assert.ok(client.settle({ type: 'response', id: 1, method: 'copyReport', ok: true, result: { chars: 12 } }));
    assert.deepStrictEqual(await a, { chars: 12 });
    assert.strictEqual((await b).cause, 'c');
    assert.strictEqual(client.inFlight, 0);
  });

  it('rejects with the host error, and ignores unknown ids, mismatched methods and notifications', async () => {
    const client = new RequestClient(() => undefined);
    const p = client.request('rerun', {});
    assert.ok(!client.settle({ type: 'response', id: 99, method: 'rerun', ok: true, result: { verdict: 'pass' } }));
    assert.ok(!client.settle({ type: 'response', id: 1, method: 'copyReport', ok: true, result: { chars: 1 } }));
    assert.ok(!client.settle({ type: 'notify', method: 'running', params: { running: true } }));
    assert.ok(client.settle({ type: 'response', id: 1, method: 'rerun', ok: false, error: 'Nothing to re-run yet.' }));
    await assert.rejects(p, /Nothing to re-run yet/);
  });
});

describe('PostQueue (host side)', () => {
  it('holds posts until ready, then delivers them in order and posts directly', () => {
    const out: string[] = [];
    const q = new PostQueue((m) => out.push(m.method));
    q.post({ type: 'notify', method: 'state', params: { view: null } });
    q.post({ type: 'notify', method: 'running', params: { running: false } });
    assert.deepStrictEqual(out, []);
    assert.strictEqual(q.waiting, 2);
    q.ready();
    assert.deepStrictEqual(out, ['state', 'running']);
    q.post({ type: 'notify', method: 'explanation', params: { explanation } });
    assert.deepStrictEqual(out, ['state', 'running', 'explanation']);
  });

  it('queues again after reset (new HTML or a hidden webview) until the next ready', () => {
    const out: string[] = [];
    const q = new PostQueue((m) => out.push(m.method));
    q.ready();
    q.reset();
    assert.ok(!q.isReady);
    q.post({ type: 'notify', method: 'state', params: { view: null } });
    assert.deepStrictEqual(out, []);
    q.ready();
    assert.deepStrictEqual(out, ['state']);
  });
});

describe('answer (host dispatch)', () => {
  const handlers: RequestHandlers = {
    rerun: async () => ({ verdict: 'fail' }),
    explain: async ({ text }) => ({ ...explanation, cause: `explained ${text.length} chars` }),
    applyFix: async () => { throw new Error('That fix is no longer available.'); },
    openDocs: async ({ rule }) => ({ opened: rule === 'station.none' }),
    openFacts: async () => ({ opened: true }),
    copyReport: async () => ({ chars: 5 }),
    sessionAction: async ({ index }) => ({ detail: `action ${index}` }),
    startSandbox: async () => ({ detail: 'started' }),
  };

  it('answers a request with the handler result under the same id', async () => {
    const r = await answer({ type: 'request', id: 7, method: 'explain', params: { text: 'abc' } }, handlers);
    assert.deepStrictEqual(r, { type: 'response', id: 7, method: 'explain', ok: true, result: { ...explanation, cause: 'explained 3 chars' } });
  });

  it('turns a handler failure into an error response', async () => {
    const r = await answer({ type: 'request', id: 8, method: 'applyFix', params: { findingKey: 'k', fixIndex: 0 } }, handlers);
    assert.deepStrictEqual(r, { type: 'response', id: 8, method: 'applyFix', ok: false, error: 'That fix is no longer available.' });
  });

  it('round trip: client -> guard -> answer -> queue -> client', async () => {
    let toWebview: (m: HostMessage) => void = () => undefined;
    const queue = new PostQueue((m) => toWebview(JSON.parse(JSON.stringify(m))));
    const client = new RequestClient((m) => {
      const wire: unknown = JSON.parse(JSON.stringify(m)); // what postMessage delivers: a structured clone
      if (!isWebviewMessage(wire)) throw new Error('guard rejected a client message');
      if (wire.type === 'notify') { if (wire.method === 'ready') queue.ready(); return; }
      void answer(wire, handlers).then((r) => queue.post(r));
    });
    toWebview = (m) => { if (isHostMessage(m)) client.settle(m); };
    const docs = client.request('openDocs', { rule: 'station.none' });
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(queue.waiting, 1, 'the answer waits for ready');
    client.notify('ready', {});
    assert.deepStrictEqual(await docs, { opened: true });
  });
});
