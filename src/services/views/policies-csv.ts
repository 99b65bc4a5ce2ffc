// Policies as CSV: one line per row (No.) under each policy, with the policy's bureau
// grade; a policy without rows still has its line.
import type { CsvTable } from './csv.js';
import type { PolicyView } from './policies.js';
import { codeLevels } from './policies.js';

const HEADER = ['年度', '施策番号', '階層', '施策名', '局施策評価', '局', 'No.', '事業キー', '主な事業・取組', '所管課', '事業評価', '提案評価', '成果の方向性'] as const;

export function policiesCsv(fiscalYear: number, policies: readonly PolicyView[]): CsvTable {
  const rows: (string | number | null)[][] = [];
  for (const policy of policies) {
    const grades = policy.evaluations.map((evaluation) => (evaluation.bureau ? `${evaluation.bureau}: ` : '') + (evaluation.grade ?? '—')).join(' / ');
    const head = [fiscalYear, policy.code, codeLevels(policy.code).join(' > '), policy.title, grades];
    if (policy.rows.length === 0) rows.push([...head, null, null, null, null, null, null, null, null]);
    for (const row of policy.rows) {
      rows.push([...head, row.bureau ?? null, row.no, row.projectKey, row.projectName, row.division, row.grade ?? null, row.suggestedGrade, row.course ?? null]);
    }
  }
  return { header: HEADER, rows };
}
