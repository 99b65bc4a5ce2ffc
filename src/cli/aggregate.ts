// hyoka aggregate sdgs --year Y: budget and achievement by SDG goal over every organization of
// the database, as a table on stdout, or as JSON or CSV (open data) in a file.
import { writeFile } from 'node:fs/promises';
import { tableBytes } from '../interchange/csv/table.js';
import { aggregateSdgs, SDG_AGGREGATE_COLUMNS, sdgAggregateRows, type SdgAggregate } from '../services/aggregates.js';
import { ServiceError } from '../services/errors.js';
import type { Command } from './commands.js';
import { formatWritten } from './format.js';
import { dbOption, stringOption, withContext } from './store.js';

export const aggregateCommand: Command = {
  summary: '全団体の集計（SDGsゴール別の事業費と達成状況） / figures over every organization: budget and achievement by SDG goal',
  usage: 'hyoka aggregate sdgs --year YEAR [--json | --csv] [--out FILE] [--db PATH]',
  help: [
    'sdgs             per SDG goal (1–17): projects, the year\'s budget (千円), indicator periods measured and achieved',
    '--year YEAR      the fiscal year (Western, e.g. 2021)',
    '--json, --csv    JSON or CSV (UTF-8 with BOM) instead of a table',
    '--out FILE       write to FILE instead of standard output',
    'Reads the data as stored (drafts included): publish the file it writes as open data.',
  ],
  options: { ...dbOption, year: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, out: { type: 'string' } },
  async run(values, [what], io) {
    const year = Number(stringOption(values, 'year'));
    if (what !== 'sdgs' || !Number.isInteger(year) || (values.json === true && values.csv === true)) {
      io.stderr(`集計の種類 sdgs と --year を指定してください / Name the aggregate (sdgs) and --year\n  ${this.usage}\n`);
      return 1;
    }
    return withContext(values, io.env, async (ctx) => {
      const started = performance.now();
      const aggregate = await aggregateSdgs(ctx, year);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const out = stringOption(values, 'out');
      const body = values.json === true ? `${JSON.stringify(aggregate, null, 2)}\n` : values.csv === true ? csvOf(aggregate) : tableOf(aggregate, seconds);
      if (out === undefined) {
        io.stdout(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
      } else {
        await writeFile(out, body);
        io.stdout(formatWritten([`SDGsゴール別集計（${aggregate.organizations}団体、${year}年度）`, `the SDG aggregate (${aggregate.organizations} organizations, ${year})`], out, Buffer.byteLength(body)));
      }
      return 0;
    });
  },
};

function csvOf(aggregate: SdgAggregate): Uint8Array {
  const written = tableBytes(SDG_AGGREGATE_COLUMNS, sdgAggregateRows(aggregate));
  if (!written.ok) throw new ServiceError('invalid', 'CSV に書けない値があります / The aggregate could not be written as CSV');
  return written.bytes;
}

function tableOf(aggregate: SdgAggregate, seconds: string): string {
  const lines = aggregate.goals.map(
    (g) => `${String(g.goal).padStart(2)}\t${g.projects}\t${g.budget}\t${g.measured}\t${g.achieved}\t${g.achievedPercent === null ? '—' : `${g.achievedPercent}%`}`,
  );
  return [
    `${aggregate.fiscalYear}年度 ${aggregate.organizations}団体 / fiscal year ${aggregate.fiscalYear}, ${aggregate.organizations} organizations (${seconds} s)`,
    'ゴール/goal\t事業数/projects\t事業費(千円)/budget\t測定/measured\t達成/achieved\t達成割合/share',
    ...lines,
    '',
  ].join('\n');
}
