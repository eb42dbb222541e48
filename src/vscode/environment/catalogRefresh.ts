// Command "Genesys Cloud: Refresh API Catalog": downloads the live Swagger of
// the signed-in environment into global storage (core/catalog/liveSwagger:
// age check, ETag revalidation, validation) and overlays it on the catalog, so
// hovers and diagnostics show its scopes and permissions ("swagger:<env>").
// A stored download is not read at activation: catalog() reads it on first use.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Session } from '../../core/auth';
import type { Catalog } from '../../core/catalog';
import { defaultCatalog, loadCatalog } from '../../core/catalog';
import { loadStoredSwagger, refreshLiveSwagger, removeStoredSwagger, storedSwaggers, type RefreshResult, type SwaggerStoragePort } from '../../core/catalog';
import { parseEnvironment, type Environment } from '../../core/env';
import { redactText } from '../../core/http';
import { systemClock, type LogPort } from '../../core';
import { Disposer } from '../disposer';
import { fetchHttp } from '../ports';

export const REFRESH_CATALOG_COMMAND = 'genesysCloud.refreshCatalog';
export const FORGET_CATALOG_COMMAND = 'genesysCloud.forgetCatalog';
const HOUR = 3_600_000;

/** Options scripts and tests may pass to the command. */
export interface RefreshCatalogArgs {
  /** Environment to refresh (default: the signed-in one). */
  environment?: string;
  /** Ignore the max age and ask the server. */
  force?: boolean;
}

/** The store over a directory of the extension host's file system (global storage is local to the host). */
export function directoryStorage(dir: string): SwaggerStoragePort {
  return {
    readText(name) {
      try { return fs.readFileSync(path.join(dir, name), 'utf8'); } catch { return undefined; }
    },
    async writeText(name, text) {
      await fs.promises.mkdir(dir, { recursive: true });
      // Write then rename: a reader never sees half a document.
      const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
      await fs.promises.writeFile(tmp, text, 'utf8');
      await fs.promises.rename(tmp, path.join(dir, name));
    },
    async delete(name) { await fs.promises.rm(path.join(dir, name), { force: true }); },
  };
}

export class CatalogRefresh extends Disposer {
  /** undefined: not looked for yet; null: no stored download applies. */
  private overlay?: { catalog: Catalog; environment: string } | null;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the catalog behind catalog() changed (a refresh, a removal, another environment). */
  readonly onDidChangeCatalog = this.changed.event;
  private readonly storage: SwaggerStoragePort;

  constructor(storageUri: vscode.Uri, private readonly sessions: () => Promise<Session[]>, private readonly log: LogPort) {
    super();
    this.storage = directoryStorage(storageUri.fsPath);
    this.subscriptions.push(
      this.changed,
      vscode.commands.registerCommand(REFRESH_CATALOG_COMMAND, (args?: RefreshCatalogArgs) => this.refreshCommand(args)),
      vscode.commands.registerCommand(FORGET_CATALOG_COMMAND, () => this.forget()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('genesysCloud.environment')) this.reset();
      }),
    );
  }

  /** The catalog, with the stored Swagger of the configured (else the last refreshed) environment overlaid when there is one. */
  catalog(): Catalog {
    if (this.overlay === undefined) this.overlay = this.loadStored();
    return this.overlay?.catalog ?? defaultCatalog();
  }

  /** Name of the environment whose Swagger is overlaid, if any (forces the lazy load). */
  overlaidEnvironment(): string | undefined {
    this.catalog();
    return this.overlay?.environment;
  }

  private loadStored(): { catalog: Catalog; environment: string } | null {
    const stored = storedSwaggers(this.storage);
    if (stored.length === 0) return null;
    const configured = configuredEnvironment()?.name;
    const chosen = stored.find((m) => m.environment === configured) ?? stored[0];
    const loaded = loadStoredSwagger(this.storage, chosen.environment);
    if (!loaded) {
      this.log.warn(`the stored Swagger of ${chosen.environment} could not be read; using the bundled catalog (run Refresh API Catalog)`);
      return null;
    }
    this.log.info(`catalog: overlaying the Swagger of ${chosen.environment} downloaded ${new Date(loaded.meta.downloadedAt).toISOString()}`);
    return { catalog: loadCatalog({ swagger: [loaded.index] }), environment: chosen.environment };
  }

  private reset(): void {
    this.overlay = undefined;
    this.changed.fire();
  }

  /** Picks the environment (and session, for its token): the named one, else as the Call Doctor does. */
  private async target(args: RefreshCatalogArgs): Promise<{ env: Environment; session?: Session } | undefined> {
    const sessions = await this.sessions();
    if (args.environment) {
      const env = parseEnvironment(args.environment);
      return { env, session: sessions.find((s) => s.environment.name === env.name) };
    }
    const configured = configuredEnvironment();
    const match = sessions.find((s) => s.environment.name === configured?.name) ?? (sessions.length === 1 ? sessions[0] : undefined);
    if (match) return { env: match.environment, session: match };
    if (sessions.length > 1) {
      const pick = await vscode.window.showQuickPick(sessions.map((s) => ({ label: s.environment.name, session: s })), { title: 'Refresh the API catalog from' });
      return pick && { env: pick.session.environment, session: pick.session };
    }
    // Not signed in: the document is public on Genesys Cloud, so the configured environment is asked without a token.
    return configured && { env: configured };
  }

  private async refreshCommand(args: RefreshCatalogArgs = {}): Promise<RefreshResult | undefined> {
    let token: string | undefined;
    try {
      const target = await this.target(args);
      if (!target) {
        void vscode.window.showErrorMessage('Refresh API Catalog: no environment. Set genesysCloud.environment or sign in.');
        return undefined;
      }
      token = target.session?.accessToken;
      const result = await this.refresh(target.env, target.session, args.force ?? false);
      if (result) this.report(result, args);
      return result;
    } catch (err) {
      const message = redactText(err instanceof Error ? err.message : String(err), [token]);
      this.log.error(`catalog refresh failed: ${message}`);
      void vscode.window.showErrorMessage(`Refresh API Catalog failed: ${message}`);
      if (args.environment) throw new Error(message); // scripted callers want the failure itself
      return undefined;
    }
  }

  private async refresh(env: Environment, session: Session | undefined, force: boolean): Promise<RefreshResult | undefined> {
    const maxAgeHours = vscode.workspace.getConfiguration('genesysCloud').get<number>('catalogMaxAgeHours') ?? 24;
    const result = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification, title: `Refreshing the Genesys Cloud API catalog from ${env.name}`, cancellable: true,
    }, (progress, cancel) => {
      const abort = new AbortController();
      cancel.onCancellationRequested(() => abort.abort(new Error('Refresh API Catalog was cancelled.')));
      progress.report({ message: 'GET /api/v2/docs/swagger' });
      return refreshLiveSwagger({
        env, http: fetchHttp, clock: systemClock, storage: this.storage, maxAgeMs: Math.max(0, maxAgeHours) * HOUR,
        force, accessToken: session?.accessToken, signal: abort.signal,
      });
    });
    this.log.info(`catalog refresh ${env.name}: ${result.status} (${result.meta.operationCount} operations, ${result.meta.bytes} bytes, ETag ${result.meta.etag ?? 'none'})`);
    // The overlay now follows the environment just refreshed; it is indexed on next use.
    if (result.status !== 'fresh' || this.overlay?.environment !== env.name) {
      const loaded = loadStoredSwagger(this.storage, env.name);
      this.overlay = loaded ? { catalog: loadCatalog({ swagger: [loaded.index] }), environment: env.name } : null;
      this.changed.fire();
    }
    return result;
  }

  private report(r: RefreshResult, args: RefreshCatalogArgs): void {
    const what = `${r.meta.operationCount} operations from ${r.meta.environment}`;
    if (r.status === 'downloaded') void vscode.window.showInformationMessage(`API catalog updated: ${what} (${(r.meta.bytes / 1e6).toFixed(1)} MB). Hovers and diagnostics now show its scopes and permissions.`);
    else if (r.status === 'not-modified') void vscode.window.showInformationMessage(`API catalog is up to date: the server confirmed the stored ${what} (not modified).`);
    else {
      const hours = ((Date.now() - r.meta.checkedAt) / HOUR).toFixed(1);
      const again = 'Refresh Now';
      void vscode.window.showInformationMessage(`API catalog: the stored ${what} is ${hours} h old (younger than genesysCloud.catalogMaxAgeHours), so it was not downloaded again.`, again)
        .then((c) => { if (c === again) void vscode.commands.executeCommand(REFRESH_CATALOG_COMMAND, { ...args, force: true }); });
    }
  }

  /** Removes every downloaded Swagger; the catalog goes back to the bundled data. Returns the environments removed. */
  private async forget(): Promise<string[]> {
    const removed = await removeStoredSwagger(this.storage);
    this.log.info(`catalog: removed the downloaded Swagger of ${removed.join(', ') || 'no environment'}`);
    this.reset();
    void vscode.window.showInformationMessage(removed.length ? `Removed the downloaded API catalog of ${removed.join(', ')}.` : 'No downloaded API catalog to remove.');
    return removed;
  }
}

function configuredEnvironment(): Environment | undefined {
  const value = vscode.workspace.getConfiguration('genesysCloud').get<string>('environment');
  try { return value ? parseEnvironment(value) : undefined; } catch { return undefined; }
}
