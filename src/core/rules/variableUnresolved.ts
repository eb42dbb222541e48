// variable.unresolved: a `{{name}}` that nothing defines (file variables, the
// selected environment, .env, process env). Values that only exist at send
// time ({{$guid}}, {{login.response.body...}}) are not reported.
import type { Rule } from '../lintTypes';
import type { Finding } from '../types';
import type { VariableRef } from '../sources/types';
import { requestFacts } from './support/request';

const ID = 'variable.unresolved';

export const variableUnresolved: Rule = {
  id: ID,
  title: 'Variable that is defined nowhere',
  defaultSeverity: 'warning',
  help: 'A {{variable}} is defined nowhere (file variables, the selected environment, .env or the process environment), so the request would go out with the wrong text. Define it, or select the environment that defines it.',
  source: { ref: 'docs/facts.md#http-file-variables', verified: true },
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    const add = (v: VariableRef, request?: number) => {
      if (v.resolved || v.dynamic) return;
      const key = `${v.range.start.line}:${v.range.start.character}:${v.name}`;
      if (seen.has(key)) return;
      seen.add(key);
      const where = v.inInclude ? ' (in the included file)' : '';
      const define = /^\$/.test(v.name) ? '' : ` Define it with \`@${v.name} = …\` in this file or in the selected environment (http-client.env.json or rest-client settings).`;
      out.push({
        rule: ID, severity: 'warning', range: v.range, request, fixes: [],
        message: `\`{{${v.name}}}\`${where} cannot be resolved${v.problem ? `: ${v.problem}` : ''}.${define}`,
        source: { ref: 'docs/facts.md#http-file-variables', verified: true },
      });
    };
    for (const req of ctx.parsed.requests) {
      // Requests to a host that is clearly not Genesys are not ours to check.
      if (requestFacts(req, ctx.catalog, ctx.parsed.doc).host.kind === 'other') continue;
      for (const v of req.variables) add(v, req.index);
    }
    for (const v of ctx.parsed.variables ?? []) add(v);
    return out;
  },
};
