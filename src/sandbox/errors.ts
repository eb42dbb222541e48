// Genesys ErrorBody responses (docs/facts.md#error-body). Codes and messages are the
// x-inin-error-codes of the 2018 spec (docs/facts.md#calls-error-codes, VERIFIED (old spec)).
import { randomUUID } from 'crypto';
import { withParamsTemplate, type ErrorChoice } from './assumptions';

export interface ErrorBody {
  message: string; code: string; status: number;
  messageWithParams?: string; messageParams?: Record<string, string>;
  contextId: string; details: { errorCode?: string; fieldName?: string; entityId?: string; entityName?: string }[];
  errors: ErrorBody[];
  limit?: { key: string; namespace: string; value: number };
}

/** code -> [status, message template]. */
export const ERROR_CODES: Record<string, [number, string]> = {
  'bad.request': [400, 'The request could not be understood by the server due to malformed syntax.'],
  'not.a.user': [400, 'This request requires a user context. Client credentials cannot be used for requests to this resource.'],
  'conversation.error.no.user.station': [400, 'A station is required to place a call.'],
  'too.many.create.conversation.parameters': [400, 'Only a single destination can be supplied in a create conversation request.'],
  'authentication.required': [401, 'No authentication bearer token specified in authorization header.'],
  'bad.credentials': [401, 'Invalid login credentials.'],
  'missing.permissions': [403, 'Unable to perform the requested action. You are missing the following permission(s): %s'],
  'missing.any.permissions': [403, 'Unable to perform the requested action. You must have at least one of the following permissions assigned: %s'],
  'not.authorized': [403, 'You are not authorized to perform the requested action.'],
  'not.found': [404, 'The requested resource was not found.'],
  'unsupported.media.type': [415, 'Unsupported Media Type - Unsupported or incorrect media type, such as an incorrect Content-Type value in the header.'],
  'too.many.requests': [429, 'Rate limit exceeded the maximum [%s] requests within [%s] seconds'],
  'internal.server.error': [500, 'The server encountered an unexpected condition which prevented it from fulfilling the request.'],
  'providerapi.error.station.no.active.edge': [500, 'Unable to place call. Could not find an Edge for this station.'],
  'providerapi.error.no.station.for.edge': [500, 'Station assignment for station found, but no primary or secondary Edge id was assigned to it.'],
  'service.unavailable': [503, 'Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).'],
  'request.timeout': [504, 'The request timed out.'],
};

export function errorBody(code: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  const known = ERROR_CODES[code];
  if (!known) throw new Error(`sandbox: unknown error code ${code}`);
  return { message: known[1], code, status: known[0], contextId: randomUUID(), details: [], errors: [], ...extra };
}

export function fromChoice(choice: ErrorChoice): ErrorBody {
  return { message: choice.message, code: choice.code, status: choice.status, contextId: randomUUID(), details: [], errors: [] };
}

/** 403 for a declared permission requirement (docs/facts.md#permission-error-codes: ANY -> missing.any.permissions, ALL -> missing.permissions). */
export function missingPermissions(type: 'ANY' | 'ALL', permissions: string[]): ErrorBody {
  const code = type === 'ANY' ? 'missing.any.permissions' : 'missing.permissions';
  const template = ERROR_CODES[code][1];
  const list = `[${permissions.join(', ')}]`;
  return errorBody(code, {
    message: template.replace('%s', list),
    messageWithParams: withParamsTemplate(template, 'permissions'),
    messageParams: { permissions: list },
  });
}

export function tooManyRequests(requests: number, windowSeconds: number, key: string, namespace: string): ErrorBody {
  const template = ERROR_CODES['too.many.requests'][1];
  return errorBody('too.many.requests', {
    message: template.replace('%s', String(requests)).replace('%s', String(windowSeconds)),
    messageWithParams: template.replace('%s', '{requests}').replace('%s', '{seconds}'),
    messageParams: { requests: String(requests), seconds: String(windowSeconds) },
    limit: { key, namespace, value: requests },
  });
}

/** OAuth token-endpoint errors use the RFC 6749 shape, not ErrorBody. */
export interface OAuthError { error: string; error_description: string }
export function oauthError(error: string, description: string): OAuthError { return { error, error_description: description }; }
