// The Node implementations of the core's ports, as the CLI wires them.
// Commands take a CliPorts so tests can swap any of them.
import { systemClock, type Clock, type HttpPort, type LogPort, type PromptPort, type SecretsPort } from '../../core';
import type { LoopbackPort } from '../../core/auth';
import type { CliIo } from '../commands/types';
import { nodeHttp } from '../../node/http';
import { cliLog } from './log';
import { nodeLoopback } from '../../node/loopbackServer';
import { cliPrompt } from './prompt';
import { configDir, FileSecrets } from '../../node/secretsFile';

export interface CliPorts {
  http: HttpPort;
  clock: Clock;
  prompt: PromptPort;
  log: LogPort;
  secrets: SecretsPort;
  loopback: LoopbackPort;
}

export interface CliPortOptions { verbose?: boolean; allowBrowser?: boolean }

export type CliPortsFactory = (io: CliIo, options: CliPortOptions) => CliPorts;

export const nodeCliPorts: CliPortsFactory = (io, options) => ({
  http: nodeHttp(),
  clock: systemClock,
  prompt: cliPrompt({ write: io.stderr, allowBrowser: options.allowBrowser ?? false }),
  log: cliLog(io.stderr, options.verbose),
  secrets: new FileSecrets(configDir(io.env)),
  loopback: nodeLoopback,
});

export { nodeHttp } from '../../node/http';
export { cliLog } from './log';
export { nodeLoopback } from '../../node/loopbackServer';
export { cliPrompt, openWithPlatform } from './prompt';
export { configDir, FileSecrets, SECRETS_FILE } from '../../node/secretsFile';
export { resolveCliEnvironment, loadCliSession } from './session';
