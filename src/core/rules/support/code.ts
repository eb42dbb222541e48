// Whether a .js/.ts file is about Genesys at all. Scope strings and
// "client.x()" calls are everywhere in other code (Google OAuth, axios), so the
// code rules only look at files that use the SDK or name a Genesys host.
import type { ParsedDocument } from '../../sources/types';

const GENESYS_TEXT = /purecloud|mypurecloud|pure\.cloud|pure-cloud|genesys/i;
const cache = new WeakMap<ParsedDocument, boolean>();

export function isGenesysCode(parsed: ParsedDocument): boolean {
  const hit = cache.get(parsed);
  if (hit !== undefined) return hit;
  const code = parsed.code;
  const yes = !!code && (Object.keys(code.sdkVariables).length > 0 || GENESYS_TEXT.test(parsed.doc.text));
  cache.set(parsed, yes);
  return yes;
}
