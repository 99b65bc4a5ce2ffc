// Evaluation and policy findings: grades that differ from the suggestion without a reason,
// rows without an evaluation, labels outside the organization's lists, references to
// unknown policies or indicators, and policy evaluations that are missing or lack a grade.
import type { Finding } from './check.js';
import { coveredIndicators, gradeEvidence, suggestGrade } from './grade.js';
import type { Evaluation, HyokaDocument, Indicator, PolicyEvaluation, Project } from './model.js';
import type { Profile } from './profile.js';

export function evaluationFindings(
  project: Project,
  projectPath: string,
  fiscalYear: number | null,
  profile: Profile,
  policies: ReadonlySet<string>,
): Finding[] {
  const keys = new Set((project.indicators ?? []).map((indicator) => indicator.key));
  const projectEvaluated = (project.evaluations ?? []).some((evaluation) => evaluation.fiscalYear === fiscalYear);
  const findings = evaluationListFindings(project.evaluations, coveredIndicators(project), `${projectPath}.evaluations`, fiscalYear, profile);

  project.placements.forEach((placement, r) => {
    const path = `${projectPath}.placements[${r}]`;
    if (!policies.has(placement.policy)) findings.push(unknownPolicy(`${path}.policy`, placement.policy));
    (placement.indicators ?? []).forEach((key, j) => {
      if (keys.has(key)) return;
      findings.push({
        path: `${path}.indicators[${j}]`,
        code: 'unknown-indicator',
        message: `指標「${key}」はこの事業の指標にありません / The indicator ${key} is not one of the project's indicators`,
      });
    });
    const own = placement.evaluations;
    findings.push(...evaluationListFindings(own, coveredIndicators(project, placement), `${path}.evaluations`, fiscalYear, profile));
    const rowEvaluated = projectEvaluated || (own ?? []).some((evaluation) => evaluation.fiscalYear === fiscalYear);
    if (fiscalYear !== null && !rowEvaluated) {
      findings.push({
        path,
        code: 'missing-evaluation',
        message: `この行（No. ${placement.no}）には${fiscalYear}年度の事業評価がありません / Row No. ${placement.no} has no evaluation for FY${fiscalYear}`,
      });
    }
  });
  return findings;
}

function evaluationListFindings(
  evaluations: readonly Evaluation[] | undefined,
  indicators: readonly Indicator[],
  listPath: string,
  fiscalYear: number | null,
  profile: Profile,
): Finding[] {
  const findings: Finding[] = [];
  (evaluations ?? []).forEach((evaluation, e) => {
    const path = `${listPath}[${e}]`;
    const { grade, course } = evaluation;
    if (grade !== undefined && !profile.grades.includes(grade)) findings.push(unknownGrade(`${path}.grade`, grade, profile));
    if (course !== undefined && !profile.courses.includes(course)) {
      findings.push({
        path: `${path}.course`,
        code: 'unknown-course',
        message:
          `成果の方向性「${course}」は一覧（${profile.courses.join('・')}）にありません / ` +
          `The course ${course} is not in the organization's list (${profile.courses.join(', ')})`,
      });
    }
    if (evaluation.fiscalYear !== fiscalYear) return;
    if (grade === undefined) {
      findings.push({
        path,
        code: 'missing-grade',
        message: `${fiscalYear}年度の事業評価に評価（grade）がありません / The FY${fiscalYear} evaluation has no grade`,
      });
      return;
    }
    const suggested = suggestGrade(gradeEvidence(indicators, fiscalYear), profile);
    if (suggested !== null && grade !== suggested && !evaluation.gradeReason?.trim()) {
      findings.push({
        path: `${path}.grade`,
        code: 'grade-differs-without-reason',
        message:
          `評価「${grade}」が目安「${suggested}」と異なりますが、理由（gradeReason）がありません / ` +
          `The grade ${grade} differs from the suggested ${suggested} but gives no gradeReason`,
      });
    }
  });
  return findings;
}

/** Policy evaluations (局施策評価) and the policies they belong to. */
export function policyFindings(
  doc: HyokaDocument,
  fiscalYear: number | null,
  profile: Profile,
  policies: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  const evaluations = doc.policyEvaluations ?? [];
  evaluations.forEach((evaluation, i) => {
    const path = `policyEvaluations[${i}]`;
    if (!policies.has(evaluation.policy)) findings.push(unknownPolicy(`${path}.policy`, evaluation.policy));
    if (evaluation.grade !== undefined && !profile.grades.includes(evaluation.grade)) {
      findings.push(unknownGrade(`${path}.grade`, evaluation.grade, profile));
    }
    if (evaluation.fiscalYear === fiscalYear && evaluation.grade === undefined && evaluation.improvement?.trim()) {
      findings.push({
        path,
        code: 'policy-evaluation-without-grade',
        message:
          '局施策評価に強化・見直した内容がありますが、評価（grade）がありません / ' +
          'The policy evaluation has improvement text but no grade',
      });
    }
  });
  if (fiscalYear === null) return findings;

  // A policy whose rows were evaluated for Y expects the bureau's evaluation for Y too.
  const evaluatedBureaus = evaluatedRowBureaus(doc, fiscalYear);
  const evaluationsOfYear = new Map<string, PolicyEvaluation[]>();
  for (const evaluation of evaluations) {
    if (evaluation.fiscalYear !== fiscalYear) continue;
    const list = evaluationsOfYear.get(evaluation.policy);
    if (list) list.push(evaluation);
    else evaluationsOfYear.set(evaluation.policy, [evaluation]);
  }
  doc.policies.forEach((policy, i) => {
    for (const bureau of evaluatedBureaus.get(policy.code) ?? []) {
      const found = (evaluationsOfYear.get(policy.code) ?? []).some(
        (evaluation) => bureau === undefined || evaluation.bureau === undefined || evaluation.bureau === bureau,
      );
      if (found) continue;
      const by = bureau === undefined ? { ja: '', en: '' } : { ja: `（${bureau}）`, en: ` by ${bureau}` };
      findings.push({
        path: `policies[${i}]`,
        code: 'missing-policy-evaluation',
        message:
          `施策「${policy.code}」の行は${fiscalYear}年度に評価されていますが、局施策評価${by.ja}がありません / ` +
          `Rows under ${policy.code} are evaluated for FY${fiscalYear}, but the policy has no evaluation${by.en} for that year`,
      });
    }
  });
  return findings;
}

/** For each policy code, the bureaus of its rows that have an evaluation of `fiscalYear`. */
function evaluatedRowBureaus(doc: HyokaDocument, fiscalYear: number): Map<string, Set<string | undefined>> {
  const bureaus = new Map<string, Set<string | undefined>>();
  for (const project of doc.projects) {
    const projectEvaluated = (project.evaluations ?? []).some((evaluation) => evaluation.fiscalYear === fiscalYear);
    for (const placement of project.placements) {
      const evaluated = projectEvaluated || (placement.evaluations ?? []).some((evaluation) => evaluation.fiscalYear === fiscalYear);
      if (!evaluated) continue;
      const set = bureaus.get(placement.policy) ?? new Set<string | undefined>();
      set.add(project.bureau);
      bureaus.set(placement.policy, set);
    }
  }
  return bureaus;
}

function unknownPolicy(path: string, code: string): Finding {
  return {
    path,
    code: 'unknown-policy',
    message: `施策「${code}」は施策一覧にありません / The policy ${code} is not in the list of policies`,
  };
}

function unknownGrade(path: string, grade: string, profile: Profile): Finding {
  return {
    path,
    code: 'unknown-grade',
    message:
      `評価「${grade}」は評価区分（${profile.grades.join('・')}）にありません / ` +
      `The grade ${grade} is not one of the organization's grades (${profile.grades.join(', ')})`,
  };
}
