// Injected faults for tests and benchmarks. Grammar (docs/sandbox.md):
//   SPEC  := RULE (',' RULE)*
//   RULE  := KIND (':' ARG)*
//   KIND  := 5xx | 500 | 502 | 503 | 504 | 429 | timeout | reset | garbage
//   ARG   := /path/glob   (starts with '/'; '*' = one segment, '**' = any)
//          | 0.25         (probability in (0,1], default 1)
//          | x3           (fire at most 3 times, default unlimited)
// Example: 5xx:0.2,timeout:/api/v2/users/me,reset:/oauth/**:x1,garbage:/api/v2/stations

export type FaultKind = '5xx' | '500' | '502' | '503' | '504' | '429' | 'timeout' | 'reset' | 'garbage';
const KINDS: FaultKind[] = ['5xx', '500', '502', '503', '504', '429', 'timeout', 'reset', 'garbage'];

export interface FaultRule {
  kind: FaultKind;
  glob?: string;
  probability: number;
  /** Remaining firings; undefined = unlimited. */
  remaining?: number;
  source: string;
}

export type FaultSpec = string | FaultRule[];

export function parseFaults(spec: FaultSpec | undefined): FaultRule[] {
  if (spec === undefined || spec === '') return [];
  if (Array.isArray(spec)) return spec.map((r) => ({ ...r }));
  return spec.split(',').map((raw) => raw.trim()).filter(Boolean).map((raw) => {
    const [kind, ...args] = raw.split(':');
    if (!KINDS.includes(kind as FaultKind)) throw new Error(`fault '${raw}': unknown kind '${kind}' (expected one of ${KINDS.join(', ')})`);
    const rule: FaultRule = { kind: kind as FaultKind, probability: 1, source: raw };
    for (const arg of args) {
      if (arg.startsWith('/')) rule.glob = arg;
      else if (/^x\d+$/.test(arg)) rule.remaining = Number(arg.slice(1));
      else if (/^(0?\.\d+|1(\.0*)?|0)$/.test(arg) && Number(arg) > 0) rule.probability = Number(arg);
      else throw new Error(`fault '${raw}': cannot read '${arg}' (a /path/glob, a probability like 0.2, or a count like x3)`);
    }
    return rule;
  });
}

export function globToRegExp(glob: string): RegExp {
  const body = glob.split('**').map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*');
  return new RegExp(`^${body}$`);
}

/** The first rule that fires for this path (consuming one of its firings), if any. */
export function pickFault(rules: FaultRule[], path: string, random: () => number): FaultRule | undefined {
  for (const rule of rules) {
    if (rule.remaining === 0) continue;
    if (rule.glob && !globToRegExp(rule.glob).test(path)) continue;
    if (rule.probability < 1 && random() >= rule.probability) continue;
    if (rule.remaining !== undefined) rule.remaining--;
    return rule;
  }
  return undefined;
}

/** HTTP status and ErrorBody code of a status-type fault. */
export function faultStatus(kind: FaultKind): { status: number; code: string } | undefined {
  switch (kind) {
    case '5xx': case '503': return { status: 503, code: 'service.unavailable' };
    case '500': return { status: 500, code: 'internal.server.error' };
    case '502': return { status: 502, code: '' };   // a gateway's HTML page, not an ErrorBody
    case '504': return { status: 504, code: 'request.timeout' };
    case '429': return { status: 429, code: 'too.many.requests' };
    default: return undefined;
  }
}
