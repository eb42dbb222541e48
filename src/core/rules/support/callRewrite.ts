// The folklore call body ("from"/"to"/"type"/"routing"/"agentId", docs/facts.md#folklore-sggu)
// mapped onto CreateCallRequest (docs/facts.md#create-call-request), but only where each mapping
// is certain. One field without a certain mapping (e.g. `metadata`) and there
// is no rewrite at all: a fix must never guess.
import type { Node } from 'jsonc-parser';
import { printObject, raw, styleOf, type Entry } from './jsonPrint';
import type { Payload } from './payload';

export const CALL_DESTINATIONS: ReadonlySet<string> = new Set(['phoneNumber', 'callQueueId', 'callUserId', 'conversationIds', 'participants']);
/** Values of `type`/`callType` that only say "a call": dropping them loses nothing (the endpoint only places calls). */
const CALL_TYPE = /^(call|voice|phone|outbound)$/i;

export interface CallRewrite {
  /** The user the body names as the caller (from.id, from.userId, routing.userId, agentId), when exactly one. */
  agent?: string;
  /** The property that names the agent, when a single one does (for removing it alone). */
  agentProperty?: Node;
  /** The whole new body (agent fields dropped), when every mapping is certain and one destination remains. */
  text?: string;
  /** Folklore fields dropped because they carry nothing the endpoint takes (for the fix title). */
  dropped: string[];
  /** The only folklore field is `to` (string): the existing rename fix already does it. */
  renameOnly: boolean;
}

const cache = new WeakMap<Payload, CallRewrite | null>();

/** The rewrite plan of a CreateCallRequest body, or undefined when the body is no object or not a call body. */
export function callRewrite(p: Payload): CallRewrite | undefined {
  let hit = cache.get(p);
  if (hit === undefined) cache.set(p, (hit = plan(p) ?? null));
  return hit ?? undefined;
}

const str = (n: Node | undefined): n is Node => n?.type === 'string';
const keyOf = (prop: Node) => String(prop.children?.[0]?.value);

/** An object's properties when every key is in `allowed`, else undefined. */
function propsWithin(node: Node | undefined, allowed: string[]): Map<string, Node> | undefined {
  if (node?.type !== 'object') return undefined;
  const out = new Map<string, Node>();
  for (const prop of node.children ?? []) {
    const key = keyOf(prop);
    if (!allowed.includes(key) || out.has(key)) return undefined;
    out.set(key, prop);
  }
  return out;
}

const valueOf = (prop: Node | undefined) => prop?.children?.[1];

function plan(p: Payload): CallRewrite | undefined {
  const root = p.body.root;
  if (p.model !== 'CreateCallRequest' || root?.type !== 'object' || p.body.errors.length) return undefined;
  const text = p.body.text;
  const topUnknown = new Set(p.unknown.filter((u) => !u.pointer.slice(1).includes('/')).map((u) => u.key));
  // An unknown field inside a real field (participants[].foo) has no folklore mapping.
  let certain = p.unknown.every((u) => topUnknown.has(u.pointer.slice(1).split('/')[0]));
  const entries: Entry[] = [];
  const dropped: string[] = [];
  const agents: { id: string; prop: Node }[] = [];
  const put = (name: string, node: Node) => entries.push({ key: JSON.stringify(name), node });

  for (const prop of root.children ?? []) {
    const [k, v] = prop.children ?? [];
    const key = String(k?.value);
    if (!k || !v) { certain = false; continue; }
    if (!topUnknown.has(key)) { entries.push({ key: raw(text, k), node: v }); continue; }
    if (p.body.isVariable(v) && v.type !== 'string') { certain = false; continue; }
    switch (key) {
      case 'to': {
        const one = v.type === 'array' && v.children?.length === 1 ? propsWithin(v.children[0], ['phoneNumber', 'name']) : undefined;
        const number = v.type === 'string' ? v : valueOf(one?.get('phoneNumber'));
        if (!str(number) || (one?.has('name') && !str(valueOf(one.get('name'))))) { certain = false; break; }
        put('phoneNumber', number);
        if (one?.has('name')) dropped.push('to[].name');
        break;
      }
      case 'from': {
        const f = propsWithin(v, ['phoneNumber', 'name', 'id', 'userId']);
        if (!f || [...f.values()].some((x) => !str(valueOf(x)))) { certain = false; break; }
        if (f.has('phoneNumber')) put('callerId', valueOf(f.get('phoneNumber'))!);
        if (f.has('name')) put('callerIdName', valueOf(f.get('name'))!);
        for (const id of ['id', 'userId']) {
          const x = f.get(id);
          // Removing from.id alone keeps from.name/phoneNumber; removing the last field removes `from`.
          if (x) agents.push({ id: String(valueOf(x)!.value), prop: f.size === 1 ? prop : x });
        }
        break;
      }
      case 'routing': {
        const r = propsWithin(v, ['type', 'userId']);
        const user = valueOf(r?.get('userId'));
        const type = valueOf(r?.get('type'));
        if (!str(user) || (type && !(str(type) && type.value === 'user'))) { certain = false; break; }
        agents.push({ id: String(user.value), prop });
        if (type) dropped.push('routing.type');
        break;
      }
      case 'agentId':
        if (!str(v)) { certain = false; break; }
        agents.push({ id: String(v.value), prop });
        break;
      case 'type': case 'callType':
        if (!str(v) || !CALL_TYPE.test(String(v.value))) { certain = false; break; }
        dropped.push(key);
        break;
      default:
        certain = false;   // metadata and every other invented field: no certain mapping
    }
  }

  const ids = new Set(agents.map((a) => a.id));
  if (ids.size > 1) return { dropped, renameOnly: false };   // two different callers: nothing is certain
  const names = entries.map((e) => JSON.parse(e.key) as string);
  const destinations = names.filter((n) => CALL_DESTINATIONS.has(n)).length;
  if (new Set(names).size !== names.length || destinations !== 1) certain = false;
  return {
    agent: agents[0]?.id,
    agentProperty: agents.length === 1 ? agents[0].prop : undefined,
    text: certain ? printObject(text, entries, styleOf(text, root)) : undefined,
    dropped,
    renameOnly: topUnknown.size === 1 && topUnknown.has('to') && root.children?.find((c) => keyOf(c) === 'to')?.children?.[1]?.type === 'string',
  };
}

/** [start, end) in the body text that removes one property with its comma (siblings keep their layout). */
export function propertyRemoval(prop: Node): [number, number] {
  const siblings = prop.parent?.children ?? [prop];
  const i = siblings.indexOf(prop);
  const next = siblings[i + 1];
  const prev = siblings[i - 1];
  if (next) return [prop.offset, next.offset];
  if (prev) return [prev.offset + prev.length, prop.offset + prop.length];
  const parent = prop.parent!;
  return [parent.offset + 1, parent.offset + parent.length - 1];   // the only property: leaves `{}`
}
