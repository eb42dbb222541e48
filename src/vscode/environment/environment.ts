// The current Genesys Cloud environment (setting `genesysCloud.environment`)
// and the "Genesys Cloud: Select Environment" command: the 18 regions, the
// local sandbox when one runs in this window, or a custom base URL.
import * as vscode from 'vscode';
import { describeEnvironment, tryParseEnvironment, type Environment } from '../../core/env';
import { REGIONS } from '../../core/env';
import { Disposer } from '../disposer';

export const SELECT_ENVIRONMENT_COMMAND = 'genesysCloud.selectEnvironment';
const SECTION = 'genesysCloud';
const KEY = 'environment';
const DEFAULT_ENVIRONMENT = 'mypurecloud.com';

/** The raw setting (as the user wrote it). */
export function environmentSetting(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>(KEY)?.trim() || DEFAULT_ENVIRONMENT;
}

/** The configured environment, or the reason the setting cannot be used. */
export function currentEnvironment(): { env?: Environment; error?: string } {
  return tryParseEnvironment(environmentSetting());
}

/** Writes the setting where it takes effect: the workspace when it overrides the user value there. */
export async function setEnvironment(value: string): Promise<Environment> {
  const parsed = tryParseEnvironment(value);
  if (!parsed.env) throw new Error(parsed.error);
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<string>(KEY);
  const target = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await config.update(KEY, parsed.env.name, target);
  return parsed.env;
}

interface EnvironmentItem extends vscode.QuickPickItem { value?: string; custom?: true }

export class EnvironmentCommand extends Disposer {
  /** `sandboxUrl` tells whether a sandbox runs in this window (then it is offered first). */
  constructor(private readonly sandboxUrl: () => string | undefined) {
    super();
    this.subscriptions.push(
      // From the palette: a quick pick. From scripts and tests: the environment text itself.
      vscode.commands.registerCommand(SELECT_ENVIRONMENT_COMMAND, (value?: string) => this.select(value)),
    );
  }

  /** Returns the new environment's name, or undefined when the user cancelled. */
  async select(value?: string): Promise<string | undefined> {
    const chosen = value ?? await this.pick();
    if (chosen === undefined) return undefined;
    try {
      const env = await setEnvironment(chosen);
      void vscode.window.setStatusBarMessage(`Genesys Cloud environment: ${describeEnvironment(env)}`, 4000);
      return env.name;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(`Cannot use that Genesys Cloud environment: ${message}`);
      if (value !== undefined) throw err; // scripted callers want the failure itself
      return undefined;
    }
  }

  private async pick(): Promise<string | undefined> {
    const current = currentEnvironment().env?.name;
    const items: EnvironmentItem[] = [];
    const sandbox = this.sandboxUrl();
    if (sandbox) {
      items.push({ label: '$(beaker) Local sandbox', description: `running at ${sandbox}`, detail: 'Not Genesys: the Genesys-shaped org this window started (Start Sandbox Org)', value: sandbox });
    }
    items.push({ label: 'Regions', kind: vscode.QuickPickItemKind.Separator });
    for (const r of REGIONS) items.push({ label: r.key, description: r.env, value: r.env, picked: r.env === current });
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: '$(edit) Custom URL…', detail: 'A Genesys-shaped server: https, or http on a loopback host only', custom: true });
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Genesys Cloud: Select Environment', placeHolder: current ? `Current: ${current}` : 'Region or server', matchOnDescription: true,
    });
    if (!picked) return undefined;
    if (!picked.custom) return picked.value;
    return vscode.window.showInputBox({
      title: 'Genesys Cloud: custom environment',
      prompt: 'Base URL (http://127.0.0.1:8787) or login=<url>,api=<url>. Plain http only on loopback hosts.',
      value: current && !REGIONS.some((r) => r.env === current) ? current : '',
      ignoreFocusOut: true,
      validateInput: (v) => tryParseEnvironment(v).error,
    });
  }
}
