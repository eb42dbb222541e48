// What one Call Doctor run for one request produced. Plain JSON (no vscode
// types), so the panel can post it to its webview as it is.
import type { DoctorResult } from '../../core/live';
import type { NoSession, SessionBasis } from '../../core/pipeline';
import type { Finding } from '../../core';

export interface DoctorRequestSummary {
  method: string;
  /** The URL with resolvable {{variables}} substituted. */
  url: string;
  /** The URL as written in the file. */
  rawUrl: string;
  /** The catalog operation the request resolved to, when known. */
  operationId?: string;
  /** Path template of that operation, e.g. /api/v2/conversations/calls. */
  operationPath?: string;
}

export interface DoctorRun {
  /** The document's URI, as uri.toString(). */
  uri: string;
  requestIndex: number;
  /** Document version the run checked. */
  version: number;
  request: DoctorRequestSummary;
  /** Offline lint findings of this request (file ranges). */
  offline: Finding[];
  /** The live checks' result; absent when they could not run (see error). */
  live?: DoctorResult;
  /** live.findings placed in the file (range on the request line or the body field). */
  liveInFile?: Finding[];
  /** Why the live checks did not run or finish (not signed in, cancelled, unknown operation, network). */
  error?: string;
  cancelled?: boolean;
  /** Environment and session the live checks ran against (never the token). */
  environment?: string;
  sessionId?: string;
  /** Which session ran the checks and why (absent when none did). */
  session?: {
    id: string; environment: string; account?: string;
    basis: SessionBasis;
    /** The API host the request targets, when it names one. */
    targetHost?: string;
  };
  /** No session serves the request's host: no verdict, only actions (error holds the reason). */
  noSession?: NoSession;
  /** Things the user should know about this run (skipped checks, the HTTP environment chosen). */
  notes?: string[];
  /** The user asked for this run (command, CodeLens, the panel's Re-run), as opposed to on-save or after a sign-in. */
  userStarted?: boolean;
  /** ms since epoch */
  startedAt: number;
  durationMs: number;
}

/** A run that has started (DoctorService.onWillRun); its DoctorRun follows through onDidRun. */
export interface DoctorRunStart {
  uri: string;
  requestIndex: number;
  request: DoctorRequestSummary;
  userStarted: boolean;
  startedAt: number;
}
