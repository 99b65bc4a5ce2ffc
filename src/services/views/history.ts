// The change log as pages show it (the project page's history section, /history): each entry
// with its time in Japan, who, the channel in Japanese and English, the path, before and after
// as short text, and the project it belongs to (for a link).
import { pathSegments } from '../../interchange/change-path.js';
import type { HistoryEntry } from '../history.js';
import { STAGE_LABELS } from './cycle-labels.js';

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

/** An ISO 8601 instant as pages print it (Japan time). */
export function japanTime(iso: string): string {
  return TIME.format(new Date(iso));
}

/** The records a first import adds, in the sheet's words. */
const RECORD_LABELS: Record<string, string> = {
  policies: '施策',
  projects: '事業',
  placements: '掲載行',
  indicators: '成果指標',
  periods: '年度別の値',
  budgets: '予算',
  personnelCosts: '人件費',
  evaluations: '事業評価',
  policyEvaluations: '局施策評価',
};

/** The first import's entry: what was registered, counted by kind. */
function registered(value: unknown): string {
  const { organization, added } = (value ?? {}) as { organization?: { name?: string; code?: string }; added?: Record<string, number> };
  const name = organization?.name ?? '';
  const code = organization?.code !== undefined ? `（${organization.code}）` : '';
  const counts = Object.entries(added ?? {}).map(([kind, count]) => `${RECORD_LABELS[kind] ?? kind} ${count.toLocaleString('ja-JP')}`);
  return `${name}${code}を登録：${counts.join('・')}`;
}

/** A value as one short line: text as written, anything else as JSON, cut at `max` characters. */
export function shortText(value: unknown, max = 120): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A cycle entry's stage in Japanese with its name (作成中 draft); any other value as short text. */
function stageOr(entry: HistoryEntry, value: unknown): string {
  const label = entry.channel === 'cycle' && typeof value === 'string' ? STAGE_LABELS[value] : undefined;
  return label === undefined ? shortText(value) : `${label.ja} ${value}`;
}

export function historyRows(entries: readonly HistoryEntry[]): HistoryRow[] {
  return entries.map((entry) => {
    const [top, key] = pathSegments(entry.path);
    const row: HistoryRow = {
      id: entry.id,
      at: japanTime(entry.at),
      iso: entry.at,
      actor: entry.actor,
      channel: CHANNELS[entry.channel] ?? { ja: entry.channel, en: entry.channel },
      path: entry.path === '' ? '（団体の登録 / the organization’s first import）' : entry.path,
      before: stageOr(entry, entry.before),
      after: entry.path === '' ? registered(entry.after) : stageOr(entry, entry.after),
    };
    if (top === 'projects' && key !== undefined) row.project = key;
    if (entry.comment !== undefined) row.comment = entry.comment;
    return row;
  });
}
