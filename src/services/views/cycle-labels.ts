// The cycle in the sheet's words, for pages: stages (作成中 提出済 局確認済 確定), moves (提出 局確認
// 確定 差戻し), and a change path of a refusal or a missing input written as a clerk reads it.
import { pathSegments } from '../../interchange/change-path.js';

export interface Label {
  ja: string;
  en: string;
}

export const STAGE_LABELS: Record<string, Label> = {
  draft: { ja: '作成中', en: 'Draft' },
  submitted: { ja: '提出済', en: 'Submitted' },
  reviewed: { ja: '局確認済', en: 'Reviewed' },
  approved: { ja: '確定', en: 'Approved' },
  skip: { ja: '対象外', en: 'Skip' },
};

export const MOVE_LABELS: Record<string, Label> = {
  submitted: { ja: '提出', en: 'Submit' },
  reviewed: { ja: '局確認', en: 'Review' },
  approved: { ja: '確定', en: 'Approve' },
  draft: { ja: '差戻し', en: 'Return' },
};

const EVALUATION_FIELDS: Record<string, string> = {
  grade: '評価（事業評価）',
  course: '今後の方向性',
  gradeReason: '評価の理由（提案された評価と異なる場合）',
  improvement: '強化・見直した内容',
};

/** A project's indicators by key: what a path's indicator is called, and its unit. */
export type IndicatorNames = Record<string, { name: string; unit: string }>;

export function indicatorNames(indicators: readonly { key: string; name: string; unit: string }[] = []): IndicatorNames {
  return Object.fromEntries(indicators.map(({ key, name, unit }) => [key, { name, unit }]));
}

export function stageLabel(stage: string): Label {
  return STAGE_LABELS[stage] ?? { ja: stage, en: stage };
}

/**
 * `指標「SNSフォロワー数」（人）の2022年度 実績` (the key when `indicators` does not name it),
 * `施策 IV-4-(2)-② No.3：2022年度の今後の方向性`; a path it does not know, as given.
 */
export function pathLabel(path: string, indicators: IndicatorNames = {}): string {
  const parts = pathSegments(path);
  if (parts[0] === 'stage' || parts[0] === 'comment' || parts[0] === 'to') return { stage: '段階', comment: 'コメント', to: '移動先の段階' }[parts[0]];
  let rest = parts[0] === 'projects' ? parts.slice(2) : parts;
  let prefix = parts[0] === 'projects' && parts[1] !== undefined ? `事業「${parts[1]}」` : '';
  if (rest[0] === 'placements' && rest.length >= 3) {
    prefix += `施策 ${rest[1]} No.${rest[2]}`;
    rest = rest.slice(3);
  }
  const join = (text: string) => (prefix === '' ? text : `${prefix}：${text}`);
  if (rest[0] === 'indicators' && rest[2] === 'periods' && rest[4] === 'actual') {
    const named = indicators[rest[1]!];
    return join(`指標「${named?.name ?? rest[1]}」${named?.unit ? `（${named.unit}）` : ''}の${rest[3]}年度 実績`);
  }
  if (rest[0] === 'evaluations' && rest[2] !== undefined && EVALUATION_FIELDS[rest[2]]) return join(`${rest[1]}年度の${EVALUATION_FIELDS[rest[2]]}`);
  return rest.length === 0 && prefix !== '' ? prefix : path;
}
