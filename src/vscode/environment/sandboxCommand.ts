// "Genesys Cloud: Start Sandbox Org": the local Genesys-shaped org (src/sandbox)
// in this extension host on an ephemeral loopback port, once per window; the
// environment switches to it and Sign In follows (its login server advertises
// the device flow). The sandbox code is loaded on first use, never at activation.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LogPort } from '../../core';
import type { Sandbox } from '../../sandbox';
import { SIGN_IN_COMMAND } from '../auth/accountCommands';
import { Disposer } from '../disposer';
import { setEnvironment } from './environment';

export const START_SANDBOX_COMMAND = 'genesysCloud.startSandbox';
export const STOP_SANDBOX_COMMAND = 'genesysCloud.stopSandbox';
const RUNNING_CONTEXT = 'genesysCloud.sandboxRunning';

export interface StartSandboxOptions {
  /** Run Sign In against the sandbox afterwards (default true). */
  signIn?: boolean;
}

/**
 * The sandbox is its own bundle (dist/sandbox.js, built by esbuild.js), required
 * only here: activation never loads it and the main bundle does not carry it.
 */
function loadSandboxModule(extensionPath: string): typeof import('../../sandbox') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(extensionPath, 'dist', 'sandbox.js'));
}

export class SandboxCommand extends Disposer {
  private starting?: Promise<Sandbox>;
  private sandbox?: Sandbox;

  constructor(private readonly log: LogPort, private readonly extensionPath: string) {
    super();
    this.subscriptions.push(
      vscode.commands.registerCommand(START_SANDBOX_COMMAND, (options?: StartSandboxOptions) => this.start(options)),
      vscode.commands.registerCommand(STOP_SANDBOX_COMMAND, () => this.stop()),
    );
  }

  /** Base URL of the sandbox running in this window, if any. */
  get url(): string | undefined {
    return this.sandbox?.url;
  }

  /** The sandbox running in this window, if any. */
  get current(): Sandbox | undefined {
    return this.sandbox;
  }

  /** Starts (or reuses) the sandbox, selects it as the environment and, unless told not to, signs in to it. */
  async start(options: StartSandboxOptions = {}): Promise<{ url: string } | undefined> {
    let sandbox: Sandbox;
    try {
      sandbox = await this.ensureStarted();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(`Could not start the sandbox org: ${message}`);
      return undefined;
    }
    await setEnvironment(sandbox.url);
    void vscode.window.showInformationMessage(
      `Sandbox org "${sandbox.fixture.org.name}" running at ${sandbox.url} (not Genesys: a local Genesys-shaped org). It is now the Genesys Cloud environment.`);
    if (options.signIn !== false) {
      // The fixture's device-grant client is the natural choice there; the user can still pick any flow.
      const hint = sandbox.fixture.clients.find((c) => c.deviceGrant)?.id;
      await vscode.commands.executeCommand(SIGN_IN_COMMAND, { environment: sandbox.url, clientIdHint: hint }).then(undefined, () => undefined);
    }
    return { url: sandbox.url };
  }

  private ensureStarted(): Promise<Sandbox> {
    this.starting ??= (async () => {
      const { startSandbox } = loadSandboxModule(this.extensionPath);
      const sb = await startSandbox({ port: 0, host: '127.0.0.1', log: this.log });
      this.sandbox = sb;
      this.log.info(`sandbox org started at ${sb.url}`);
      await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
      return sb;
    })();
    this.starting.catch(() => { this.starting = undefined; }); // a failed start can be retried
    return this.starting;
  }

  /** Stops the sandbox; returns whether one was running. */
  async stop(): Promise<boolean> {
    const running = this.starting;
    this.starting = undefined;
    if (!running) return false;
    const sb = await running.catch(() => undefined);
    this.sandbox = undefined;
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
    if (!sb) return false;
    await sb.close();
    this.log.info(`sandbox org at ${sb.url} stopped`);
    return true;
  }

  override dispose(): void {
    super.dispose();
    void this.sandbox?.close();
  }
}
