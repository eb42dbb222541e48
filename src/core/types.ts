// Shared vocabulary of the core: positions, findings, fixes and provenance.
// Lines and characters are 0-based, as in the VS Code / LSP API.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit { range: Range; newText: string }

/** A machine-applicable fix: only offered when the right edit is certain. */
export interface Fix { title: string; edits: TextEdit[] }

/**
 * Where a claim comes from. `ref` is an entry of the shipped facts reference,
 * `docs/facts.md#<anchor>`, optionally followed by a space and the place inside
 * that entry's public artefact (e.g. `docs/facts.md#swagger-2018 paths[...]`);
 * claims read at run time from a loaded Swagger document name that document.
 * `verified` is false exactly when the entry is UNVERIFIED (or we inferred it).
 */
export interface SourceRef { ref: string; verified: boolean; url?: string }

/** One API call a live check made, as shown to the user (redacted). */
export interface Evidence {
  request: string;           // e.g. "GET /api/v2/users/me?expand=authorization"
  status: number | 'error';
  excerpt: string;           // redacted, short
  durationMs?: number;
  /** The answer came from the session's cache (asked ageMs before), not from the API now. */
  cached?: true;
  ageMs?: number;
}

export interface Finding {
  rule: string;              // stable id, e.g. "payload.unknown-field"
  severity: Severity;
  message: string;           // plain, specific, names the real alternative
  range: Range;
  request?: number;          // index of the request in the file, when any
  pointer?: string;          // JSON pointer into the body, when relevant
  fixes: Fix[];
  source: SourceRef;
  /** Longer markdown explanation for hovers and the Call Doctor panel. */
  explanation?: string;
  /** Live findings only: the API calls that led to this verdict. */
  evidence?: Evidence[];
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}
