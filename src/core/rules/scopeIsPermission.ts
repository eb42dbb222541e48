// scope.is-permission: a real permission name (domain:entity:action, e.g.
// outbound:campaign:view) written where an OAuth scope belongs. Permissions
// come from roles; scopes are `<domain>` or `<domain>:readonly`.
import type { Rule } from '../lintTypes';
import type { Finding } from '../types';
import { SCOPE_FORMAT_SOURCE } from '../knowledge/scopes';
import { scopeFixes } from './support/scopeFixes';
import { knowledge, scopeSites } from './support/scopeSites';

const ID = 'scope.is-permission';

export const scopeIsPermission: Rule = {
  id: ID,
  title: 'Permission name used as an OAuth scope',
  defaultSeverity: 'error',
  help: 'A permission (domain:entity:action) is written where an OAuth scope belongs; permissions are granted through roles, so asking for one as a scope grants nothing. Request the domain\'s scope instead and give the permission through a role.',
  source: { ref: 'docs/facts.md#scope-format', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    const registry = knowledge(ctx).scopes;
    for (const site of scopeSites(ctx)) {
      const { cls } = site;
      if (cls.kind !== 'is-permission') continue;
      const alt = cls.suggestions.length
        ? ` The scope for this API is probably ${cls.suggestions.map((s) => `\`${s}\``).join(' or ')}.`
        : ' Scopes are `<domain>` or `<domain>:readonly`.';
      const roles = site.grant === 'client_credentials'
        ? 'assign it through a role on the OAuth client (client credentials use roles, not scopes)'
        : 'the user gets it through a role';
      out.push({
        rule: ID, severity: 'error', range: site.range, request: site.request, pointer: site.pointer,
        fixes: scopeFixes(ctx.parsed.doc, site, registry, registry.authoritative),
        message: `\`${cls.name}\` is a permission, not an OAuth scope: ${roles}.${alt}`,
        source: SCOPE_FORMAT_SOURCE,
        explanation: cls.folklore ? `Forum answers use it as a scope (${cls.folklore.why}).` : undefined,
      });
    }
    return out;
  },
};
