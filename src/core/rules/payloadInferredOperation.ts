// payload.inferred-operation: a payload file tied to an operation by guesswork
// (its fields look like the model), not by $schema or a setting. Says so, and how to pin it.
import type { Rule } from '../lintTypes';
import type { Finding } from '../types';
import { schemaIdFor } from '../catalog/schemaId';

const ID = 'payload.inferred-operation';

export const payloadInferredOperation: Rule = {
  id: ID,
  title: 'Payload file checked against an operation inferred from its content',
  defaultSeverity: 'info',
  help: 'The payload file is checked against an operation guessed from its field names, and the other payload findings depend on that guess. Add a "$schema" or a payload association to name the model for certain.',
  source: { ref: 'docs/facts.md#payload-association', verified: false },
  check(ctx) {
    const out: Finding[] = [];
    for (const req of ctx.parsed.requests) {
      const a = req.association;
      if (a?.by !== 'inferred') continue;
      const op = ctx.catalog.byId(a.operationId);
      const what = op ? `${op.method} ${op.path}` : a.operationId;
      const model = op?.bodyModel;
      out.push({
        rule: ID, severity: 'info', range: a.range, request: req.index, fixes: [],
        message: `Treated as the body of ${what} because its top-level fields look like a call body and no "$schema" or payload association setting names an operation.${model ? ` To pin it, add "$schema": "${schemaIdFor(model)}".` : ''}`,
        source: { ref: 'docs/facts.md#payload-association', verified: false },
      });
    }
    return out;
  },
};
