// The core's ports over the extension host: fetch for HTTP, SecretStorage for
// secrets, the output channel for logs (redacted), notifications for prompts.
import * as vscode from 'vscode';
import { fetchPort } from '../node/fetchPort';
import { redactText } from '../core/http';
import type { HttpPort, LogPort, PromptPort, SecretsPort } from '../core';

/**
 * HttpPort over the host's global fetch (not node-fetch, which would add ~90 KB
 * to the main bundle). Same timeout and no-redirect rules as the CLI's port.
 * `fetch` is looked up per call, so a host that patches it later still applies.
 */
export const fetchHttp: HttpPort = fetchPort((url, init) => fetch(url, init));

export function secretsPort(secrets: vscode.SecretStorage): SecretsPort {
  return {
    get: (key) => Promise.resolve(secrets.get(key)),
    set: (key, value) => Promise.resolve(secrets.store(key, value)),
    delete: (key) => Promise.resolve(secrets.delete(key)),
  };
}

/**
 * LogPort over the LogOutputChannel. Every line is redacted first (tokens,
 * secrets, Authorization headers, credential fields): the channel is plain
 * text anyone can copy into a bug report.
 */
export function logPort(channel: vscode.LogOutputChannel): LogPort {
  const clean = (m: string) => redactText(m);
  return {
    debug: (m) => channel.debug(clean(m)),
    info: (m) => channel.info(clean(m)),
    warn: (m) => channel.warn(clean(m)),
    error: (m) => channel.error(clean(m)),
  };
}

export const COPY_AND_OPEN = 'Copy & Open';

/**
 * Device codes and sign-in URLs as a notification with buttons. Not awaited:
 * the flow keeps polling / listening (under its cancellable progress
 * notification) while the message is up, so nothing blocks on a click.
 */
export const notificationPrompt: PromptPort = {
  async show(message, detail) {
    const copy = detail?.code ? COPY_AND_OPEN : undefined;
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
