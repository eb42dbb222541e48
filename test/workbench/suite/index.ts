// Entry point the workbench calls inside the real extension host
// (extensionTestsPath). Runs every *.test.js beside this file with mocha (bdd).
import * as fs from 'fs';
import * as path from 'path';
import { ensureNodeData } from '../../../src/node/data';

// mocha 12 is an ES module package: require() returns its namespace.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha');
const Mocha: typeof import('mocha') = mochaModule.default ?? mochaModule;

export function run(): Promise<void> {
  ensureNodeData(); // test files use the core from out/, a module instance of their own
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  // WORKBENCH_FILES=a,b runs only the test files whose names contain a or b
  // (development convenience; npm test always runs them all).
  const only = (process.env.WORKBENCH_FILES ?? '').split(',').filter(Boolean);
  const selected = (f: string) => only.length === 0 || only.some((o) => f.includes(o));
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && selected(f)).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} workbench test(s) failed.`)) : resolve()));
  });
}
