// In-memory text documents with a line index, so every parser can turn
// offsets into the 0-based line/character positions VS Code and LSP use.
// Line breaks: "\r\n", "\n" and a lone "\r" (as VS Code counts them).
import type { Position, Range } from './types';
import type { DocumentKind, SourceDocument } from './sources/types';

export interface LineInfo {
  /** Line text without its line break. */
  readonly text: string;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character (before the line break). */
  readonly end: number;
}

/** A SourceDocument with a few conveniences the parsers share. */
export interface TextDocument extends SourceDocument {
  readonly lineCount: number;
  lineAt(line: number): LineInfo;
  rangeAt(startOffset: number, endOffset: number): Range;
}

const KINDS: Record<string, DocumentKind> = {
  http: 'http', rest: 'http',
  json: 'json', jsonc: 'json',
  js: 'js', ts: 'js', mjs: 'js', cjs: 'js', jsx: 'js', tsx: 'js', mts: 'js', cts: 'js',
};

/** Kind from the file extension (case-insensitive); "unknown" otherwise. */
export function documentKindOf(path: string): DocumentKind {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return (m && KINDS[m[1].toLowerCase()]) || 'unknown';
}

export function createDocument(path: string, text: string, kind: DocumentKind = documentKindOf(path)): TextDocument {
  const starts = [0];
  const ends: number[] = [];
  if (!text.includes('\r')) {
    // "\n" only (the usual case): let indexOf find the breaks instead of testing every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */ || c === 10 /* \n */) {
        ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
  }
  ends.push(text.length);

  // Callers mostly walk forward through the text: try the line of the previous answer and the next one first.
  let hint = 0;
  const onLine = (line: number, o: number) => line < starts.length && starts[line] <= o && (line + 1 === starts.length || o < starts[line + 1]);
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(Math.floor(offset), text.length));
    let lo: number;
    if (onLine(hint, o)) lo = hint;
    else if (onLine(hint + 1, o)) lo = hint + 1;
    else {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {              // last line whose start <= o
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid; else hi = mid - 1;
      }
    }
    hint = lo;
    return { line: lo, character: Math.min(o, ends[lo]) - starts[lo] };
  };
  const offsetAt = (p: Position): number => {
    if (p.line < 0) return 0;
    if (p.line >= starts.length) return text.length;
    return starts[p.line] + Math.max(0, Math.min(p.character, ends[p.line] - starts[p.line]));
  };
  // Parsers ask for the same line several times in a row: keep the last one
  // (not every line: a document's lines would stay alive as long as it does).
  let last: LineInfo | undefined, lastLine = -1;
  return {
    path, kind, text, positionAt, offsetAt,
    lineCount: starts.length,
    lineAt(line: number): LineInfo {
      if (line !== lastLine || !last) {
        last = { text: text.slice(starts[line], ends[line]), start: starts[line], end: ends[line] };
        lastLine = line;
      }
      return last;
    },
    rangeAt(a: number, b: number): Range { return { start: positionAt(a), end: positionAt(b) }; },
  };
}

/** Makes a TextDocument out of any SourceDocument (re-indexing only when needed). */
export function asTextDocument(doc: SourceDocument): TextDocument {
  const d = doc as Partial<TextDocument>;
  if (typeof d.lineAt === 'function' && typeof d.rangeAt === 'function') return doc as TextDocument;
  return createDocument(doc.path, doc.text, doc.kind);
}
