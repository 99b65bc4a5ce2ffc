// Burden (workflow.md, "How it is measured"): for the demo rolled forward to a new cycle (2022),
// the mean number of inputs the overview lists as missing for an entry carried over from last
// year in `full` scope, beside the cells one row of the seed sheet makes a person type. Goal: at
// most 20%. A count, not a timing: test/burden.test.ts holds the product to it.
import { CLI, createContext } from '../src/services/context.js';
import { cycleOverview, openCycle } from '../src/services/cycles.js';
import { loadDemoIfEmpty } from '../src/services/demo.js';
import { openStore, type Store } from '../src/store/index.js';

/**
 * The cells a person types for one row of the seed sheet (data/kitakyushu.sheet.txt, No. 1: a
 * project with two indicators, as most rows have). Not typed: the policy (施策番号・施策名, the
 * page's heading), 達成率 and 事業費の増減 (computed), and the bureau's 局施策評価 and its text (one per
 * policy, not per row).
 */
export const SEED_ROW_INPUTS: readonly string[] = [
  'No.',
  'SDGsゴール番号',
  '主な事業・取組',
  '所管課名',
  '事業・取組概要',
  ...[1, 2].flatMap((n) => ['指標名', '現状値（基準値）', 'R3年度 目標', 'R4年度 目標', 'R5年度 目標', '中期目標', 'R3年度 実績'].map((cell) => `指標${n} ${cell}`)),
  '成果の方向性',
  'R4年度 予算額',
  'R5年度 予算額',
  '人件費（目安）',
  'R3年度 事業評価',
  '強化・見直した内容',
];

export interface Burden {
  fiscalYear: number;
  /** Entries in `full` scope carrying a course over from last year. */
  entries: number;
  /** The mean number of inputs the overview lists as missing for them. */
  meanMissing: number;
  /** meanMissing / SEED_ROW_INPUTS.length. */
  ratio: number;
}

/** Loads the demo into an empty store, opens the cycle after its year, and measures. */
export async function measureBurden(store: Store, fiscalYear = 2022): Promise<Burden> {
  const ctx = createContext(store, CLI);
  await loadDemoIfEmpty(ctx);
  await openCycle(ctx, fiscalYear);
  const { entries } = await cycleOverview(ctx, fiscalYear);
  const carried = entries.filter((entry) => entry.scope === 'full' && entry.carried.length > 0);
  const meanMissing = carried.reduce((sum, entry) => sum + entry.missing.length, 0) / carried.length;
  return { fiscalYear, entries: carried.length, meanMissing, ratio: meanMissing / SEED_ROW_INPUTS.length };
}

export async function benchBurden(): Promise<void> {
  const store = await openStore({ sqlitePath: ':memory:' });
  try {
    const burden = await measureBurden(store);
    console.log(`burden: the seed row's ${SEED_ROW_INPUTS.length} typed cells: ${SEED_ROW_INPUTS.join(', ')}`);
    console.log(
      `burden FY${burden.fiscalYear}: ${burden.entries} carried-over full entries ask ${burden.meanMissing.toFixed(2)} inputs on average, beside ${SEED_ROW_INPUTS.length} cells of a seed row; ratio ${burden.ratio.toFixed(2)} (goal ≤ 0.20)`,
    );
  } finally {
    await store.close();
  }
}
