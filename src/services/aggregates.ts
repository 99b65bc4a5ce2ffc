// The national aggregate: budget and achievement by SDG goal over every organization of the
// database (a prefecture's or a shared service's cities), for one fiscal year. The store sums
// per distinct SDG list; a project counts under each goal it names. It reads the data as
// stored (drafts included), so it is the console's: `hyoka aggregate sdgs`, whose CSV or JSON
// the operator publishes as open data.
import type { Column, Row } from '../interchange/csv/columns.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { ServiceError } from './errors.js';

export interface SdgGoalFigures {
  /** 1–17. */
  goal: number;
  projects: number;
  /** Sum of the fiscal year's budgets (千円) of the projects naming the goal. */
  budget: number;
  /** Indicator periods of the year with a numerical target and actual. */
  measured: number;
  /** Of those, the ones that reached their target. */
  achieved: number;
  /** achieved ÷ measured in %, one decimal; null when nothing was measured. */
  achievedPercent: number | null;
}

export interface SdgAggregate {
  fiscalYear: number;
  organizations: number;
  goals: SdgGoalFigures[];
}

const GOALS = 17;

export async function aggregateSdgs(ctx: Context, fiscalYear: number): Promise<SdgAggregate> {
  // Every organization at once, drafts included: the console (no user's organization reaches it).
  authorize(ctx, 'read-drafts');
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2999) {
    throw new ServiceError('invalid', `年度が正しくありません / Not a fiscal year: ${fiscalYear}`);
  }
  const [lists, organizations] = await Promise.all([ctx.store.aggregates.sdgSums(fiscalYear), ctx.store.organizations.list()]);
  const goals = Array.from({ length: GOALS }, (_, i) => ({ goal: i + 1, projects: 0, budget: 0, measured: 0, achieved: 0 }));
  for (const list of lists) {
    for (const goal of new Set(goalsOf(list.sdgs))) {
      const figures = goals[goal - 1]!;
      figures.projects += list.projects;
      figures.budget += list.budget;
      figures.measured += list.measured;
      figures.achieved += list.achieved;
    }
  }
  return {
    fiscalYear,
    organizations: organizations.length,
    goals: goals.map((g) => ({ ...g, achievedPercent: g.measured === 0 ? null : Math.round((g.achieved * 1000) / g.measured) / 10 })),
  };
}

/** The goals (1–17) of a stored SDG list; anything else in it is ignored. */
function goalsOf(stored: string): number[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((goal): goal is number => Number.isInteger(goal) && goal >= 1 && goal <= GOALS) : [];
}

/** The aggregate's columns, for its CSV (the one CSV writer). */
export const SDG_AGGREGATE_COLUMNS: readonly Column[] = [
  { name: 'fiscalYear', header: '年度', type: 'integer', role: 'label', ja: '集計の年度', en: 'the fiscal year aggregated' },
  { name: 'goal', header: 'SDGsゴール', type: 'integer', role: 'key', ja: 'SDGsのゴール番号 (1〜17)', en: 'the SDG goal (1–17)' },
  { name: 'projects', header: '事業数', type: 'integer', role: 'computed', ja: 'ゴールを掲げる事業の数', en: 'projects naming the goal' },
  { name: 'budget', header: '事業費', type: 'number', role: 'computed', unit: '千円', ja: 'その年度の事業費の合計', en: 'the year’s budgets, summed' },
  { name: 'measured', header: '測定指標数', type: 'integer', role: 'computed', ja: '数値の目標と実績がある指標（年度）', en: 'indicator periods with a numerical target and actual' },
  { name: 'achieved', header: '達成指標数', type: 'integer', role: 'computed', ja: 'うち目標を達成したもの', en: 'of those, the ones that reached the target' },
  { name: 'achievedPercent', header: '達成割合', type: 'number', role: 'computed', unit: '%', ja: '達成指標数 ÷ 測定指標数', en: 'achieved ÷ measured' },
];

export function sdgAggregateRows(aggregate: SdgAggregate): Row[] {
  return aggregate.goals.map((g) => ({ fiscalYear: aggregate.fiscalYear, ...g }));
}
