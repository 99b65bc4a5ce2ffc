// hyoka cycle open|status Y: open the cycle of fiscal year Y (closing the open one), or print
// its overview — one line per entry: key, bureau, division, stage, scope, missing inputs.
import { cycleOverview, openCycle, type CycleOverview } from '../services/cycles.js';
import { ServiceError } from '../services/errors.js';
import type { Command } from './commands.js';
import { dbOption, orgOption, stringOption, withContext } from './store.js';

export const cycleCommand: Command = {
  summary: '評価サイクル / open the cycle of a fiscal year, or show its entries',
  usage: 'hyoka cycle open|status YEAR [--division-deadline DATE] [--bureau-deadline DATE] [--json] [--org CODE|NAME] [--db PATH]',
  help: [
    'open YEAR        open the cycle of fiscal year YEAR (e.g. 2022): an entry in draft per project with a row,',
    '                 but those whose latest course is 廃止 or 終了 (listed); the open cycle is closed',
    '--division-deadline, --bureau-deadline DATE   YYYY-MM-DD',
    'status YEAR      every entry: key, bureau, division, stage, scope, missing inputs (--json: as GET /api/v1/cycles/YEAR)',
  ],
  options: { ...dbOption, ...orgOption, 'division-deadline': { type: 'string' }, 'bureau-deadline': { type: 'string' }, json: { type: 'boolean' } },
  async run(values, [sub, yearText], io) {
    if ((sub !== 'open' && sub !== 'status') || yearText === undefined || !/^\d{4}$/.test(yearText)) {
      throw new ServiceError('invalid', `open または status と年度を指定してください / Name open or status and a year\n  ${this.usage}`);
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
      const overview = await cycleOverview(ctx, year);
      io.stdout(values.json === true ? `${JSON.stringify(overview, null, 2)}\n` : statusText(overview));
      return 0;
    });
  },
};

function statusText(overview: CycleOverview): string {
  const counts = new Map<string, number>();
  for (const entry of overview.entries) counts.set(entry.stage, (counts.get(entry.stage) ?? 0) + 1);
  const head = `FY${overview.fiscalYear}\t${overview.state}\t${[...counts].map(([stage, n]) => `${stage} ${n}`).join(', ')}\n`;
  return head + overview.entries.map((e) => `${e.key}\t${e.bureau ?? ''}\t${e.division}\t${e.stage}\t${e.scope}\t${e.missing.length === 0 ? '—' : e.missing.join(' ')}\n`).join('');
}
