// What the workbench tests may reach inside the running extension, and only
// when VS Code runs it under tests (ExtensionMode.Test): its own secret
// storage and mementos (to prove where tokens are and are not), the provider,
// the status bar item and the window's sandbox. In normal use the extension
// exports none of this.
import * as vscode from 'vscode';
import type { Sandbox } from '../../sandbox';
import type { GenesysAuthProvider } from './provider';

export interface TestAccess {
  readonly secrets: vscode.SecretStorage;
  readonly globalState: vscode.Memento;
  readonly workspaceState: vscode.Memento;
  readonly auth: GenesysAuthProvider;
  readonly statusBarItem: vscode.StatusBarItem;
  /** Re-renders the status bar item and resolves once it shows the current state. */
  readonly refreshStatusBar: () => Promise<void>;
  /** The sandbox "Start Sandbox Org" runs in this window (to read the device code the user is shown). */
  readonly sandbox: () => Sandbox | undefined;
}

export function testAccess(context: vscode.ExtensionContext, parts: Omit<TestAccess, 'secrets' | 'globalState' | 'workspaceState'>): { testing?: TestAccess } {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return {};
  return { testing: { secrets: context.secrets, globalState: context.globalState, workspaceState: context.workspaceState, ...parts } };
}
