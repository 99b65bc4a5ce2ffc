// Indicator findings: the periods of Y (missing or unusable actuals, rates that cannot be
// computed or look wrong) and mid-term revisions without their stated reason.
import { periodAchievement, previousActualOf } from './achievement.js';
import type { Finding } from './check.js';
import { compareRational, meanPercent } from './decimal.js';
import type { Indicator, Period, Project } from './model.js';

/** Above this, a rate usually means a target set too low (the seed's 49,243.4% SNS views). */
const IMPLAUSIBLE_RATE = 500;

const NUMERIC_KINDS = {
  number: { ja: '数値', en: 'number' },
  'previous-year': { ja: '前年度比', en: 'previous-year' },
  rank: { ja: '順位', en: 'rank' },
} as const;

export function indicatorFindings(
  project: Project,
  projectPath: string,
  fiscalYear: number | null,
  rateDecimals: number,
): Finding[] {
  const findings: Finding[] = [];
  (project.indicators ?? []).forEach((indicator, i) => {
    const path = `${projectPath}.indicators[${i}]`;
    (indicator.midTerm?.revisions ?? []).forEach((revision, k) => {
      if (revision.reason.trim() === '') {
        findings.push({
          path: `${path}.midTerm.revisions[${k}]`,
          code: 'revision-without-reason',
          message: '中期目標の改訂に理由（【中期目標の変更内容】）がありません / The mid-term revision gives no reason',
        });
      }
    });
    if (fiscalYear === null) return;
    const periods = indicator.periods ?? [];
    periods.forEach((period, k) => {
      if (period.fiscalYear === fiscalYear) {
        findings.push(...periodFindings(indicator, periods, k, `${path}.periods[${k}]`, rateDecimals));
      }
    });
  });
  return findings;
}

function numericKind(period: Period): keyof typeof NUMERIC_KINDS | undefined {
  const { target } = period;
  if (typeof target === 'number') return 'number';
  if (target?.kind === 'previous-year' || target?.kind === 'rank') return target.kind;
  return undefined;
}

function periodFindings(
  indicator: Indicator,
  periods: readonly Period[],
  index: number,
  path: string,
  rateDecimals: number,
): Finding[] {
  const period = periods[index]!;
  const { target, actual, fiscalYear } = period;
  const kind = numericKind(period);
  const finding = (code: string, message: string): Finding[] => [{ path, code, message }];

  if (kind !== undefined && actual === undefined) {
    return finding('missing-actual', `${fiscalYear}年度の目標に対する実績がありません / No actual for the FY${fiscalYear} target`);
  }
  if (kind !== undefined && typeof actual === 'object') {
    const { ja, en } = NUMERIC_KINDS[kind];
    return finding(
      'actual-not-numeric',
      `${ja}の目標には数値の実績が必要です（「${actual.text}」） / A ${en} target needs a numeric actual, not “${actual.text}”`,
    );
  }
  if (typeof target === 'object' && target.kind === 'qualitative' && typeof actual === 'object' && actual.achieved === undefined) {
    return finding(
      'qualitative-without-achieved',
      '定性的な実績に達成・未達成（achieved）が入力されていません / The qualitative actual does not say whether the target was achieved',
    );
  }
  if (typeof target === 'object' && target.kind === 'previous-year' && target.base === undefined && previousActualOf(periods, index) === undefined) {
    return finding(
      'previous-year-without-base',
      `前年度比の目標に基準値がなく、${fiscalYear - 1}年度の数値の実績もありません / ` +
        `The previous-year target has no base and FY${fiscalYear - 1} has no numeric actual`,
    );
  }
  if (typeof actual !== 'number') return [];

  const { exactRate, achievementRate } = periodAchievement(periods, index, indicator.better, rateDecimals);
  if (exactRate && compareRational(meanPercent([exactRate]), IMPLAUSIBLE_RATE) > 0) {
    const shown = formatRate(achievementRate!, rateDecimals);
    return finding(
      'rate-above-500',
      `達成率 ${shown}% は${IMPLAUSIBLE_RATE}%を超えています。目標が低すぎないか確認してください / ` +
        `The achievement rate ${shown}% is above ${IMPLAUSIBLE_RATE}%: check whether the target is set too low`,
    );
  }
  const base = typeof target === 'object' && target.kind === 'previous-year' && target.direction !== 'decrease'
    ? (target.base ?? previousActualOf(periods, index))
    : undefined;
  const divisorNotPositive = (typeof target === 'number' && indicator.better !== 'lower' && target <= 0) || (base !== undefined && base <= 0);
  if (divisorNotPositive) {
    return finding(
      'rate-undefined',
      '目標（前年度比の基準）が0以下のため達成率を計算できません / The achievement rate cannot be computed: the target (or previous-year base) is 0 or less',
    );
  }
  return [];
}

function formatRate(rate: number, decimals: number): string {
  return rate.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
