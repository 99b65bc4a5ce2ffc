// Parses the command line and runs one command. Returns the exit status:
// 0 success, 2 invalid input (nothing written), 1 any other failure.
import { parseArgs } from 'node:util';
import { asServiceError } from '../services/errors.js';
import { commandUsage, commands, usage } from './commands.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Standard input, read whole (a password is never an argument: arguments show in `ps`). */
  stdin?: () => Promise<string>;
}

export const EXIT_INVALID = 2;
export const EXIT_FAILURE = 1;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] !== undefined && commands[rest[0]]) {
    io.stdout(commandUsage(rest[0]));
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : EXIT_FAILURE;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`不明なコマンドです / Unknown command: ${name}\n\n${usage()}`);
    return EXIT_FAILURE;
  }
  // Before parsing: --help is no option of any command, and strict parsing would refuse it.
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandUsage(name));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`引数が正しくありません / Invalid arguments: ${(error as Error).message}\n\n${command.usage}\n`);
    return EXIT_FAILURE;
  }
  try {
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    // A busy or unreachable database says so, in both languages, like any other refusal.
    const service = asServiceError(error);
    if (service) {
      io.stderr(`${service.message}\n`);
      for (const problem of service.problems) io.stderr(`${problem.path}: ${problem.message}\n`);
      return service.kind === 'invalid' ? EXIT_INVALID : EXIT_FAILURE;
    }
    io.stderr(`エラー / Error: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}
