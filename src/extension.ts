// VS Code entry point: declarative wiring only. Every feature is a small
// disposable class in src/vscode/ adapting the editor-free core; the catalog
// data is read from data/ on first use, never at activation.
import * as vscode from 'vscode';
import { ensureNodeData } from './node/data';
import { AnalysisService } from './vscode/analysis/analysisService';
import { AccountCommands } from './vscode/auth/accountCommands';
import { GenesysAuthProvider } from './vscode/auth/provider';
import { ActiveRequestTracker } from './vscode/analysis/activeRequest';
import { TokenReports } from './vscode/tree/tokenReports';
import { SessionTree } from './vscode/tree/sessionTree';
import { TreeCommands } from './vscode/tree/treeCommands';
import { FactsReference } from './vscode/language/factsReference';
import { CallDoctor } from './vscode/doctor/callDoctor';
import { CatalogRefresh } from './vscode/environment/catalogRefresh';
import { Walkthrough } from './vscode/walkthrough/walkthrough';
import { DoctorService } from './vscode/doctor/doctorService';
import { LiveDiagnostics } from './vscode/diagnostics/liveDiagnostics';
import { ProblemsCodeLens } from './vscode/language/codeLens';
import { QuickFixProvider } from './vscode/language/codeActions';
import { DiagnosticsProvider } from './vscode/diagnostics/offlineDiagnostics';
import { FindingConverter } from './vscode/diagnostics/findingDiagnostics';
import { HoverProvider } from './vscode/language/hover';
import { logPort } from './vscode/ports';
import { SchemaContentProvider } from './vscode/language/schemaContent';
import { WorkspaceCheck } from './vscode/diagnostics/workspaceCheck';
import { testAccess, type TestAccess } from './vscode/auth/testAccess';
import { EnvironmentCommand } from './vscode/environment/environment';
import { SandboxCommand } from './vscode/environment/sandboxCommand';
import { sessionViewId, StatusBar } from './vscode/environment/statusBar';
import { CallDoctorPanel, type PanelInspection } from './vscode/doctor/panel/callDoctorPanel';
import { PanelCommands } from './vscode/doctor/panel/panelCommands';

export interface CallDoctorApi {
  /** Wall-clock time activate() took, for the activation budget. */
  readonly activationMs: number;
  /** Only under tests (ExtensionMode.Test). */
  readonly testing?: TestAccess;
  /** The Call Doctor panel's posted view models and messages; only under tests. */
  readonly callDoctorPanel?: PanelInspection;
  /** The Session & Token view's data provider; only under tests. */
  readonly sessionTree?: SessionTree;
  /** The DoctorService behind the Call Doctor command, panel and live diagnostics; only under tests. */
  readonly doctor?: DoctorService;
}

export function activate(context: vscode.ExtensionContext): CallDoctorApi {
  const started = performance.now();
  ensureNodeData();
  const channel = vscode.window.createOutputChannel('Genesys Cloud Call Doctor', { log: true });
  const log = logPort(channel);
  const auth = new GenesysAuthProvider(context.secrets, log);
  // The catalog, with a downloaded live Swagger overlaid (read on first use, not here).
  const catalogs = new CatalogRefresh(context.globalStorageUri, () => auth.sessions(), log);
  const catalog = () => catalogs.catalog();
  const converter = new FindingConverter(context.extensionUri);
  const analysis = new AnalysisService(catalog, log);
  context.subscriptions.push(catalogs, catalogs.onDidChangeCatalog(() => analysis.invalidate()), new Walkthrough(context.extensionUri));
  const diagnostics = new DiagnosticsProvider(analysis, converter);
  const sandbox = new SandboxCommand(log, context.extensionPath);
  const statusBar = new StatusBar(auth, sessionViewId(context.extension.packageJSON), () => sandbox.url);
  const doctor = new DoctorService(analysis, auth, log);
  const tokenReports = new TokenReports(auth, log);
  const activeRequest = new ActiveRequestTracker(analysis);
  const sessionTree = new SessionTree(auth, tokenReports, activeRequest);
  const doctorPanel = new CallDoctorPanel(context.extensionUri, doctor, auth, log, context.extensionMode === vscode.ExtensionMode.Test);
  context.subscriptions.push(
    channel,
    analysis,
    diagnostics,
    new QuickFixProvider(analysis),
    new HoverProvider(analysis, { reports: tokenReports, sessionFor: (url) => doctor.sessionFor(url) }),
    new ProblemsCodeLens(analysis),
    new SchemaContentProvider(catalog),
    new WorkspaceCheck(diagnostics),
    auth,
    new AccountCommands(auth, log),
    sandbox,
    new EnvironmentCommand(() => sandbox.url),
    statusBar,
    tokenReports,
    activeRequest,
    sessionTree,
    new TreeCommands(context.extensionUri),
    new FactsReference(context.extensionUri),
    doctor,
    new LiveDiagnostics(analysis, doctor, converter, auth),
    new CallDoctor(analysis, auth, doctor),
    doctorPanel,
    new PanelCommands(doctorPanel),
  );
  const activationMs = performance.now() - started;
  channel.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, ...testAccess(context, { auth, statusBarItem: statusBar.item, refreshStatusBar: () => statusBar.update(), sandbox: () => sandbox.current }), callDoctorPanel: doctorPanel.inspection,
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { sessionTree, doctor } : {}) };
}

export function deactivate(): void {}
