// VS Code entry point: declarative wiring only. Every feature is a small
// disposable class in src/vscode/ adapting the editor-free core; the catalog
// data is read from data/ on first use, never at activation.
import * as vscode from 'vscode';
import { defaultCatalog } from './core/catalog/catalog';
import { AnalysisService } from './vscode/analysis';
import { AccountCommands } from './vscode/auth/accountCommands';
import { GenesysAuthProvider } from './vscode/auth/provider';
import { SessionTree } from './vscode/auth/sessionTree';
import { CallDoctor } from './vscode/callDoctor';
import { ProblemsCodeLens } from './vscode/codeLens';
import { QuickFixProvider } from './vscode/codeActions';
import { DiagnosticsProvider } from './vscode/diagnostics';
import { FindingConverter } from './vscode/findingDiagnostics';
import { HoverProvider } from './vscode/hover';
import { logPort } from './vscode/ports';
import { SchemaContentProvider } from './vscode/schemaContent';
import { WorkspaceCheck } from './vscode/workspaceCheck';

export interface CallDoctorApi {
  /** Wall-clock time activate() took, for the activation budget. */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): CallDoctorApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Genesys Cloud Call Doctor', { log: true });
  const log = logPort(channel);
  const catalog = defaultCatalog;
  const converter = new FindingConverter(context.extensionUri);
  const analysis = new AnalysisService(catalog, channel);
  const diagnostics = new DiagnosticsProvider(analysis, converter);
  const auth = new GenesysAuthProvider(context.secrets, log);
  context.subscriptions.push(
    channel,
    analysis,
    diagnostics,
    new QuickFixProvider(analysis),
    new HoverProvider(analysis),
    new ProblemsCodeLens(analysis),
    new SchemaContentProvider(catalog),
    new WorkspaceCheck(diagnostics),
    auth,
    new AccountCommands(auth),
    new SessionTree(auth),
    new CallDoctor(analysis, auth, converter, log),
  );
  const activationMs = performance.now() - started;
  channel.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs };
}

export function deactivate(): void {}
