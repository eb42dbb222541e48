// application/x-www-form-urlencoded bodies (e.g. token requests:
// "grant_type=client_credentials&scope=a b"), possibly split over lines as
// REST Client allows ("&client_id=..." on the next line). Each field keeps
// document ranges so rules can point at a single scope name.
import type { Range } from '../types';
import type { RequestBody, SourceDocument } from './types';

export interface FormField {
  name: string;
  /** Decoded value (`+` and %XX decoded; undecodable text kept as written). */
  value: string;
  rawValue: string;
  nameRange: Range;
  valueRange: Range;
  /** Document offset of the raw value. */
  valueOffset: number;
}

function decode(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s.replace(/\+/g, ' '); }
}

/** Fields of an inline form body; [] for an included body (its text is in another file). */
export function parseFormBody(doc: SourceDocument, body: RequestBody): FormField[] {
  if (body.include) return [];
  const out: FormField[] = [];
  const re = /[^&\r\n]+/g;                      // a field never spans a line break or an "&"
  for (let m = re.exec(body.text); m; m = re.exec(body.text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const piece = m[0].trim();
    if (!piece) continue;
    const start = body.offset + m.index + lead;
    const eq = piece.indexOf('=');
    const rawName = eq < 0 ? piece : piece.slice(0, eq);
    const rawValue = eq < 0 ? '' : piece.slice(eq + 1);
    const valueOffset = eq < 0 ? start + piece.length : start + eq + 1;
    out.push({
      name: decode(rawName), value: decode(rawValue), rawValue, valueOffset,
      nameRange: { start: doc.positionAt(start), end: doc.positionAt(start + rawName.length) },
      valueRange: { start: doc.positionAt(valueOffset), end: doc.positionAt(valueOffset + rawValue.length) },
    });
  }
  return out;
}

/** Scope names of a raw `scope` value (space, `+` or %20 separated), each with its range. */
export function scopeNamesIn(doc: SourceDocument, rawValue: string, valueOffset: number): { scope: string; range: Range }[] {
  const out: { scope: string; range: Range }[] = [];
  const re = /(?:[^\s+%]|%(?!20)[0-9A-Fa-f]{2})+/g;
  for (let m = re.exec(rawValue); m; m = re.exec(rawValue)) {
    const a = valueOffset + m.index;
    out.push({ scope: decode(m[0]), range: { start: doc.positionAt(a), end: doc.positionAt(a + m[0].length) } });
  }
  return out;
}
