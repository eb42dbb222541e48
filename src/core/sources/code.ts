// A light scan of .js/.ts files (no compiler: js-tokens only, so the bundle stays
// small). It finds what the rules need, with exact ranges:
//  (a) OAuth scope strings: values of properties/variables whose name ends in
//      scope/scopes (incl. URLSearchParams objects), arguments of setScopes(...),
//      `x.scopes = ...`, `params.append|set('scope', ...)`, and `scope=` inside
//      query/form strings ("grant_type=client_credentials&scope=a b"). Space-,
//      plus- or %20-separated lists are split into one entry per name.
//  (b) method calls `receiver.method(` with the receiver text, and whether the
//      receiver looks like the Genesys SDK (see isSdkLike below).
//  (c) string literals holding an OAuth token endpoint URL (".../oauth/token").
// Known limits: no type information, no data flow beyond one assignment, template
// literals with substitutions are only used for token URLs.
import jsTokens from 'js-tokens';
import type { Range } from '../types';
import { asTextDocument } from '../text';
import type { CodeScan, MethodCall, ScopeString, TokenUrl } from './codeTypes';
import type { SourceDocument } from './types';

export type { CodeScan, MethodCall, ScopeString, TokenUrl } from './codeTypes';

interface Tok { type: string; value: string; start: number; end: number }

const SDK_PACKAGE = 'purecloud-platform-client-v2';
const SCOPE_NAME = /^(scopes?|SCOPES?)$|[a-z0-9](Scopes?)$|_SCOPES?$/;
const SDK_NAME = /^(client|apiClient|platformClient|purecloud\w*|genesys\w*)$|^\w*Api$/i;
const STRING = new Set(['StringLiteral', 'NoSubstitutionTemplate']);

export function scanCode(source: SourceDocument): CodeScan {
  const doc = asTextDocument(source);
  const jsx = /\.(jsx|tsx)$/i.test(doc.path);
  const toks: Tok[] = [];
  let pos = 0;
  for (const t of jsTokens(doc.text, { jsx }) as Iterable<{ type: string; value: string }>) {
    if (!/WhiteSpace|LineTerminatorSequence|Comment/.test(t.type)) toks.push({ type: t.type, value: t.value, start: pos, end: pos + t.value.length });
    pos += t.value.length;
  }
  const rangeAt = (a: number, b: number) => doc.rangeAt(a, b);
  const scan: CodeScan = { scopes: [], calls: [], tokenUrls: [], sdkVariables: {} };
  const seen = new Set<string>();               // a literal can be reached by two patterns; report it once
  const addList = (lit: Tok, context: ScopeString['context'], from = 1, to = lit.value.length - 1) => {
    const key = `${lit.start}:${from}`;
    if (seen.has(key)) return;
    seen.add(key);
    const inner = lit.value.slice(from, to);
    const re = /[^\s+,]+/g;
    for (let m = re.exec(inner); m; m = re.exec(inner)) {
      for (const part of splitPct20(m[0], m.index)) {
        const a = lit.start + from + part.index;
        scan.scopes.push({ scope: part.text, range: rangeAt(a, a + part.text.length), context, literalRange: rangeAt(lit.start, lit.end) });
      }
    }
  };
  /** String literals of a value: a literal, or every literal of an array / argument list. */
  const stringsOfValue = (i: number): Tok[] => {
    if (toks[i] && STRING.has(toks[i].type)) return [toks[i]];
    if (toks[i]?.value !== '[' && toks[i]?.value !== '(') return [];
    // Literals directly in the list or in arrays nested in it (`setScopes(['a', 'b'])`), not in objects or calls.
    const out: Tok[] = [];
    const stack: string[] = [];
    for (let j = i; j < toks.length; j++) {
      const v = toks[j].value;
      if (v === '[' || v === '(' || v === '{') stack.push(j > i && v === '(' ? 'call' : v);
      else if (v === ']' || v === ')' || v === '}') { stack.pop(); if (stack.length === 0) break; }
      else if (STRING.has(toks[j].type) && !stack.includes('{') && !stack.includes('call')) out.push(toks[j]);
    }
    return out;
  };

  collectSdkVariables(doc.text, toks, scan.sdkVariables);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const next = toks[i + 1];
    // (a) property or variable named *scope(s)
    const keyName = t.type === 'IdentifierName' ? t.value : STRING.has(t.type) ? t.value.slice(1, -1) : undefined;
    if (keyName && SCOPE_NAME.test(keyName) && next && (next.value === ':' || next.value === '=')) {
      let valueAt = i + 2;
      const declared = /^(const|let|var)$/.test(toks[i - 1]?.value ?? '');
      if (declared && next.value === ':') {          // TS annotation: `const scopes: string[] = [...]`
        for (let j = i + 2; j < Math.min(toks.length, i + 12) && !/^[;,)]$/.test(toks[j].value); j++) {
          if (toks[j].value === '=') { valueAt = j + 1; break; }
        }
      }
      const ctx = next.value === ':' && !declared ? 'property' : 'variable';
      for (const lit of stringsOfValue(valueAt)) addList(lit, ctx);
    }
    // setScopes(...) / setScope(...)
    if (t.type === 'IdentifierName' && /^setScopes?$/.test(t.value) && next?.value === '(') {
      for (const lit of stringsOfValue(i + 1)) addList(lit, 'call');
    }
    // params.append('scope', ...) / .set('scope', ...)
    if (t.type === 'IdentifierName' && /^(append|set)$/.test(t.value) && toks[i - 1]?.value === '.' && next?.value === '('
      && toks[i + 2] && STRING.has(toks[i + 2].type) && toks[i + 2].value.slice(1, -1) === 'scope' && toks[i + 3]?.value === ',') {
      for (const lit of stringsOfValue(i + 4)) addList(lit, 'call');
    }
    // scope= inside a query/form string
    if (STRING.has(t.type)) {
      const re = /(?:^|[?&\s"'`])scope=([^&#"'`]*)/g;
      const raw = t.value.slice(1, -1);
      for (let m = re.exec(raw); m; m = re.exec(raw)) {
        const from = 1 + m.index + m[0].length - m[1].length;
        addList(t, 'query', from, from + m[1].replace(/\s+$/, '').length);
      }
    }
    // (b) receiver.method(
    if (t.type === 'IdentifierName' && next?.value === '(' && (toks[i - 1]?.value === '.' || toks[i - 1]?.value === '?.')) {
      const recvStart = receiverStart(toks, i - 2);
      const isConstruction = recvStart !== undefined && toks[recvStart].value === 'new'
        && !toks.slice(recvStart, i).some((x) => x.value === '(');       // `new a.B(`: not a method call
      if (recvStart !== undefined && !isConstruction) {
        const a = toks[recvStart].start, b = toks[i - 2].end;
        const receiver = doc.text.slice(a, b);
        const reason = sdkReason(receiver, scan.sdkVariables);
        const call: MethodCall = { receiver, receiverRange: rangeAt(a, b), method: t.value, methodRange: rangeAt(t.start, t.end), sdkLike: !!reason };
        if (reason) call.sdkReason = reason;
        scan.calls.push(call);
      }
    }
  }
  scan.tokenUrls = findTokenUrls(doc.text, toks, rangeAt);
  return scan;
}

function splitPct20(text: string, index: number): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let at = 0;
  for (const piece of text.split(/%20/i)) {
    if (piece) out.push({ text: piece, index: index + at });
    at += piece.length + 3;
  }
  return out;
}

/** First token of the receiver chain ending at token `end` (identifiers, `.`, `?.`, balanced `(...)`/`[...]`). */
function receiverStart(toks: Tok[], end: number): number | undefined {
  let i = end;
  if (i < 0) return undefined;
  for (;;) {
    const t = toks[i];
    if (t.value === ')' || t.value === ']') {
      const open = t.value === ')' ? '(' : '[';
      let depth = 0;
      for (; i >= 0; i--) {
        if (toks[i].value === t.value) depth++;
        else if (toks[i].value === open && --depth === 0) break;
      }
      if (i <= 0) return undefined;
      i--;                                     // the callee before "(" / object before "["
      if (toks[i].type !== 'IdentifierName' && toks[i].value !== ')' && toks[i].value !== ']') return i + 1;
      continue;
    }
    if (t.type !== 'IdentifierName') return i === end ? undefined : i + 1;
    const prev = toks[i - 1];
    if (prev && (prev.value === '.' || prev.value === '?.')) { i -= 2; if (i < 0) return undefined; continue; }
    if (prev?.type === 'IdentifierName' && prev.value === 'new') return i - 1;
    return i;
  }
}

/** `const x = <expr>` where expr mentions the SDK: x is an SDK variable. Also imports of the package. */
function collectSdkVariables(src: string, toks: Tok[], out: Record<string, string>): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'IdentifierName' && /^(const|let|var)$/.test(t.value) && toks[i + 1]?.type === 'IdentifierName' && toks[i + 2]?.value === '=') {
      const name = toks[i + 1].value;
      const expr: string[] = [];
      let j = i + 3;
      for (; j < toks.length && toks[j].value !== ';' && !/^(const|let|var)$/.test(toks[j].value); j++) expr.push(toks[j].value);
      const text = expr.length ? src.slice(toks[i + 3].start, toks[j - 1].end) : '';
      if (text.includes(SDK_PACKAGE)) out[name] = `assigned from require('${SDK_PACKAGE}')`;
      else if (/^new\s+\w+(\.\w+)*Api\s*\(/.test(text)) out[name] = `assigned from ${text.replace(/\(.*$/s, '()')}`;
      else if (/ApiClient\.instance/.test(text)) out[name] = 'assigned from ApiClient.instance';
      else if (expr[0] && out[expr[0]] && expr.length <= 5) out[name] = `assigned from ${expr[0]}`;
    }
    if (t.value === 'import' && toks[i + 1]) {
      let j = i + 1;
      const names: string[] = [];
      for (; j < toks.length && toks[j].value !== 'from' && j < i + 20; j++) if (toks[j].type === 'IdentifierName' && toks[j].value !== 'as' && toks[j].value !== 'type') names.push(toks[j].value);
      if (toks[j]?.value === 'from' && toks[j + 1] && toks[j + 1].value.slice(1, -1) === SDK_PACKAGE) {
        for (const n of names) out[n] = `imported from '${SDK_PACKAGE}'`;
      }
    }
  }
}

/**
 * Heuristic: SDK-like when the receiver's root variable was assigned from the SDK
 * (require/import of purecloud-platform-client-v2, `new ...XxxApi()`,
 * ApiClient.instance), when the chain starts with `new ...Api()`, or when the
 * last or first name is client, apiClient, platformClient, purecloud..., genesys... or ends in "Api".
 */
function sdkReason(receiver: string, vars: Record<string, string>): string | undefined {
  const names = receiver.replace(/\(.*?\)/gs, '').split(/\??\./).map((s) => s.replace(/^new\s+/, '').trim()).filter(Boolean);
  const root = names[0];
  if (root === 'this' && names[1] && vars[names[1]]) return vars[names[1]];
  if (root && vars[root]) return vars[root];
  if (/^new\s/.test(receiver) && /Api$/.test(names[names.length - 1] ?? '')) return 'a new SDK API instance';
  const last = names[names.length - 1];
  if (last && SDK_NAME.test(last)) return `named "${last}"`;
  if (root && root !== 'this' && SDK_NAME.test(root)) return `named "${root}"`;
  return undefined;
}

function findTokenUrls(text: string, toks: Tok[], rangeAt: (a: number, b: number) => Range): TokenUrl[] {
  const out: TokenUrl[] = [];
  const check = (a: number, b: number) => {
    const raw = text.slice(a, b);
    const re = /https?:\/\/[^\s'"`]*?\/oauth\/token\b[^\s'"`?#]*/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      const url = m[0];
      const parts = /^https?:\/\/([^/]*)(\/.*)$/.exec(url);
      const item: TokenUrl = { url, range: rangeAt(a + m.index, a + m.index + url.length) };
      if (parts) { item.host = parts[1]; item.path = parts[2]; }
      out.push(item);
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (STRING.has(t.type)) check(t.start, t.end);
    else if (t.type === 'TemplateHead') {
      let j = i;
      while (j < toks.length && toks[j].type !== 'TemplateTail') j++;
      check(t.start, toks[Math.min(j, toks.length - 1)].end);
      i = j;
    }
  }
  return out;
}
