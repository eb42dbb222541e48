// The core's ports over the extension host: fetch for HTTP, SecretStorage for
// secrets, the output channel for logs, notifications for prompts.
import * as vscode from 'vscode';
import type { HttpPort, LogPort, PromptPort, SecretsPort } from '../core/ports';

const TIMEOUT_MS = 30_000;

/** HttpPort over the host's global fetch. Redirects are not followed, so a token never reaches a host the caller did not name. */
export const fetchHttp: HttpPort = {
  async send(req) {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual', signal });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
      return { status: res.status, headers, body: await res.text() };
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason ?? err;
      if (timeout.aborted) throw new Error(`${req.method} ${new URL(req.url).origin} timed out after ${TIMEOUT_MS} ms`);
      throw err;
    }
  },
};

export function secretsPort(secrets: vscode.SecretStorage): SecretsPort {
  return {
    get: (key) => Promise.resolve(secrets.get(key)),
    set: (key, value) => Promise.resolve(secrets.store(key, value)),
    delete: (key) => Promise.resolve(secrets.delete(key)),
  };
}

export function logPort(channel: vscode.LogOutputChannel): LogPort {
  return {
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  };
}

/**
 * Device codes and sign-in URLs as a notification with buttons. Not awaited:
 * the flow must keep polling / listening while the message is up.
 */
export const notificationPrompt: PromptPort = {
  async show(message, detail) {
    const copy = detail?.code ? 'Copy Code & Open' : undefined;
    const open = detail?.url && !detail.code ? 'Open' : undefined;
    void vscode.window.showInformationMessage(message, ...[copy, open].filter((x): x is string => !!x)).then(async (choice) => {
      if (choice === copy && detail?.code) await vscode.env.clipboard.writeText(detail.code);
      if ((choice === copy || choice === open) && detail?.url) await vscode.env.openExternal(vscode.Uri.parse(detail.url));
    });
  },
  async openExternal(url) {
    if (!/^https?:\/\//i.test(url)) return false;
    return vscode.env.openExternal(vscode.Uri.parse(url));
  },
};
