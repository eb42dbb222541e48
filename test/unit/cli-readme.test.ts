// The README's rule table must list exactly the rules the linter runs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../src/core/rules';

const root = path.resolve(__dirname, '../../..');

describe('README: rule list', () => {
  it('has one row per rule, linking docs/rules/<id>.md, with the rule title', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| \[`([a-z.-]+)`\]\(docs\/rules\/([a-z.-]+)\.md\) \| (.+) \|$/gm)];
    assert.deepStrictEqual(rows.map((m) => m[1]).sort(), RULES.map((r) => r.id).sort());
    for (const [, id, file, title] of rows) {
      assert.strictEqual(file, id);
      assert.strictEqual(title, RULES.find((r) => r.id === id)!.title, id);
    }
  });
});
