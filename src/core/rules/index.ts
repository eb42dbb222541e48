// Every lint rule, in a stable order. One file per rule, named after its id,
// declaring its registry entry; each rule is documented in docs/rules/<id>.md.
import type { Rule } from '../lintTypes';
import { endpointUnknown } from './endpointUnknown';
import { endpointWrongHost } from './endpointWrongHost';
import { grantNoUserContext } from './grantNoUserContext';
import { payloadDestination } from './payloadDestination';
import { payloadInferredOperation } from './payloadInferredOperation';
import { payloadInvalidJson } from './payloadInvalidJson';
import { payloadPhoneFormat } from './payloadPhoneFormat';
import { payloadType } from './payloadType';
import { payloadUnknownField } from './payloadUnknownField';
import { scopeIsPermission } from './scopeIsPermission';
import { scopeUnknown } from './scopeUnknown';
import { sdkUnknownMethod } from './sdkUnknownMethod';
import { variableUnresolved } from './variableUnresolved';
import { buildRegistry, type RuleInfo } from './registry';

export const RULES: readonly Rule[] = [
  payloadInvalidJson,
  payloadUnknownField,
  payloadType,
  payloadDestination,
  payloadPhoneFormat,
  payloadInferredOperation,
  scopeUnknown,
  scopeIsPermission,
  endpointUnknown,
  endpointWrongHost,
  sdkUnknownMethod,
  grantNoUserContext,
  variableUnresolved,
];

/** Every rule id a finding can carry, lint and live, with title, help, default severity and source. */
export const RULE_REGISTRY: readonly RuleInfo[] = buildRegistry(RULES);

const BY_ID = new Map(RULE_REGISTRY.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

export { docsPath, type RuleInfo, type RuleKind, type RuleMeta } from './registry';
