// SARIF 2.1.0 report (`--format sarif`) for code-scanning dashboards.
// SARIF positions are 1-based and regions end *after* the last column, so the
// core's 0-based, end-exclusive ranges map to (line + 1, character + 1) on both ends.
import type { FileLintResult } from '../lintTypes';
import { RULE_REGISTRY, type RuleInfo } from '../rules';
import type { Finding, Range, Severity } from '../types';
import { compareStrings, displayPath, safeText, sortFiles, sortFindings } from './summary';

export interface SarifOptions {
  toolVersion: string;
  /** Absolute URI under which `docs/rules/<id>.md` lives, ending with '/'. */
  docsBaseUri: string;
  /** Absolute file URI of the directory report paths are relative to, ending with '/'. */
  srcRootUri?: string;
  informationUri?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = 'SRCROOT';

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function pathToUriReference(p: string): string {
  return displayPath(p).split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
}

function ensureSlash(uri: string): string { return uri.endsWith('/') ? uri : `${uri}/`; }

/**
 * The driver lists every registered rule (lint and live: the tool knows them all,
 * whichever command ran); an id missing from the registry, which the registry
 * tests rule out, still gets a bare descriptor so every result's ruleIndex resolves.
 */
export function toSarifLog(files: readonly FileLintResult[], options: SarifOptions) {
  const docsBase = ensureSlash(options.docsBaseUri);
  const byId = new Map<string, ReturnType<typeof descriptor> | { id: string }>(RULE_REGISTRY.map((r) => [r.id, descriptor(r, docsBase)]));
  for (const file of files) for (const f of file.findings) if (!byId.has(f.rule)) byId.set(f.rule, { id: f.rule });
  const ruleIds = [...byId.keys()].sort(compareStrings);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => byId.get(id)!);

  const results = [];
  // Source problems (unreadable env file, missing include) are about the run, not the code: notifications.
  const notifications = [];
  for (const file of sortFiles(files)) {
    const artifactLocation = { uri: pathToUriReference(file.path), ...(options.srcRootUri ? { uriBaseId: SRCROOT } : {}) };
    for (const f of sortFindings(file.findings)) results.push(toResult(f, artifactLocation, ruleIndex.get(f.rule)!));
    for (const p of file.problems ?? []) {
      notifications.push({
        level: 'warning' as const,
        message: { text: safeText(p.message) },
        locations: [{ physicalLocation: { artifactLocation, ...(p.range ? { region: region(p.range) } : {}) } }],
      });
    }
  }

  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0' as const,
    runs: [{
      tool: {
        driver: {
          name: 'call-doctor',
          version: options.toolVersion,
          ...(options.informationUri ? { informationUri: options.informationUri } : {}),
          rules,
        },
      },
      ...(options.srcRootUri ? { originalUriBaseIds: { [SRCROOT]: { uri: ensureSlash(options.srcRootUri) } } } : {}),
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
      results,
    }],
  };
}

function descriptor(r: RuleInfo, docsBase: string) {
  return {
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.help },
    help: { text: `${r.help} Source: ${r.source.ref}${r.source.verified ? '' : ' (UNVERIFIED)'}.` },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    helpUri: `${docsBase}${r.docs.split('/').map(encodeURIComponent).join('/')}`,
    properties: { kind: r.kind, source: { ref: r.source.ref, verified: r.source.verified } },
  };
}

/** SARIF's readable rule name: "grant.no-user-context" -> "GrantNoUserContext". */
export function ruleName(id: string): string {
  return id.split(/[.-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function toResult(f: Finding, artifactLocation: { uri: string; uriBaseId?: string }, ruleIndex: number) {
  const fixes = f.fixes.filter((fix) => fix.edits.length > 0);
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: safeText(f.message) },
    locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
    ...(fixes.length > 0 ? {
      fixes: fixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: [{
          artifactLocation,
          replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        }],
      })),
    } : {}),
    properties: {
      source: { ref: f.source.ref, verified: f.source.verified, ...(f.source.url ? { url: f.source.url } : {}) },
      verified: f.source.verified,
      ...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
      ...(f.request !== undefined ? { request: f.request } : {}),
    },
  };
}

export function formatSarif(files: readonly FileLintResult[], options: SarifOptions): string {
  return `${JSON.stringify(toSarifLog(files, options), null, 2)}\n`;
}
