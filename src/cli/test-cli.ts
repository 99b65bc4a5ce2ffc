// Shared by the CLI tests: one in-process run of the CLI with its output captured, so a test
// reads the exit status and both streams as a user would see them.
import { runCli } from './run.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function cli(...argv: string[]): Promise<CliRun> {
  return cliWithEnv({}, ...argv);
}

/** The same, with an environment (DATABASE_URL for PostgreSQL). */
export function cliWithEnv(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  return cliWithInput(env, undefined, ...argv);
}

/** The same, with standard input (a password). */
export async function cliWithInput(env: NodeJS.ProcessEnv, stdin: string | undefined, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, ...(stdin !== undefined && { stdin: async () => stdin }) });
  return { status, stdout, stderr };
}
