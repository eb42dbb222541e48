// The lexer's raw request shapes (offsets into the document), apart from the
// lexer so that the curl reader can use them without importing the lexer.

export interface Span { start: number; end: number }

export interface RawHeader { line: Span; name: Span; value: Span }

export interface RawRequest {
  blockIndex: number;
  title?: { text: string; span: Span };
  name?: { text: string; span: Span };
  range: Span;
  method?: Span;                    // absent: no method written (GET)
  urlParts: Span[];                 // request-line URL, then each continuation line (trimmed)
  httpVersion?: string;
  headers: RawHeader[];
  body?: Span;                      // whole lines, trailing blank/comment lines excluded
  include?: { path: Span; processVariables: boolean; line: Span };
  /** A `curl ...` command (REST Client): the method defaults to POST when there is data. */
  curl?: true;
  defaultMethod?: string;
}
