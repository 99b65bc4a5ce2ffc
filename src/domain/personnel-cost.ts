// 人件費(目安) of a project for one fiscal year, the way the sheet counts it.
import type { Project } from './model.js';

/**
 * domain.md: where rows carry their own figures (No. 32 and 34) the total adds the rows';
 * where rows share the project's figure (No. 1, 2, 4) it is counted once.
 */
export function personnelCostOf(project: Project, fiscalYear: number): number | undefined {
  const shared = project.personnelCosts?.find((cost) => cost.fiscalYear === fiscalYear)?.amount;
  let own: number | undefined;
  let sharedUsed = false;
  for (const placement of project.placements) {
    if (placement.personnelCosts === undefined) {
      sharedUsed = true;
      continue;
    }
    const amount = placement.personnelCosts.find((cost) => cost.fiscalYear === fiscalYear)?.amount;
    if (amount !== undefined) own = (own ?? 0) + amount;
  }
  if (own === undefined) return sharedUsed ? shared : undefined;
  return own + (sharedUsed ? (shared ?? 0) : 0);
}
