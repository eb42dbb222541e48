// scope.unknown: a scope name that is no Genesys OAuth scope: folklore from
// forum answers, a permission-shaped a:b:c string, or a name in no scope list
// (the offline list is UNVERIFIED, the live GET /api/v2/oauth/scopes list is not).
// Fixes (support/scopeFixes.ts): the domain scope by pattern, or removing the name.
import type { Rule } from '../lintTypes';
import type { Finding, Severity, SourceRef } from '../types';
import { SCOPE_FORMAT_SOURCE } from '../knowledge/scopes';
import { scopeFixes } from './support/scopeFixes';
import { knowledge, scopeSites, type ScopeSite } from './support/scopeSites';

const ID = 'scope.unknown';
const SHAPE = 'scopes are `<domain>` (read-write) or `<domain>:readonly`';

export const scopeUnknown: Rule = {
  id: ID,
  title: 'Scope name that is no Genesys OAuth scope',
  defaultSeverity: 'error',
  help: 'The name is not a Genesys OAuth scope: invented in forum answers, shaped like a permission, malformed, or in no scope list; Genesys scopes are <domain> or <domain>:readonly. Use the domain\'s scope the message names, or remove the name.',
  source: { ref: 'docs/facts.md#scope-format', verified: true },
  check(ctx) {
    const registry = knowledge(ctx).scopes;
    const authoritative = registry.authoritative;
    const out: Finding[] = [];
    for (const site of scopeSites(ctx)) {
      const f = describe(site, authoritative);
      // Spelled out rather than `...f`: object spreads are much slower in V8.
      if (f) out.push({ rule: ID, range: site.range, request: site.request, pointer: site.pointer, fixes: scopeFixes(ctx.parsed.doc, site, registry, authoritative), severity: f.severity, message: f.message, source: f.source });
    }
    return out;
  },
};

function suggest(site: ScopeSite): string {
  const s = site.cls.suggestions;
  return s.length ? ` For this domain that is probably ${s.map((x) => `\`${x}\``).join(' or ')}.` : '';
}

function grantNote(site: ScopeSite): string {
  return site.grant === 'client_credentials'
    ? ' Note: scopes do not apply to client-credentials clients; the OAuth client\'s roles decide what the token may do.'
    : '';
}

function describe(site: ScopeSite, authoritative: boolean): { severity: Severity; message: string; source: SourceRef } | undefined {
  const { cls } = site;
  const shapeNote = cls.shape === 'permission' ? ` It has a permission's shape (domain:entity:action), but ${SHAPE}.` : '';
  switch (cls.kind) {
    case 'folklore':
      return {
        severity: 'error',
        message: `\`${cls.name}\` is not a Genesys OAuth scope.${shapeNote} ${cls.folklore!.truth}${grantNote(site)}`,
        source: cls.folklore!.source,
      };
    case 'unknown-permission-shaped':
      return {
        severity: 'error',
        message: `\`${cls.name}\` is not a Genesys OAuth scope: it has a permission's shape (domain:entity:action), but ${SHAPE}; it is no known permission either.${suggest(site)}${grantNote(site)}`,
        source: SCOPE_FORMAT_SOURCE,
      };
    case 'unknown': {
      if (authoritative) {
        return { severity: 'error', message: `\`${cls.name}\` is not in this org's scope list (GET /api/v2/oauth/scopes).${suggest(site)}${grantNote(site)}`, source: { ref: 'docs/facts.md#scope-list-live', verified: true } };
      }
      if (cls.shape !== 'scope') {
        return { severity: 'error', message: `\`${cls.name}\` is not a valid Genesys OAuth scope name: ${SHAPE}.${suggest(site)}${grantNote(site)}`, source: SCOPE_FORMAT_SOURCE };
      }
      return {
        severity: 'warning',
        message: `\`${cls.name}\` is not a known Genesys OAuth scope (checked against an offline list that is not verified; a live check reads GET /api/v2/oauth/scopes).${suggest(site)}${grantNote(site)}`,
        source: { ref: 'docs/facts.md#scope-names', verified: false },
      };
    }
    default:
      return undefined;
  }
}
