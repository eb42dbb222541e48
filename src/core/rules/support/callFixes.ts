// The quick fixes for a folklore call body: "Rewrite as CreateCallRequest"
// (docs/facts.md#create-call-request) and, when the body names the agent, "Call on behalf of":
// POST /api/v2/conversations/calls/user/{userId} (docs/facts.md#on-behalf-call). Both come
// from the certain-only plan in callRewrite.ts.
import type { Node } from 'jsonc-parser';
import type { RuleContext } from '../../lintTypes';
import type { Fix, TextEdit } from '../../types';
import { callRewrite, propertyRemoval } from './callRewrite';
import { certain, type Payload } from './payload';

const CALLS_PATH = '/api/v2/conversations/calls';
/** Path segment values we put into a URL as they are: ids and `{{variables}}`. */
const SAFE_ID = /^(?:[A-Za-z0-9._~-]+|\{\{[\w.$-]+\}\})$/;
export const ON_BEHALF_PERMISSIONS = 'needs ANY conversation:call:add or conversation:agentlessCall:add';

/** Fixes for the findings of a CreateCallRequest body (the same list for each of them). */
export function callFixes(ctx: RuleContext, p: Payload): Fix[] {
  const plan = callRewrite(p);
  if (!plan) return [];
  const whole = (newText: string): TextEdit => ({ range: p.body.rangeOf(p.body.root!), newText });
  const fixes: Fix[] = [];
  const note = plan.text !== undefined && plan.dropped.length ? ` (drops ${plan.dropped.map((d) => `\`${d}\``).join(', ')}: no such field)` : '';
  if (plan.agent !== undefined) {
    const url = onBehalfUrlEdit(ctx, p, plan.agent);
    const body = plan.text !== undefined ? whole(plan.text)
      : plan.agentProperty ? removal(p, plan.agentProperty) : undefined;
    if (url && body) {
      fixes.push({ title: `Call on behalf of ${plan.agent}: POST …/calls/user/{userId} (${ON_BEHALF_PERMISSIONS})${note}`, edits: [url, body] });
    }
  } else if (plan.text !== undefined && !plan.renameOnly) {
    fixes.push({ title: `Rewrite as CreateCallRequest${note}`, edits: [whole(plan.text)] });
  }
  return certain(p, fixes);
}

function removal(p: Payload, prop: Node): TextEdit {
  const [a, b] = propertyRemoval(prop);
  return { range: p.body.rangeAt(a, b - a), newText: '' };
}

/** Inserts `/user/<id>` after …/conversations/calls in an .http request's URL as written (scheme, host and variables kept). */
function onBehalfUrlEdit(ctx: RuleContext, p: Payload, id: string): TextEdit | undefined {
  const { req } = p;
  const doc = ctx.parsed.doc;
  if (req.association || doc.kind !== 'http' || req.method.toUpperCase() !== 'POST' || p.operation.path !== CALLS_PATH) return undefined;
  if (!SAFE_ID.test(id)) return undefined;
  const start = doc.offsetAt(req.urlRange.start);
  if (doc.text.slice(start, start + req.rawUrl.length) !== req.rawUrl) return undefined;   // URL not written verbatim
  const end = req.rawUrl.search(/[?#]|$/);
  const path = req.rawUrl.slice(0, end);
  const m = /\/conversations\/calls(\/?)$/i.exec(path);
  if (!m) return undefined;
  const at = doc.positionAt(start + end);
  return { range: { start: at, end: at }, newText: `${m[1] ? '' : '/'}user/${id}` };
}
