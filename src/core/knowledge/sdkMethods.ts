// Method names the JS SDK defines, from data/catalog/sdk-methods.json (written
// by `npm run catalog` from purecloud-platform-client-v2@262.0.0 index.d.ts
// and ApiClient.js). Read with fs at run time, not imported: out/ and the
// bundles carry no copies of JSON files.
import { dataPort } from '../data';
import type { SourceRef } from '../types';

export interface SdkMethodIndex {
  /** Class -> method names (ApiClientClass, ConversationsApi, ...). */
  classes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every method name of every class. */
  all: ReadonlySet<string>;
  source: SourceRef;
}

interface SdkMethodsFile {
  _meta?: { source?: string };
  classes?: Record<string, { methods?: string[]; properties?: string[]; undeclaredImplemented?: string[] }>;
}

export function sdkMethodIndex(data: SdkMethodsFile, sourceRef?: string): SdkMethodIndex {
  const classes = new Map<string, ReadonlySet<string>>();
  const all = new Set<string>();
  for (const [name, c] of Object.entries(data.classes ?? {})) {
    const names = new Set([...(c.methods ?? []), ...(c.undeclaredImplemented ?? [])]);
    classes.set(name, names);
    for (const n of names) all.add(n);
  }
  if (!classes.size) throw new Error('sdk-methods.json has no classes: regenerate it with `npm run catalog`');
  return { classes, all, source: { ref: sourceRef ?? 'docs/facts.md#sdk-package', verified: true } };
}

let loaded: SdkMethodsLoad | undefined;

export interface SdkMethodsLoad { index?: SdkMethodIndex; problem?: string }

/** Loads data/catalog/sdk-methods.json once; `problem` says why it could not be. */
export function loadSdkMethods(file?: string): SdkMethodsLoad {
  if (!file && loaded) return loaded;
  let target = file;
  let result: SdkMethodsLoad;
  try {
    target ??= 'catalog/sdk-methods.json';
    const text = dataPort().readText(target);
    result = text === undefined ? { problem: `${dataPort().where(target)} is missing (run \`npm run catalog\`)` }
      : { index: sdkMethodIndex(JSON.parse(text) as SdkMethodsFile) };
  } catch (e) {
    result = { problem: `cannot read ${target ?? 'data/catalog/sdk-methods.json'}: ${(e as Error).message}` };
  }
  if (!file) loaded = result;
  return result;
}

/** From a catalog that exposes sdkClasses() (catalog.ts), else from the data file. */
export function sdkMethodsOf(catalog: object): SdkMethodsLoad {
  const fn = (catalog as { sdkClasses?: () => ReadonlyMap<string, { methods?: string[]; undeclaredImplemented?: string[] }> }).sdkClasses;
  if (typeof fn !== 'function') return loadSdkMethods();
  try {
    return { index: sdkMethodIndex({ classes: Object.fromEntries(fn.call(catalog)) }) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}
