// Every lint rule, in a stable order. One file per rule, named after its id;
// each rule is documented in docs/rules/<id>.md.
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
