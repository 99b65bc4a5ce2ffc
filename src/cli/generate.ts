// generate: a synthetic organization of realistic shape, for benchmarks and load tests; with
// --organizations N, a national dataset of N of them imported into the database.
import { writeFile } from 'node:fs/promises';
import { generateDocument } from '../interchange/generate.js';
import { generateInto } from '../services/generate.js';
import type { Command, OptionValues } from './commands.js';
import { formatWritten } from './format.js';
import type { CliIo } from './run.js';
import { dbOption, stringOption, withContext } from './store.js';

export const generateCommand: Command = {
  summary: 'ベンチマーク用の架空の組織を生成 / generate a synthetic organization for benchmarks',
  usage: 'hyoka generate --projects N [--seed N] [--out FILE | --organizations N [--publish] [--db PATH]]',
  help: [
    '--projects N     how many projects (of each organization)',
    '--seed N         the same seed gives the same document (default 1)',
    '--out FILE       where to write (default: standard output)',
    '--organizations N  import N organizations (seeds N, N+1, …; codes 900001, …) into the database instead,',
    '                 e.g. DATABASE_URL=postgres://… hyoka generate --organizations 1741 --projects 500',
    '--publish        with --organizations: publish each one\'s 2021 as decided (what anonymous readers see)',
  ],
  options: { ...dbOption, projects: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, organizations: { type: 'string' }, publish: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const projects = Number(stringOption(values, 'projects'));
    const seed = Number(stringOption(values, 'seed') ?? '1');
    if (!Number.isSafeInteger(projects) || projects < 0 || !Number.isSafeInteger(seed)) {
      io.stderr(`--projects と --seed は 0 以上の整数です / --projects and --seed take whole numbers ≥ 0\n  ${this.usage}\n`);
      return 1;
    }
    if (stringOption(values, 'organizations') !== undefined) return generateDatabase(values, io, projects, seed);
    const json = JSON.stringify(generateDocument({ projects, seed }));
    const out = stringOption(values, 'out');
    if (out) {
      await writeFile(out, json);
      io.stdout(formatWritten([`架空の組織（${projects}事業、hyoka/1 JSON）`, `a synthetic organization (${projects} projects, hyoka/1 JSON)`], out, Buffer.byteLength(json)));
    } else io.stdout(`${json}\n`);
    return 0;
  },
};

async function generateDatabase(values: OptionValues, io: CliIo, projects: number, seed: number): Promise<number> {
  const organizations = Number(stringOption(values, 'organizations'));
  const started = performance.now();
  return withContext(values, io.env, async (ctx) => {
    await generateInto(ctx, {
      organizations,
      projects,
      firstSeed: seed,
      publish: values.publish === true,
      onOrganization: (done) => {
        if (done % 10 === 0 || done === organizations) io.stderr(`… ${done} / ${organizations} 団体 / organizations\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    io.stdout(`架空の組織 ${organizations} 団体 × ${projects} 事業を読み込みました / Imported ${organizations} synthetic organizations × ${projects} projects in ${seconds.toFixed(1)} s\n`);
    return 0;
  });
}
