// The registry of hyoka's commands, each with its options and usage line.
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './run.js';
import { serveCommand } from './serve.js';
import { importCommand, exportCommand } from './documents.js';
import { computeCommand, checkCommand } from './quality.js';
import { generateCommand } from './generate.js';
import { userCommand } from './users.js';
import { publishCommand } from './publish.js';
import { backupCommand, restoreCommand } from './backup.js';
import { historyCommand } from './history.js';
import { cycleCommand } from './cycle.js';
import { aggregateCommand } from './aggregate.js';

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  summary: string;
  usage: string;
  /** Lines under the usage in `hyoka <command> --help`: the options explained. */
  help?: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  run: (values: OptionValues, positionals: string[], io: CliIo) => Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: serveCommand,
  import: importCommand,
  export: exportCommand,
  compute: computeCommand,
  check: checkCommand,
  generate: generateCommand,
  user: userCommand,
  history: historyCommand,
  cycle: cycleCommand,
  publish: publishCommand,
  aggregate: aggregateCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

const FOOTER = [
  'Database: --db PATH (SQLite file; default ./data/hyoka.sqlite), or DATABASE_URL=postgres://… for PostgreSQL.',
  'Exit status: 0 success, 2 invalid input (nothing written), 1 other failure.',
];

/** `hyoka import --help`: what one command does and how to call it. */
export function commandUsage(name: string): string {
  const command = commands[name]!;
  return [`hyoka ${name} — ${command.summary}`, '', `Usage: ${command.usage}`, ...(command.help ? ['', ...command.help.map((line) => `  ${line}`)] : []), '', ...FOOTER, ''].join('\n');
}

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'hyoka — 行政評価 (PDCA) の記録・計算・公開 / administrative evaluation for municipalities',
    '',
    'Usage: hyoka <command> [options]',
    '',
    ...lines,
    '',
    'hyoka <command> --help: one command in detail.',
    ...FOOTER,
    '',
  ].join('\n');
}
