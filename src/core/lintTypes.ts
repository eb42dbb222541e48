// The lint contract shared by the rules, the CLI and the editor.
import type { Catalog } from './catalog/api';
import type { FilesPort } from './ports';
import type { Finding } from './types';
import type { ParsedDocument } from './sources/types';

export interface RequestSummary {
  index: number;
  name: string | null;
  method: string;
  url: string;
  operation: { id: string; method: string; path: string } | null;
}

export interface FileLintResult {
  path: string;
  requests: RequestSummary[];
  findings: Finding[];
  /** Parse/read problems of the source (malformed env file, missing include, ...). */
  problems?: import('./sources/types').SourceProblem[];
}

export interface LintOptions {
  catalog: Catalog;
  /** Reads env files and body includes; absent = those are reported as unresolvable. */
  files?: FilesPort;
  /** Selected environment name for http-client.env.json / rest-client settings. */
  environment?: string;
  /** Settings-driven association of payload files to operations. */
  payloadAssociations?: { glob: string; operationId: string }[];
  /** Process environment for {{$processEnv X}}; defaults to none (reported unresolved). */
  processEnv?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Scope/permission/SDK-method knowledge beyond the catalog (live lists, tests); defaults built per catalog. */
  knowledge?: Partial<import('./knowledge').Knowledge>;
}

export interface RuleContext {
  parsed: ParsedDocument;
  catalog: Catalog;
  /** Scope registry, permission names, SDK methods; rules fall back to knowledgeFor(catalog). */
  knowledge?: import('./knowledge').Knowledge;
}

export interface Rule {
  /** Stable id, e.g. "payload.unknown-field". Documented in docs/rules/<id>.md. */
  id: string;
  /** One line for the README and hovers. */
  title: string;
  /** The severity of a typical finding (some findings differ: see docs/rules/<id>.md). */
  defaultSeverity: import('./types').Severity;
  /** One or two sentences: what a finding means and how to fix it (SARIF help, rule lists). */
  help: string;
  /** The fact the rule rests on, as `docs/facts.md#<entry>`. */
  source: import('./types').SourceRef;
  check(ctx: RuleContext): import('./types').Finding[];
}

/** Who reports the rule: `lint` (offline), the live doctor, or both under one id. */
export type RuleKind = 'offline' | 'live' | 'both';

/** What every rule declares about itself besides its id (lint rules in their own file, see Rule). */
export type RuleMeta = Pick<Rule, 'title' | 'defaultSeverity' | 'help' | 'source'>;
