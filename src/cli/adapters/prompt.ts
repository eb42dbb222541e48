// PromptPort for the CLI: messages go to stderr (stdout stays machine-readable);
// the browser is opened only when the user allowed it.
import { spawn } from 'child_process';
import type { PromptPort } from '../../core';

export interface CliPromptOptions {
  write: (text: string) => void;
  /** When false, openExternal prints nothing and returns false (the flow then shows the URL). */
  allowBrowser: boolean;
  /** Replaces the platform opener (tests). */
  opener?: (url: string) => Promise<boolean>;
}

export function cliPrompt(opts: CliPromptOptions): PromptPort {
  return {
    async show(message, detail) {
      const lines = [message];
      if (detail?.code) lines.push(`  Code: ${detail.code}`);
      if (detail?.url && !message.includes(detail.url)) lines.push(`  URL:  ${detail.url}`);
      opts.write(lines.join('\n') + '\n');
    },
    async openExternal(url) {
      if (!opts.allowBrowser) return false;
      if (!/^https?:\/\//i.test(url)) return false;
      return (opts.opener ?? openWithPlatform)(url);
    },
  };
}

/** xdg-open / open / start, detached; false when the opener is missing. */
export function openWithPlatform(url: string): Promise<boolean> {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
      : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => { child.unref(); resolve(true); });
    } catch {
      resolve(false);
    }
  });
}
