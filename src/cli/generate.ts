// generate: a synthetic organization of realistic shape, for benchmarks and load tests.
import { writeFile } from 'node:fs/promises';
import { generateDocument } from '../interchange/generate.js';
import type { Command } from './commands.js';
import { formatWritten } from './format.js';
import { stringOption } from './store.js';

export const generateCommand: Command = {
  summary: 'ベンチマーク用の架空の組織を生成 / generate a synthetic organization for benchmarks',
  usage: 'hyoka generate --projects N [--seed N] [--out FILE]',
  help: ['--projects N     how many projects', '--seed N         the same seed gives the same document (default 1)', '--out FILE       where to write (default: standard output)'],
  options: { projects: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  async run(values, _positionals, io) {
    const projects = Number(stringOption(values, 'projects'));
    const seed = Number(stringOption(values, 'seed') ?? '1');
    if (!Number.isSafeInteger(projects) || projects < 0 || !Number.isSafeInteger(seed)) {
      io.stderr(`--projects と --seed は 0 以上の整数です / --projects and --seed take whole numbers ≥ 0\n  ${this.usage}\n`);
      return 1;
    }
    const json = JSON.stringify(generateDocument({ projects, seed }));
    const out = stringOption(values, 'out');
    if (out) {
      await writeFile(out, json);
      io.stdout(formatWritten([`架空の組織（${projects}事業、hyoka/1 JSON）`, `a synthetic organization (${projects} projects, hyoka/1 JSON)`], out, Buffer.byteLength(json)));
    } else io.stdout(`${json}\n`);
    return 0;
  },
};
