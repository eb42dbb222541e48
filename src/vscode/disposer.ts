// Base for feature classes: each owns its registrations and releases them
// together, so activate() only has to push the feature itself.
import type * as vscode from 'vscode';

export abstract class Disposer implements vscode.Disposable {
  protected readonly subscriptions: vscode.Disposable[] = [];

  dispose(): void {
    for (const d of this.subscriptions.splice(0).reverse()) d.dispose();
  }
}
