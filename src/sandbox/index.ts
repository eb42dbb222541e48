// Public surface of the sandbox org (CLI `call-doctor sandbox`, demo, tests).
export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export { loadFixture, validateFixture, defaultFixturePath, FixtureError } from './fixture';
export type { OrgFixture, FixtureScenario, ScenarioLogin } from './fixtureTypes';
export { parseFaults, type FaultSpec, type FaultRule } from './faults';
export type { LogEntry } from './requestLog';
export { classifyNumber, routable } from './calls';
