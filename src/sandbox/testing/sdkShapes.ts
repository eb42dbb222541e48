// Checks a JSON value against a model of the official SDK's index.d.ts
// (purecloud-platform-client-v2, namespace Models): unknown properties, wrong
// types and missing required properties are reported with their JSON path.
// Dev/test only: it reads the SDK from node_modules.
import * as fs from 'fs';

interface Prop { type: string; required: boolean }
type Models = Map<string, Map<string, Prop>>;

let cached: Models | undefined;

export function sdkModels(): Models {
  if (cached) return cached;
  const file = require.resolve('purecloud-platform-client-v2/index.d.ts');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('declare namespace Models');
  const models: Models = new Map();
  const iface = /^\texport interface (\w+) \{\s*\n([\s\S]*?)^\t\}/gm;
  iface.lastIndex = start;
  for (let m = iface.exec(text); m; m = iface.exec(text)) {
    const props = new Map<string, Prop>();
    for (const line of m[2].split('\n')) {
      const p = /^\t\t"([^"]+)"(\?)?: (.+);$/.exec(line);
      if (p) props.set(p[1], { type: p[3].trim(), required: p[2] !== '?' });
    }
    models.set(m[1], props);
  }
  return (cached = models);
}

/** Problems found checking `value` against the SDK type text (e.g. "Models.TokenInfo", "Array<Models.NumberPlan>"). */
export function checkShape(value: unknown, type: string, path = '$', out: string[] = []): string[] {
  const t = type.trim();
  if (value === undefined || value === null) return out;
  if (t === 'string') { if (typeof value !== 'string') out.push(`${path}: expected string, got ${JSON.stringify(value)}`); return out; }
  if (t === 'number') { if (typeof value !== 'number') out.push(`${path}: expected number, got ${JSON.stringify(value)}`); return out; }
  if (t === 'boolean') { if (typeof value !== 'boolean') out.push(`${path}: expected boolean`); return out; }
  if (t === 'object' || t === 'any' || t === 'Date') return out;
  const arr = /^Array<(.+)>$/.exec(t);
  if (arr) {
    if (!Array.isArray(value)) out.push(`${path}: expected array`);
    else value.forEach((v, i) => checkShape(v, arr[1], `${path}[${i}]`, out));
    return out;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
  if (map) {
    if (typeof value !== 'object' || Array.isArray(value)) out.push(`${path}: expected a map`);
    else for (const [k, v] of Object.entries(value)) checkShape(v, map[1], `${path}.${k}`, out);
    return out;
  }
  const model = /^Models\.(\w+)$/.exec(t)?.[1] ?? t;
  const props = sdkModels().get(model);
  if (!props) { out.push(`${path}: unknown SDK type '${t}'`); return out; }
  if (typeof value !== 'object' || Array.isArray(value)) { out.push(`${path}: expected ${model} object`); return out; }
  const obj = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    const prop = props.get(k);
    if (!prop) out.push(`${path}.${k}: not a property of Models.${model}`);
    else checkShape(v, prop.type, `${path}.${k}`, out);
  }
  for (const [k, prop] of props) if (prop.required && obj[k] === undefined) out.push(`${path}.${k}: required by Models.${model}`);
  return out;
}
