// The Check part of a project page: each indicator over the years, written as the sheet
// prints it, plus the plain numbers of target and actual that its chart draws.
import { coveredIndicators } from '../../domain/grade.js';
import type { Indicator, Project } from '../../domain/model.js';
import { formatActual, formatBaseline, formatMidTerm, formatRate, formatTarget } from '../../domain/written.js';

export interface IndicatorPeriodView {
  fiscalYear: number;
  target: string;
  actual: string;
  /** 達成率 as printed (`110.9%`, `—`) */
  rate: string;
  achieved: boolean | null;
  /** 中期目標に対する進捗 as a rate (`96.6%`, `—`) */
  midTermProgress: string;
  /** The numbers the chart draws: a number target, a numeric actual. */
  targetValue?: number;
  actualValue?: number;
}

export interface RevisionView {
  fiscalYear?: number;
  /** The mid-term before the revision, as printed. */
  previous?: string;
  reason: string;
}

export interface IndicatorView {
  key: string;
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  /** The rows that show it. */
  nos: number[];
  baseline: string;
  midTerm: string;
  revisions: RevisionView[];
  periods: IndicatorPeriodView[];
  /** Whether any year has a number to draw. */
  chartable: boolean;
}

export function indicatorViews(project: Project, rateDecimals: number): IndicatorView[] {
  return (project.indicators ?? []).map((indicator) => indicatorView(project, indicator, rateDecimals));
}

function indicatorView(project: Project, indicator: Indicator, rateDecimals: number): IndicatorView {
  const { unit, decimals } = indicator;
  const periods = [...(indicator.periods ?? [])]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map((period) => ({
      fiscalYear: period.fiscalYear,
      target: formatTarget(period.target, unit, decimals),
      actual: formatActual(period.actual, unit, decimals),
      rate: formatRate(period.achievementRate, rateDecimals),
      achieved: period.achieved ?? null,
      midTermProgress: formatRate(period.midTermProgress, rateDecimals),
      ...(typeof period.target === 'number' && { targetValue: period.target }),
      ...(typeof period.actual === 'number' && { actualValue: period.actual }),
    }));
  return {
    key: indicator.key,
    name: indicator.name,
    unit,
    better: indicator.better ?? 'higher',
    nos: project.placements
      .filter((placement) => coveredIndicators(project, placement).includes(indicator))
      .map((placement) => placement.no)
      .sort((a, b) => a - b),
    baseline: formatBaseline(indicator.baseline, unit, decimals),
    midTerm: formatMidTerm(indicator.midTerm, unit, decimals),
    revisions: (indicator.midTerm?.revisions ?? []).map((revision) => ({
      ...(revision.fiscalYear !== undefined && { fiscalYear: revision.fiscalYear }),
      ...(revision.previous !== undefined && { previous: formatMidTerm(revision.previous, unit, decimals) }),
      reason: revision.reason,
    })),
    periods,
    chartable: periods.some((period) => period.targetValue !== undefined || period.actualValue !== undefined),
  };
}
