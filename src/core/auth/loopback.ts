// The one piece of the PKCE flow that needs a socket: a local HTTP server for
// the browser redirect. The core only sees this port; src/cli/adapters has the
// Node implementation (also usable from the VS Code extension host).

export interface LoopbackRequest {
  method: string;
  /** Path without the query, e.g. "/" or "/favicon.ico". */
  path: string;
  query: URLSearchParams;
}

export interface LoopbackResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface LoopbackServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

export interface LoopbackPort {
  /** Listens on 127.0.0.1 (and ::1 when available) at `port` (0 = ephemeral). */
  listen(port: number, handler: (req: LoopbackRequest) => Promise<LoopbackResponse>): Promise<LoopbackServer>;
}

/** The page the browser shows after the redirect. No script; everything escaped. */
export function resultPage(ok: boolean, title: string, detail: string): LoopbackResponse {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const colour = ok ? '#1a7f37' : '#cf222e';
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>Genesys Cloud Call Doctor: ${esc(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em}h1{color:${colour}}</style>` +
    `</head><body><h1>${esc(title)}</h1><p>${esc(detail)}</p></body></html>`;
  return { status: ok ? 200 : 400, contentType: 'text/html; charset=utf-8', body };
}
