// hyoka — command line entry point. Every command that touches data takes --db PATH
// (a SQLite file) or uses DATABASE_URL (PostgreSQL).
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
