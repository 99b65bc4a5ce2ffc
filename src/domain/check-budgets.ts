// Budget findings: gaps in a project's budget years, and no budget for the year after Y.
import type { Finding } from './check.js';
import type { Project } from './model.js';

export function budgetFindings(project: Project, projectPath: string, fiscalYear: number | null): Finding[] {
  const path = `${projectPath}.budgets`;
  const years = [...new Set((project.budgets ?? []).map((budget) => budget.fiscalYear))].sort((a, b) => a - b);
  const findings: Finding[] = [];
  for (let i = 1; i < years.length; i++) {
    const [before, after] = [years[i - 1]!, years[i]!];
    if (after - before <= 1) continue;
    const missing = Array.from({ length: after - before - 1 }, (_, k) => before + 1 + k);
    findings.push({
      path,
      code: 'budget-gap',
      message:
        `${missing.map((y) => `${y}年度`).join('・')}の予算額がありません（${before}年度と${after}年度の間） / ` +
        `No budget for ${missing.map((y) => `FY${y}`).join(', ')}, between FY${before} and FY${after}`,
    });
  }
  if (fiscalYear !== null && !years.includes(fiscalYear + 1)) {
    findings.push({
      path,
      code: 'missing-next-budget',
      message: `${fiscalYear + 1}年度の予算額がありません / No budget for FY${fiscalYear + 1}, the year after FY${fiscalYear}`,
    });
  }
  return findings;
}
