// Sign-in flows as small strategies (STYLE.md practice 2): each declares what
// it needs and where it works, says why it cannot run, and performs sign-in
// through ports only.
import type { Clock, HttpPort, LogPort, PromptPort } from '../../ports';
import type { Environment } from '../../env/environment';
import type { AuthEndpoints } from '../metadata';
import type { GrantKind, Session } from '../session';
import type { LoopbackPort } from '../loopback';

export interface FlowCapabilities {
  needsClientId: boolean;
  needsClientSecret: boolean;
  /** Opens (or asks the user to open) a browser. */
  usesBrowser: boolean;
  /** Listens on a local port for the redirect. */
  needsLoopback: boolean;
  /** Works when the UI runs on another machine than this code (VS Code remote) without help. */
  worksRemote: boolean;
  /** The token acts as a user (needed for POST /api/v2/conversations/calls). */
  userContext: boolean;
  /** Offered by Genesys Cloud itself (docs/facts.md#grant-types). */
  onGenesys: boolean;
}

export interface FlowContext {
  env: Environment;
  http: HttpPort;
  clock: Clock;
  prompt: PromptPort;
  log: LogPort;
  /** Needed by the PKCE loopback flow only. */
  loopback?: LoopbackPort;
  signal?: AbortSignal;
  /** Pre-discovered endpoints; flows discover them when absent. */
  endpoints?: AuthEndpoints;
}

export interface SignInOptions {
  clientId?: string;
  clientSecret?: string;
  /** For the 'token' flow. */
  accessToken?: string;
  /** Space-separated on the wire; optional everywhere (Genesys clients carry their scopes). */
  scopes?: string[];
  /** Device flow: an explicit device authorization endpoint (custom servers only). */
  deviceEndpoint?: string;
  /** Device flow: also open verification_uri(_complete) in the browser. */
  openBrowser?: boolean;
  /** PKCE: fixed loopback port (default 0 = ephemeral). */
  port?: number;
  /** PKCE: how long to wait for the browser redirect (default 5 minutes). */
  timeoutMs?: number;
  /** PKCE: rewrites the loopback redirect URI (VS Code passes env.asExternalUri). */
  transformRedirectUri?: (uri: string) => Promise<string>;
  /** PKCE: extra authorize parameters (Genesys: org, provider, target, login_hint, prompt). */
  authorizeParams?: Record<string, string>;
}

export interface SignInFlow {
  kind: GrantKind;
  label: string;
  capabilities: FlowCapabilities;
  /** Undefined when the flow can run here with these options; otherwise why not and what to do. */
  unavailableReason(ctx: FlowContext, opts: SignInOptions): Promise<string | undefined>;
  signIn(ctx: FlowContext, opts: SignInOptions): Promise<Session>;
}
