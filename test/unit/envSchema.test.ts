// schemas/http-client.env.schema.json (contributed through jsonValidation for
// http-client.env.json and http-client.private.env.json): every env file in the
// repository passes, and files whose shape the HTTP clients cannot read fail.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import * as jsonc from 'jsonc-parser';
import { packageRoot } from '../../src/node/paths';

const root = packageRoot();
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'http-client.env.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);

function errors(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('JSON schema of http-client.env.json', () => {
  it('accepts every well-formed env file in the repository', () => {
    const files = [
      'examples/correct/http-client.env.json', 'examples/sandbox/http-client.env.json', 'test/workbench/workspace/env/http-client.env.json',
      'test/fixtures/sources/http/http-client.env.json', 'test/fixtures/sources/http/http-client.private.env.json',
      'test/fixtures/sources/payloads/http-client.env.json',
    ].filter((f) => fs.existsSync(path.join(root, f)));
    assert.ok(files.length >= 4, `found ${files.length} env files`);
    for (const f of files) assert.deepStrictEqual(errors(jsonc.parse(fs.readFileSync(path.join(root, f), 'utf8'))), [], f); // env files may carry comments
  });

  it('accepts $shared, numbers and booleans, and JetBrains\' Security / SSLConfiguration objects', () => {
    assert.deepStrictEqual(errors({
      $schema: 'https://example.test/schema.json',
      $shared: { apiHost: 'api.mypurecloud.com', retries: 3 },
      dev: { 'user.id': 'abc', verbose: true, Security: { Auth: { 'my-oauth': { Type: 'OAuth2' } } }, SSLConfiguration: { verifyHostCertificate: true } },
    }), []);
  });

  it('rejects shapes no HTTP client reads: a top-level array, an environment that is not an object, a non-object $shared', () => {
    assert.deepStrictEqual(errors([{ dev: {} }]), ['/ must be object']);
    assert.deepStrictEqual(errors({ dev: 'https://api.mypurecloud.com' }), ['/dev must be object']);
    assert.deepStrictEqual(errors({ $shared: ['a'] }), ['/$shared must be object']);
    assert.deepStrictEqual(errors({ dev: { Security: 'oauth' } }), ['/dev/Security must be object']);
  });
});
