// Figures over every organization of the database at once (the national aggregate): summed in
// the database, grouped by a project's SDG list as stored, so what comes back is a row per
// distinct list (a few hundred at most) however many cities and projects there are.
import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../dialect.js';
import type { Handles } from '../handles.js';

/** One distinct SDG list (JSON text, as stored) and the sums over the projects that carry it. */
export interface SdgListSums {
  /** The stored list, e.g. "[3,11]". */
  sdgs: string;
  projects: number;
  /** Sum of the fiscal year's budgets. */
  budget: number;
  /** Periods of the fiscal year with a numerical target and a numerical actual. */
  measured: number;
  /** Of those, the ones that reached the target in the indicator's direction (lower is better, or higher). */
  achieved: number;
}

export type AggregatesRepository = ReturnType<typeof aggregatesRepository>;

/**
 * A stored target or actual that is a JSON number: the others are objects (`{"kind":…}`,
 * `{"text":…}`). The first character decides, which is far cheaper than a pattern over every row.
 */
function isNumber(column: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`substr(${column}, 1, 1) in ('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9')`;
}

function asNumber(dialect: DialectName, column: RawBuilder<unknown>): RawBuilder<number> {
  return dialect === 'postgres' ? sql<number>`cast(${column} as double precision)` : sql<number>`cast(${column} as real)`;
}

export function aggregatesRepository({ reader, dialect }: Handles) {
  return {
    /** Every organization's projects with an SDG list, summed per distinct list for one fiscal year. */
    async sdgSums(fiscalYear: number): Promise<SdgListSums[]> {
      const target = sql`pe.target`;
      const actual = sql`pe.actual`;
      const [counts, budgets, periods] = await Promise.all([
        sql<{ sdgs: string; projects: string | number }>`
          select sdgs, count(*) as projects
          from projects where sdgs is not null group by sdgs`.execute(reader),
        sql<{ sdgs: string; budget: string | number | null }>`
          select p.sdgs as sdgs, sum(b.amount) as budget
          from budgets b join projects p on p.id = b.project_id
          where b.fiscal_year = ${fiscalYear} and p.sdgs is not null group by p.sdgs`.execute(reader),
        sql<{ sdgs: string; measured: string | number; achieved: string | number | null }>`
          select p.sdgs as sdgs, count(*) as measured,
            sum(case when (i.better = 'lower' and ${asNumber(dialect, actual)} <= ${asNumber(dialect, target)})
                       or (coalesce(i.better, 'higher') <> 'lower' and ${asNumber(dialect, actual)} >= ${asNumber(dialect, target)})
                     then 1 else 0 end) as achieved
          from periods pe join indicators i on i.id = pe.indicator_id join projects p on p.id = i.project_id
          where pe.fiscal_year = ${fiscalYear} and p.sdgs is not null
            and ${isNumber(target)} and ${isNumber(actual)}
          group by p.sdgs`.execute(reader),
      ]);
      const budgetOf = new Map(budgets.rows.map((row) => [row.sdgs, Number(row.budget ?? 0)]));
      const periodsOf = new Map(periods.rows.map((row) => [row.sdgs, row]));
      return counts.rows.map((row) => ({
        sdgs: row.sdgs,
        projects: Number(row.projects),
        budget: budgetOf.get(row.sdgs) ?? 0,
        measured: Number(periodsOf.get(row.sdgs)?.measured ?? 0),
        achieved: Number(periodsOf.get(row.sdgs)?.achieved ?? 0),
      }));
    },
  };
}
