// sdk.unknown-method: a call on an SDK object (ApiClient.instance, new
// XxxApi(), the module) to a method purecloud-platform-client-v2 does not
// define: it throws "is not a function" at run time. Names the closest real one.
import type { Rule } from '../lintTypes';
import type { Finding } from '../types';
import { folkloreSdkMethod } from '../knowledge/folklore';
import type { SdkMethodIndex } from '../knowledge/sdkMethods';
import type { MethodCall } from '../sources/code';
import { isGenesysCode } from './support/code';
import { knowledge } from './support/scopeSites';
import { closest } from './support/similar';

const ID = 'sdk.unknown-method';
const UNIVERSAL = new Set(['then', 'catch', 'finally', 'call', 'apply', 'bind', 'toString', 'valueOf', 'hasOwnProperty', 'constructor']);
/** Names shaped like SDK methods; for receivers that are SDK-like by name only, nothing else is flagged. */
const SDK_SHAPED = /^(get|post|put|patch|delete|head|login|logout|set|refresh|authorize|clear)[A-Z]/;

export const sdkUnknownMethod: Rule = {
  id: ID,
  title: 'Call to a method the Genesys JavaScript SDK does not define',
  defaultSeverity: 'error',
  help: 'The code calls a method the Genesys JavaScript SDK does not define, which throws "is not a function" at run time. Use the closest real method the message names; scopes are set on the OAuth client, not by the SDK.',
  source: { ref: 'docs/facts.md#sdk-package index.d.ts', verified: true },
  check(ctx) {
    if (!isGenesysCode(ctx.parsed)) return [];
    const calls = (ctx.parsed.code?.calls ?? []).filter((c) => c.sdkLike && !UNIVERSAL.has(c.method));
    if (!calls.length) return [];
    const k = knowledge(ctx);
    const index = k.sdkMethods;
    if (!index) {
      return [{
        rule: ID, severity: 'info', range: calls[0].methodRange, fixes: [],
        message: `Could not determine whether SDK method names exist: ${k.sdkMethodsProblem ?? 'the SDK method list is not loaded'}.`,
        source: { ref: 'docs/facts.md#sdk-package', verified: true },
      }];
    }
    const out: Finding[] = [];
    for (const call of calls) {
      const f = check(call, index);
      if (f) out.push(f);
    }
    return out;
  },
};

/** The SDK class a receiver is known to be, from its text or the code scan's `sdkReason`. */
function classOf(call: MethodCall, index: SdkMethodIndex): string | undefined {
  const text = `${call.receiver} ${call.sdkReason ?? ''}`;
  if (/ApiClient(\.instance|\b)/.test(text) && index.classes.has('ApiClientClass')) return 'ApiClientClass';
  const names = [...text.matchAll(/\b(\w+Api)\b/g)].map((m) => m[1]).filter((n) => index.classes.has(n));
  return new Set(names).size === 1 ? names[0] : undefined;
}

function check(call: MethodCall, index: SdkMethodIndex): Finding | undefined {
  const strong = !/^named\b/.test(call.sdkReason ?? '');
  const lore = folkloreSdkMethod(call.method);
  const cls = classOf(call, index);
  const names = cls ? index.classes.get(cls)! : index.all;
  if (names.has(call.method) || index.classes.has(call.method)) return undefined;
  if (!cls && index.all.has(call.method)) return undefined;
  if (!strong && !lore && !SDK_SHAPED.test(call.method)) return undefined;
  const owner = cls ? (cls === 'ApiClientClass' ? 'ApiClient' : cls) : 'the SDK';
  const near = closest(call.method, names, 3);
  const elsewhere = cls && index.all.has(call.method)
    ? ` ${call.method} exists on ${[...index.classes].filter(([, m]) => m.has(call.method)).map(([c]) => c).join(', ')}.` : '';
  const message = lore
    ? `${owner} has no method \`${call.method}\`: ${lore.truth}.`
    : `${owner} has no method \`${call.method}\` (purecloud-platform-client-v2)${near.length ? `; did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : '.'}${elsewhere}`;
  return {
    rule: ID, severity: strong ? 'error' : 'warning', range: call.methodRange, fixes: [],
    message,
    source: lore?.source ?? index.source,
    explanation: call.sdkReason ? `The receiver \`${call.receiver}\` counts as an SDK object because it is ${call.sdkReason}.` : undefined,
  };
}
