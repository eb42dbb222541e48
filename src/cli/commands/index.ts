// The CLI's commands. Each lives in its own file and registers here (one line each).
import { lintCommand } from './lint';
import { sandboxCommand } from './sandbox';
import { loginCommand } from './login';
import { logoutCommand } from './logout';
import { tokenCommand } from './token';
import { checkCommand } from './check';
import { explainCommand } from './explain';
import { demoCommand } from './demo';
import type { CliCommand } from './types';

export const COMMANDS: CliCommand[] = [
  lintCommand,
  sandboxCommand,
  loginCommand,
  logoutCommand,
  tokenCommand,
  checkCommand,
  explainCommand,
  demoCommand,
];
