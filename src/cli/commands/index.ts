// The CLI's commands. Each lives in its own file and registers here (one line each).
import type { CliCommand } from './types';

export const COMMANDS: CliCommand[] = [
];
