// The change log as pages show it (the project page's history section, /history): each entry
// with its time in Japan, who, the channel in Japanese and English, the path, before and after
// as short text, and the project it belongs to (for a link).
import { pathSegments } from '../../interchange/change-path.js';
import type { HistoryEntry } from '../history.js';

export interface HistoryRow {
  id: number;
  /** `2026-12-03 16:00` (Japan time). */
  at: string;
  /** ISO 8601, for a <time> element. */
  iso: string;
  actor: string;
  channel: { ja: string; en: string };
  path: string;
  /** The project the path is under, if any. */
  project?: string;
  before: string;
  after: string;
  comment?: string;
}

const CHANNELS: Record<string, { ja: string; en: string }> = {
  form: { ja: '画面', en: 'form' },
  api: { ja: 'API', en: 'API' },
  import: { ja: '取込み', en: 'import' },
  cycle: { ja: '評価の進行', en: 'cycle' },
  publication: { ja: '公表', en: 'publication' },
};

/** A time as pages print it: `2026-12-03 16:00`, Japan time. */
export const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** A value as one short line: text as written, anything else as JSON, cut at `max` characters. */
export function shortText(value: unknown, max = 120): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function historyRows(entries: readonly HistoryEntry[]): HistoryRow[] {
  return entries.map((entry) => {
    const [top, key] = pathSegments(entry.path);
    const row: HistoryRow = {
      id: entry.id,
      at: TIME.format(new Date(entry.at)),
      iso: entry.at,
      actor: entry.actor,
      channel: CHANNELS[entry.channel] ?? { ja: entry.channel, en: entry.channel },
      path: entry.path === '' ? '（団体の登録 / the organization’s first import）' : entry.path,
      before: shortText(entry.before),
      after: shortText(entry.after),
    };
    if (top === 'projects' && key !== undefined) row.project = key;
    if (entry.comment !== undefined) row.comment = entry.comment;
    return row;
  });
}
