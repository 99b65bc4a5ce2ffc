// hyoka cycle open|status|publish|versions Y: open the cycle of fiscal year Y (closing the open
// one), print its overview — one line per entry: key, bureau, division, stage, scope, missing
// inputs — publish it as its next version, or list its published versions.
import { cycleOverview, openCycle, type CycleOverview } from '../services/cycles.js';
import { ServiceError } from '../services/errors.js';
import { listPublications, publishCycle, publishDecided, type Publication } from '../services/publications.js';
import type { Command } from './commands.js';
import { dbOption, orgOption, stringOption, withContext } from './store.js';

export const cycleCommand: Command = {
  summary: '評価サイクル / open the cycle of a fiscal year, show its entries, publish it, list its versions',
  usage: 'hyoka cycle open|status|publish|versions YEAR [--division-deadline DATE] [--bureau-deadline DATE] [--note TEXT] [--decided] [--json] [--org CODE|NAME] [--db PATH]',
  help: [
    'open YEAR        open the cycle of fiscal year YEAR (e.g. 2022): an entry in draft per project with a row,',
    '                 but those whose latest course is 廃止 or 終了 (listed); the open cycle is closed',
    '--division-deadline, --bureau-deadline DATE   YYYY-MM-DD',
    'status YEAR      every entry: key, bureau, division, stage, scope, missing inputs (--json: as GET /api/v1/cycles/YEAR)',
    'publish YEAR --note TEXT   publish the cycle: the computed document becomes its next version (every entry',
    '                 approved or skipped, else the others are listed); the note is shown with the version',
    '--decided        an evaluation decided outside hyoka: open the cycle if it has none, approve every entry, publish',
    'versions YEAR    the published versions: number, time, publisher, SHA-256, note (--json: as GET /api/v1/publications/YEAR)',
  ],
  options: {
    ...dbOption,
    ...orgOption,
    'division-deadline': { type: 'string' },
    'bureau-deadline': { type: 'string' },
    note: { type: 'string' },
    decided: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, [sub, yearText], io) {
    if (!SUBCOMMANDS.includes(sub ?? '') || yearText === undefined || !/^\d{4}$/.test(yearText)) {
      throw new ServiceError('invalid', `${SUBCOMMANDS.join('・')} のいずれかと年度を指定してください / Name one of ${SUBCOMMANDS.join(', ')} and a year\n  ${this.usage}`);
    }
    const year = Number(yearText);
    return withContext(values, io.env, async (ctx) => {
      if (sub === 'open') {
        const division = stringOption(values, 'division-deadline');
        const bureau = stringOption(values, 'bureau-deadline');
        const opened = await openCycle(ctx, year, { deadlines: { ...(division !== undefined && { division }), ...(bureau !== undefined && { bureau }) } });
        const closed = opened.closed === undefined ? '' : `; ${opened.closed}年度を終了 / FY${opened.closed} closed`;
        const carried = opened.carried === 0 ? '' : `; 前年度の方向性 ${opened.carried} 件を引継ぎ / ${opened.carried} course(s) carried over`;
        io.stdout(`${year}年度のサイクルを開始しました / Opened FY${year}: ${opened.entries} 件 / entries${closed}${carried}\n`);
        for (const { key, course } of opened.excluded) io.stdout(`除外 / left out\t${key}\t${course}\n`);
        return 0;
      }
      if (sub === 'publish') {
        const note = stringOption(values, 'note') ?? '';
        const published = await (values.decided === true ? publishDecided : publishCycle)(ctx, year, { note });
        io.stdout(`${year}年度 第${published.version}版を公表しました / Published FY${year} version ${published.version}\tsha256 ${published.sha256}\n`);
        return 0;
      }
      if (sub === 'versions') {
        const versions = (await listPublications(ctx, year)).map(({ version, publishedAt, by, note, sha256 }) => ({ version, publishedAt, by, note, sha256 }));
        io.stdout(values.json === true ? `${JSON.stringify(versions, null, 2)}\n` : versionsText(year, versions));
        return 0;
      }
      const overview = await cycleOverview(ctx, year);
      io.stdout(values.json === true ? `${JSON.stringify(overview, null, 2)}\n` : statusText(overview));
      return 0;
    });
  },
};

const SUBCOMMANDS = ['open', 'status', 'publish', 'versions'];

function versionsText(year: number, versions: Omit<Publication, 'fiscalYear'>[]): string {
  if (versions.length === 0) return `${year}年度の公表版はありません / FY${year} has no published version\n`;
  return versions.map((v) => `v${v.version}\t${v.publishedAt}\t${v.by}\t${v.sha256}\t${v.note}\n`).join('');
}

function statusText(overview: CycleOverview): string {
  const counts = new Map<string, number>();
  for (const entry of overview.entries) counts.set(entry.stage, (counts.get(entry.stage) ?? 0) + 1);
  const head = `FY${overview.fiscalYear}\t${overview.state}\t${[...counts].map(([stage, n]) => `${stage} ${n}`).join(', ')}\n`;
  return head + overview.entries.map((e) => `${e.key}\t${e.bureau ?? ''}\t${e.division}\t${e.stage}\t${e.scope}\t${e.missing.length === 0 ? '—' : e.missing.join(' ')}\n`).join('');
}
