// The sandbox serves real operations: each one exists in the SDK catalog with
// the same method and path (so operationIds are SDK method names), declares
// the same permissions the SDK docs do, and has a handler and a scope entry.
import * as assert from 'assert';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { OPERATIONS } from '../../src/sandbox/operations';
import { OPERATION_SCOPES } from '../../src/sandbox/assumptions';

describe('sandbox operations table', () => {
  const catalog = defaultCatalog();
  for (const op of OPERATIONS) {
    it(`${op.id} matches the SDK catalog`, () => {
      const known = catalog.byId(op.id);
      assert.ok(known, `${op.id} is not an SDK method`);
      assert.strictEqual(known.method, op.method);
      assert.strictEqual(known.path, op.path);
      const declared = known.permissions ?? { type: 'NO', permissions: [] };
      assert.strictEqual(declared.type, op.permType);
      assert.deepStrictEqual([...declared.permissions].sort(), [...op.permissions].sort());
      assert.ok(Array.isArray(OPERATION_SCOPES[op.id]), `no scope entry for ${op.id}`);
    });
  }
  it('is read-only apart from the two call endpoints', () => {
    assert.deepStrictEqual(OPERATIONS.filter((o) => o.method === 'POST').map((o) => o.id), ['postConversationsCalls', 'postConversationsCallsUserUserId']);
  });
});
