// 人件費(目安) of a project for one fiscal year, the way the sheet prints and counts it.
import type { Project } from './model.js';

/** One figure as the sheet prints it, and the rows (No.) that print it. */
export interface PersonnelCostShare {
  nos: number[];
  amount: number;
}

/**
 * The figures the sheet prints for the year: one per row that carries its own (No. 32:
 * 13,300 and No. 34: 3,075), and the project's once for the rows that share it (No. 1, 2
 * and 4 repeat 13,200), ordered by their first row.
 */
export function personnelCostShares(project: Project, fiscalYear: number): PersonnelCostShare[] {
  const shares: PersonnelCostShare[] = [];
  const sharing: number[] = [];
  for (const placement of [...project.placements].sort((a, b) => a.no - b.no)) {
    if (placement.personnelCosts === undefined) {
      sharing.push(placement.no);
      continue;
    }
    const amount = placement.personnelCosts.find((cost) => cost.fiscalYear === fiscalYear)?.amount;
    if (amount !== undefined) shares.push({ nos: [placement.no], amount });
  }
  const shared = project.personnelCosts?.find((cost) => cost.fiscalYear === fiscalYear)?.amount;
  if (shared !== undefined && sharing.length > 0) shares.push({ nos: sharing, amount: shared });
  return shares.sort((a, b) => a.nos[0]! - b.nos[0]!);
}

/**
 * domain.md: where rows carry their own figures the total adds the rows'; where rows share
 * the project's figure it is counted once. A total, to be shown labelled as one.
 */
export function personnelCostOf(project: Project, fiscalYear: number): number | undefined {
  return totalOfShares(personnelCostShares(project, fiscalYear));
}

/** The total of the figures the sheet prints; undefined where it prints none. */
export function totalOfShares(shares: readonly PersonnelCostShare[]): number | undefined {
  return shares.length === 0 ? undefined : shares.reduce((total, share) => total + share.amount, 0);
}
