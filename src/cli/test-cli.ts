// Shared by the CLI tests: one in-process run of the CLI with its output captured, so a test
// reads the exit status and both streams as a user would see them.
import { runCli } from './run.js';

export async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { status, stdout, stderr };
}
