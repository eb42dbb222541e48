import * as assert from 'assert';
import { explainError, formatExplanation, KNOWN_CODES } from '../../src/core/explain';

const body = (o: Record<string, unknown>) => JSON.stringify(o);

describe('error explainer', () => {
  it('missing.any.permissions: permissions from messageParams, ANY, correlation id, rule', () => {
    const e = explainError(body({ status: 403, code: 'missing.any.permissions', message: 'Unable to perform the requested action. You must have at least one of the following permissions assigned: [conversation:conference:add]', messageParams: { perms: 'conversation:conference:add' }, contextId: 'abc-123' }));
    assert.strictEqual(e.known, true);
    assert.strictEqual(e.genesysShape, true);
    assert.deepStrictEqual(e.permissions, ['conversation:conference:add']);
    assert.strictEqual(e.permissionsType, 'ANY');
    assert.strictEqual(e.correlationId, 'abc-123');
    assert.strictEqual(e.rule, 'permission.missing');
    assert.match(e.fix, /conversation:conference:add/);
  });

  it('missing.permissions reads names from the message when messageParams is absent', () => {
    const e = explainError(body({ status: 403, code: 'missing.permissions', message: 'You are missing the following permission(s): [routing:queue:view, telephony:plugin:all]' }));
    assert.deepStrictEqual(e.permissions, ['routing:queue:view', 'telephony:plugin:all']);
    assert.strictEqual(e.permissionsType, 'ALL');
  });

  it('knows each documented code with a cause and a fix', () => {
    const expect: Record<string, RegExp> = {
      'not.authorized': /division/, 'not.a.user': /client-credentials/, 'conversation.error.no.user.station': /station/,
      'too.many.create.conversation.parameters': /one of phoneNumber/, 'too.many.requests': /Retry-After/,
      'bad.credentials': /Sign in again/, 'authentication.required': /Authorization: Bearer/,
      'providerapi.error.station.no.active.edge': /Edge/,
    };
    for (const [code, re] of Object.entries(expect)) {
      const info = KNOWN_CODES.find((c) => c.code === code)!;
      const e = explainError(body({ status: info.status, code, message: 'm' }));
      assert.strictEqual(e.known, true, code);
      assert.match(`${e.cause} ${e.fix}`, re, code);
    }
  });

  it('reads a raw HTTP response with headers (status, Retry-After)', () => {
    const raw = 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Type: application/json\r\n\r\n{"status":429,"code":"too.many.requests","message":"Rate limit exceeded the maximum [300] requests within [60] seconds","contextId":"c-9"}';
    const e = explainError(raw);
    assert.strictEqual(e.status, 429);
    assert.strictEqual(e.retryAfterSeconds, 7);
    assert.strictEqual(e.code, 'too.many.requests');
    assert.strictEqual(e.correlationId, 'c-9');
  });

  it('finds the body inside wrappers (SDK error objects, string bodies, log prefixes)', () => {
    const sdk = body({ status: 400, statusText: 'Bad Request', body: { code: 'not.a.user', message: 'This request requires a user context.', status: 400 } });
    assert.strictEqual(explainError(sdk).code, 'not.a.user');
    assert.strictEqual(explainError(sdk).known, true);
    const str = body({ response: { text: body({ code: 'conversation.error.no.user.station', message: 'A station is required to place a call.' }) } });
    assert.strictEqual(explainError(str).code, 'conversation.error.no.user.station');
    assert.strictEqual(explainError('ERROR 2024-01-01 call failed: {"code":"bad.credentials","message":"Invalid login credentials.","status":401}').code, 'bad.credentials');
  });

  it('says an unknown code is unknown and shows code and message', () => {
    const e = explainError(body({ status: 409, code: 'conversation.already.exists', message: 'Something else', contextId: 'z' }));
    assert.strictEqual(e.known, false);
    assert.match(e.cause, /Unknown error code 'conversation\.already\.exists'.*Something else/);
    assert.match(formatExplanation(e), /unknown code/);
  });

  it('calls out folklore shapes as not Genesys shapes', () => {
    const f1 = explainError(body({ errors: [{ code: 'forbidden', message: 'Insufficient permissions' }] }));
    assert.strictEqual(f1.genesysShape, false);
    assert.strictEqual(f1.known, false);
    assert.match(f1.cause, /not a Genesys error shape/);
    const f2 = explainError(body({ error: { code: 'RATE_LIMIT', message: 'slow down' } }));
    assert.match(f2.cause, /RATE_LIMIT/);
    const f3 = explainError('HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error="insufficient_scope"\n\n');
    assert.ok(f3.folklore.some((f) => f.name === 'insufficient_scope'));
  });

  it('explains input without any error body plainly', () => {
    const e = explainError('just some text');
    assert.strictEqual(e.known, false);
    assert.match(e.fix, /Paste the whole response/);
  });
});
