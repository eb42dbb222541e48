// `{{...}}` references and how they resolve. Supported (REST Client, JetBrains,
// httpYac): file variables, environment variables (selected env over $shared),
// {{$shared x}}, {{$dotenv [%]X}}, {{$processEnv [%]X}}, {{$env.X}} (JetBrains),
// request variables ({{login.response.body.$.x}}), system variables ({{$guid}} ...),
// and names set by response-handler scripts (client.global.set). Values that only
// exist at send time are "dynamic"; names defined nowhere are unresolved, never guessed.
import type { VariableSource } from '../types';

export interface TemplateRef { start: number; end: number; inner: string }

/** `{{...}}` on one line each; offsets are relative to `text`. */
export function findTemplateRefs(text: string): TemplateRef[] {
  const out: TemplateRef[] = [];
  const re = /\{\{([^{}\r\n]*)\}\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, inner: m[1].trim() });
  return out;
}

export interface Resolution {
  resolved: boolean;
  /** The value is probably a secret (see isSensitive). */
  sensitive?: boolean;
  value?: string;
  dynamic?: boolean;
  source: VariableSource;
  problem?: string;
}

export interface VariableScope {
  fileVars: Map<string, string>;        // raw values as written
  envVars: Map<string, string>;         // selected environment (raw)
  sharedVars: Map<string, string>;      // $shared (raw)
  /** Names defined only in environments that are not selected: name -> env names. */
  envOnlyIn: Map<string, string[]>;
  environment?: string;
  /** undefined = .env not readable; the string says why. */
  dotenv: Map<string, string> | string;
  processEnv?: Record<string, string | undefined>;
  requestNames: Set<string>;
  scriptNames: Set<string>;
  /** `# @prompt name` (REST Client): the user types the value when sending. */
  promptNames?: Set<string>;
  /** Names defined in http-client.private.env.json. */
  privateNames?: Set<string>;
  /** Lower-cased names the sender supplies when sending (ParseOptions.sendTimeNames). */
  sendTimeNames?: Set<string>;
}

/** Names that usually hold credentials; such values must never be printed or logged. */
const SENSITIVE_NAME = /token|secret|password|passwd|pwd|credential|api[-_]?key|auth|bearer|cookie|session/i;

/** System variables whose value is produced when the request is sent. */
const DYNAMIC_SYSTEM = new Set(['$guid', '$uuid', '$randomInt', '$timestamp', '$isoTimestamp', '$datetime',
  '$localDatetime', '$aadToken', '$aadV2Token', '$oidcAccessToken', '$prompt', '$input', '$password',
  '$pick', '$exampleServer', '$projectRoot', '$historyFolder']);

const IDENT = /^[A-Za-z_][\w.-]*$/;
const MAX_DEPTH = 10;

export class Resolver {
  /** Resolution depends only on the scope, so each distinct reference is resolved once per document. */
  private readonly memo = new Map<string, Resolution>();

  constructor(private readonly scope: VariableScope) {}

  resolve(inner: string): Resolution {
    const key = inner.trim();
    let r = this.memo.get(key);
    if (!r) {
      r = this.resolveIn(key, 'file', []);
      if (r.resolved && this.isSensitive(key, r)) r = { ...r, sensitive: true };
      this.memo.set(key, r);
    }
    return r;
  }

  /**
   * Sensitive: from .env, the process environment or the private env file, named
   * like a credential, or built from such a variable (`@auth = Bearer {{token}}`).
   */
  private isSensitive(key: string, r: Resolution, depth = 0): boolean {
    if (r.source === 'dotenv' || r.source === 'processEnv' || SENSITIVE_NAME.test(key) || this.scope.privateNames?.has(key)) return true;
    if (depth > MAX_DEPTH) return false;
    const raw = this.scope.fileVars.get(key) ?? this.scope.envVars.get(key) ?? this.scope.sharedVars.get(key) ?? '';
    return findTemplateRefs(raw).some((t) => this.isSensitive(t.inner, this.resolveIn(t.inner, 'file', []), depth + 1));
  }

  /** Same text, same result: files repeat their URLs and header values request after request. */
  private readonly substituted = new Map<string, string>();

  /** Replaces every resolvable `{{...}}`; others stay as written. */
  substitute(text: string): string {
    if (!text.includes('{{')) return text;
    let out = this.substituted.get(text);
    if (out === undefined) {
      out = '';
      let last = 0;
      for (const ref of findTemplateRefs(text)) {
        const r = this.resolve(ref.inner);
        out += text.slice(last, ref.start) + (r.resolved ? r.value ?? '' : text.slice(ref.start, ref.end));
        last = ref.end;
      }
      out += text.slice(last);
      this.substituted.set(text, out);
    }
    return out;
  }

  private substituteIn(text: string, ctx: 'file' | 'env', stack: string[]) {
    let out = '', last = 0;
    const failures: Resolution[] = [];
    for (const ref of findTemplateRefs(text)) {
      const r = this.resolveIn(ref.inner, ctx, stack);
      out += text.slice(last, ref.start) + (r.resolved ? r.value ?? '' : text.slice(ref.start, ref.end));
      last = ref.end;
      if (!r.resolved) failures.push({ ...r, problem: r.problem ?? ref.inner });
    }
    return { text: out + text.slice(last), failures };
  }

  /** A variable whose value contains other references is only as resolved as they are. */
  private composite(name: string, raw: string, source: VariableSource, ctx: 'file' | 'env', stack: string[]): Resolution {
    if (stack.includes(name) || stack.length > MAX_DEPTH) {
      return { resolved: false, source, problem: `"${name}" refers to itself (${[...stack, name].join(' -> ')})` };
    }
    const { text, failures } = this.substituteIn(raw, ctx, [...stack, name]);
    if (failures.length === 0) return { resolved: true, value: text, source };
    const hard = failures.find((f) => !f.dynamic);
    if (hard) return { resolved: false, source, problem: `"${name}" depends on an unresolved value: ${hard.problem}` };
    return { resolved: false, dynamic: true, source, problem: `"${name}" is only known when the request is sent` };
  }

  private resolveIn(inner: string, ctx: 'file' | 'env', stack: string[]): Resolution {
    const s = this.scope;
    if (inner.startsWith('$')) return this.system(inner, stack);
    const req = /^([A-Za-z_][\w-]*)\.(response|request)\./.exec(inner);
    if (req) {
      if (s.requestNames.has(req[1])) return { resolved: false, dynamic: true, source: 'request' };
      return { resolved: false, source: 'request', problem: `no request named "${req[1]}" in this file (add "# @name ${req[1]}" to it)` };
    }
    if (!IDENT.test(inner)) {
      // httpYac evaluates JavaScript expressions in {{ }}: only known when sent.
      return { resolved: false, dynamic: true, source: 'expression' };
    }
    if (ctx === 'file' && s.fileVars.has(inner)) return this.composite(inner, s.fileVars.get(inner)!, 'file', 'file', stack);
    if (s.envVars.has(inner)) return this.composite(inner, s.envVars.get(inner)!, 'environment', 'env', stack);
    if (s.sharedVars.has(inner)) return this.composite(inner, s.sharedVars.get(inner)!, 'environment', 'env', stack);
    if (s.scriptNames.has(inner)) return { resolved: false, dynamic: true, source: 'script' };
    if (s.promptNames?.has(inner)) return { resolved: false, dynamic: true, source: 'prompt' };
    if (s.sendTimeNames?.has(inner.toLowerCase())) return { resolved: false, dynamic: true, source: 'session' };
    const elsewhere = s.envOnlyIn.get(inner);
    if (elsewhere) {
      const sel = s.environment ? `the selected environment "${s.environment}"` : 'no environment is selected';
      return { resolved: false, source: 'environment', problem: `"${inner}" is defined only in environment(s) ${elsewhere.join(', ')}, but ${sel}` };
    }
    return { resolved: false, source: 'unknown', problem: `"${inner}" is not defined (no file variable, environment variable or named request)` };
  }

  private system(inner: string, stack: string[]): Resolution {
    const s = this.scope;
    const [head, ...rest] = inner.split(/\s+/);
    const arg = rest.join(' ');
    if (head === '$shared') {
      if (s.sharedVars.has(arg)) return this.composite(arg, s.sharedVars.get(arg)!, 'environment', 'env', stack);
      return { resolved: false, source: 'environment', problem: `"${arg}" is not defined in $shared` };
    }
    if (head === '$dotenv' || head === '$processEnv' || head.startsWith('$env.')) {
      const source: VariableSource = head === '$dotenv' ? 'dotenv' : 'processEnv';
      let name = head.startsWith('$env.') ? head.slice(5) : arg;
      if (name.startsWith('%')) {               // indirection: the name is an environment variable's value
        const ind = this.resolveIn(name.slice(1), 'env', stack);
        if (!ind.resolved) return { resolved: false, source, problem: `indirect name "${name}": ${ind.problem ?? 'not resolved'}` };
        name = ind.value ?? '';
      }
      if (!name) return { resolved: false, source, problem: `${head} needs a variable name` };
      if (source === 'dotenv') {
        if (typeof s.dotenv === 'string') return { resolved: false, source, problem: s.dotenv };
        const v = s.dotenv.get(name);
        return v === undefined ? { resolved: false, source, problem: `"${name}" is not set in the .env file` } : { resolved: true, value: v, source };
      }
      const v = s.processEnv?.[name];
      return v === undefined
        ? { resolved: false, source, problem: `process environment variable "${name}" is not set` }
        : { resolved: true, value: v, source };
    }
    if (DYNAMIC_SYSTEM.has(head) || head.startsWith('$random.')) return { resolved: false, dynamic: true, source: 'system' };
    return { resolved: false, source: 'system', problem: `"${head}" is not a known system variable` };
  }
}
