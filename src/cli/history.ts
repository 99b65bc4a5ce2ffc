// hyoka history [KEY]: a project's change log (or, without KEY, the organization's recent
// changes), newest first, one line each: time, who, channel, path, before → after, comment.
import { organizationHistory, projectHistory, type HistoryEntry } from '../services/history.js';
import { ServiceError } from '../services/errors.js';
import type { Command } from './commands.js';
import { dbOption, orgOption, stringOption, withContext } from './store.js';

export const historyCommand: Command = {
  summary: '変更履歴 / the change log of a project, or of the organization',
  usage: 'hyoka history [KEY] [--org CODE|NAME] [--limit N] [--json] [--db PATH]',
  help: [
    'KEY              a project key: its changes; none: the organization\'s recent changes',
    '--limit N        the newest N entries (default 100, at most 1,000)',
    '--json           the entries as JSON (as GET /api/v1/projects/KEY/history answers them)',
    '--org CODE|NAME  the organization (needed when the database holds several)',
  ],
  options: { ...dbOption, ...orgOption, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, [key], io) {
    const limitText = stringOption(values, 'limit');
    if (limitText !== undefined && !/^[1-9]\d*$/.test(limitText)) {
      throw new ServiceError('invalid', `--limit は正の整数です / --limit takes a positive integer (got "${limitText}")`);
    }
    const page = limitText === undefined ? {} : { limit: Number(limitText) };
    return withContext(values, io.env, async (ctx) => {
      const entries = key === undefined ? await organizationHistory(ctx, page) : await projectHistory(ctx, key, page);
      io.stdout(values.json === true ? `${JSON.stringify(entries, null, 2)}\n` : entries.map(historyLine).join(''));
      return 0;
    });
  },
};

const shown = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

function historyLine(entry: HistoryEntry): string {
  return `${entry.at}\t${entry.actor}\t${entry.channel}\t${entry.path}\t${shown(entry.before)} → ${shown(entry.after)}${entry.comment ? `\t${entry.comment}` : ''}\n`;
}
