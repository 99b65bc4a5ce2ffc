// Rows into a draft hyoka/1 document. A project is one 事業名 + 所管課 (names one edit
// apart are one project, spelled as its lowest row spells it); what all its rows print
// alike is the project's, what a row prints differently is the row's own (interchange.md,
// "Rows"). Keys are derived in order of the lowest row: p1, p2 … and i1, i2 … within a project.
import type { Evaluation, HyokaDocument, Indicator, Placement, Policy, PolicyEvaluation, Project } from '../../domain/model.js';
import { readMidTerm } from '../../domain/target-text.js';
import { type BuildContext, buildIndicator, mergeRaw, unitOf } from './build-indicator.js';
import type { RawIndicator, RawRow, RawSheet, SheetYears } from './raw.js';
import type { Place, Reporter } from './report.js';
import { lostAtWrap, sameProjectName } from './similar.js';

export interface BuildOptions {
  organization: string;
  bureau?: string;
}

/** A printed figure that compute() recomputes: checked after the build (verify.ts). */
export interface RateCheck {
  place: Place;
  projectKey: string;
  indicatorKey: string;
  /** Keys of the other indicators printed on the same row, to recognise rates printed in another order. */
  siblings: string[];
  fiscalYear: number;
  printed: string;
}
export interface ChangeCheck {
  place: Place;
  projectKey: string;
  fiscalYear: number;
  printed: '増額' | '維持' | '減額';
}

export interface Built {
  document: HyokaDocument;
  rates: RateCheck[];
  changes: ChangeCheck[];
}

const REVISION_HEADING = '【中期目標の変更内容】';
const PREVIOUS_MID_TERM = /これまでの中期目標は「([^」]+)」/u;

export function build(sheet: RawSheet, options: BuildOptions, reporter: Reporter): Built {
  const years = sheet.years;
  if (!years) reporter.unplaced({}, 'years', '年度の見出し (R3年度 …) が読めないため、目標・実績・予算・評価は年度が分からず取り込みませんでした', 'no year header (R3年度 …) was read, so targets, actuals, budgets and evaluations could not be dated and were left out');
  const document: HyokaDocument = { format: 'hyoka/1', organization: { name: options.organization }, policies: [], projects: [] };
  const built: Built = { document, rates: [], changes: [] };
  const placed = sheet.rows.filter((row) => {
    if (row.policyCode !== undefined) return true;
    reporter.unplaced(row.place, 'policy', `No.${row.no} の施策番号が分からないため、この行は取り込みませんでした`, `No. ${row.no} has no policy code (nor a row above with one), so it was left out`);
    return false;
  });
  document.policies = policiesOf(placed);
  const groups = groupProjects([...placed].sort((a, b) => a.no - b.no), reporter);
  groups.forEach((rows, index) => {
    document.projects.push(buildProject(rows, `p${index + 1}`, years, options, reporter, built));
  });
  const policyEvaluations = policyEvaluationsOf(placed, years, options, reporter);
  if (policyEvaluations.length > 0) document.policyEvaluations = policyEvaluations;
  return built;
}

function policiesOf(rows: RawRow[]): Policy[] {
  const policies = new Map<string, Policy>();
  for (const row of rows) {
    if (row.policyCode === undefined || policies.has(row.policyCode)) continue;
    policies.set(row.policyCode, { code: row.policyCode, title: row.policyTitle ?? '' });
  }
  return [...policies.values()];
}

function groupProjects(rows: RawRow[], reporter: Reporter): RawRow[][] {
  const groups: RawRow[][] = [];
  for (const row of rows) {
    const group = groups.find((g) => (g[0] as RawRow).division === row.division && sameProjectName((g[0] as RawRow).name, row.name));
    if (!group) {
      groups.push([row]);
      continue;
    }
    const first = group[0] as RawRow;
    if (first.name !== row.name) {
      reporter.guessed(row.place, 'name', `「${row.name}」を No.${first.no} の「${first.name}」と同じ事業としました`, `took "${row.name}" as the same project as No. ${first.no}'s "${first.name}"`);
    }
    group.push(row);
  }
  return groups;
}

function buildProject(rows: RawRow[], key: string, years: SheetYears | undefined, options: BuildOptions, reporter: Reporter, built: Built): Project {
  const first = rows[0] as RawRow;
  if (first.division === undefined) reporter.unplaced(first.place, 'division', `No.${first.no} の所管課が読めません`, `cannot read No. ${first.no}'s division`);
  const project: Project = { key, name: first.name, division: first.division ?? '', placements: [] };
  if (options.bureau !== undefined) project.bureau = options.bureau;
  const summaries = repairedSummaries(rows, reporter);
  const summary = summaries.get(first);
  if (summary !== undefined) project.summary = summary;
  if (first.sdgs) project.sdgs = first.sdgs;
  const indicators = buildIndicators(rows, years, reporter, built, key);
  if (indicators.list.length > 0) project.indicators = indicators.list;
  const evaluations = rows.map((row) => evaluationOf(row, years));
  const shared = evaluations.every((e) => e !== undefined && JSON.stringify(e) === JSON.stringify(evaluations[0]));
  if (shared) project.evaluations = [evaluations[0] as Evaluation];
  addBudgets(project, rows, years, reporter, built);
  const costs = rows.map((row) => row.block?.personnelCost);
  const lastBudgetYear = years?.budgets[years.budgets.length - 1];
  const oneCost = costs.every((c) => c === costs[0]);
  if (oneCost && costs[0] !== undefined && lastBudgetYear !== undefined) project.personnelCosts = [{ fiscalYear: lastBudgetYear, amount: costs[0] }];
  rows.forEach((row, i) => {
    const placement: Placement = { policy: row.policyCode as string, no: row.no };
    const rowSummary = summaries.get(row);
    if (rowSummary !== undefined && rowSummary !== project.summary) placement.summary = rowSummary;
    if (row.sdgs && JSON.stringify(row.sdgs) !== JSON.stringify(project.sdgs)) placement.sdgs = row.sdgs;
    if (!oneCost && costs[i] !== undefined && lastBudgetYear !== undefined) placement.personnelCosts = [{ fiscalYear: lastBudgetYear, amount: costs[i] as number }];
    const keys = indicators.byRow.get(row) ?? [];
    if (keys.length !== indicators.list.length) placement.indicators = keys;
    const evaluation = evaluations[i];
    if (!shared && evaluation) placement.evaluations = [evaluation];
    project.placements.push(placement);
  });
  return project;
}

/** Each row's summary; a summary one lost character short of another row's takes the other's (No. 30). */
function repairedSummaries(rows: RawRow[], reporter: Reporter): Map<RawRow, string> {
  const out = new Map<RawRow, string>();
  for (const row of rows) {
    if (row.summary === undefined) continue;
    const fuller = rows.find((other) => other.summary !== undefined && lostAtWrap(row.summaryPrinted ?? (row.summary as string), other.summary));
    if (fuller) {
      out.set(row, fuller.summary as string);
      reporter.guessed(row.place, 'summary', `No.${row.no} の概要は No.${fuller.no} の折り返し位置で一文字欠けているため、補いました`, `No. ${row.no}'s summary is No. ${fuller.no}'s with one character lost at a line wrap; the character was restored`);
    } else out.set(row, row.summary);
  }
  return out;
}

function buildIndicators(rows: RawRow[], years: SheetYears | undefined, reporter: Reporter, built: Built, projectKey: string): { list: Indicator[]; byRow: Map<RawRow, string[]> } {
  const byName = new Map<string, { key: string; raws: RawIndicator[] }>();
  const byRow = new Map<RawRow, string[]>();
  for (const row of rows) {
    const keys: string[] = [];
    for (const raw of row.indicators) {
      if (raw.name === undefined || raw.name === '') {
        reporter.unplaced(raw.place, 'indicators', '指標名が読めない指標は取り込みませんでした', 'an indicator whose name could not be read was left out');
        continue;
      }
      let entry = byName.get(raw.name);
      if (!entry) {
        entry = { key: `i${byName.size + 1}`, raws: [] };
        byName.set(raw.name, entry);
      }
      entry.raws.push(raw);
      if (!keys.includes(entry.key)) keys.push(entry.key);
    }
    byRow.set(row, keys);
  }
  const context: BuildContext = { periods: years?.periods ?? [], reporter };
  const list: Indicator[] = [];
  for (const { key, raws } of byName.values()) {
    const merged = mergeRaw(raws, reporter);
    const indicator = buildIndicator(merged, key, context);
    if (merged.revised && indicator.midTerm) addRevision(indicator, merged, rows, reporter);
    list.push(indicator);
  }
  const fiscalYear = context.periods[0];
  for (const row of rows) {
    const keys = byRow.get(row) ?? [];
    row.indicators.forEach((raw) => {
      const entry = raw.name ? byName.get(raw.name) : undefined;
      if (!entry || raw.rate === undefined || fiscalYear === undefined) return;
      const siblings = keys.filter((k) => k !== entry.key);
      built.rates.push({ place: { ...raw.place, no: row.no }, projectKey, indicatorKey: entry.key, siblings, fiscalYear, printed: raw.rate });
    });
  }
  return { list, byRow };
}

/** ※中期目標改訂: the reason is the text after 【中期目標の変更内容】 in the improvement of a row that prints the indicator. */
function addRevision(indicator: Indicator, raw: RawIndicator, rows: RawRow[], reporter: Reporter): void {
  const row = rows.find((r) => r.indicators.some((i) => i.name === raw.name) && r.block?.improvement?.includes(REVISION_HEADING));
  const improvement = row?.block?.improvement;
  if (!improvement || !indicator.midTerm) {
    reporter.unplaced(raw.place, 'midTerm.revisions', `「${indicator.name}」は中期目標改訂と印字されていますが、変更内容が見つかりません`, `"${indicator.name}" is marked as revised, but no reason was found`);
    return;
  }
  const reason = (improvement.split(REVISION_HEADING)[1] ?? '').trim();
  if (reason === '') return;
  const revision: NonNullable<typeof indicator.midTerm.revisions>[number] = { reason };
  const previous = PREVIOUS_MID_TERM.exec(reason);
  if (previous) {
    const read = readMidTerm(previous[1] as string, unitOf([previous[1]]) || indicator.unit || undefined);
    if (read.ok && read.value) {
      const { revisions: _none, ...core } = read.value;
      revision.previous = core;
      reporter.guessed(raw.place, 'midTerm.revisions', `変更前の中期目標を本文から「${previous[1]}」と読みました`, `read the previous mid-term "${previous[1]}" from the reason`);
    }
  }
  indicator.midTerm.revisions = [revision];
}

function evaluationOf(row: RawRow, years: SheetYears | undefined): Evaluation | undefined {
  const block = row.block;
  if (!block || years?.evaluation === undefined) return undefined;
  if (block.grade === undefined && block.course === undefined && block.improvement === undefined) return undefined;
  const evaluation: Evaluation = { fiscalYear: years.evaluation };
  if (block.grade !== undefined) evaluation.grade = block.grade;
  if (block.course !== undefined) evaluation.course = block.course;
  if (block.improvement !== undefined) evaluation.improvement = block.improvement;
  return evaluation;
}

function addBudgets(project: Project, rows: RawRow[], years: SheetYears | undefined, reporter: Reporter, built: Built): void {
  if (!years) return;
  const source = rows.find((row) => (row.block?.budgets.length ?? 0) > 0);
  if (!source?.block) return;
  const amounts = source.block.budgets;
  const budgets = amounts.slice(0, years.budgets.length).map((amount, i) => ({ fiscalYear: years.budgets[i] as number, amount }));
  if (budgets.length > 0) project.budgets = budgets;
  if (amounts.length > years.budgets.length) reporter.unplaced(source.place, 'budgets', '予算額の年度が見出しから分かりません', 'the header does not say which years the budgets are for');
  for (const row of rows) {
    if (row.block && row.block.budgets.length > 0 && row.block.budgets.join() !== amounts.join()) {
      reporter.unplaced(row.place, 'budgets', `No.${row.no} の予算額が No.${source.no} と違います。No.${source.no} のものを使いました`, `No. ${row.no}'s budgets differ from No. ${source.no}'s; No. ${source.no}'s were used`);
    }
  }
  const printed = source.block.change;
  const last = budgets[budgets.length - 1];
  if (printed && last && budgets.length >= 2) built.changes.push({ place: source.place, projectKey: project.key, fiscalYear: last.fiscalYear, printed });
}

function policyEvaluationsOf(rows: RawRow[], years: SheetYears | undefined, options: BuildOptions, reporter: Reporter): PolicyEvaluation[] {
  const out = new Map<string, PolicyEvaluation>();
  for (const row of rows) {
    const block = row.block;
    if (!block || (block.policyGrade === undefined && block.policyText === undefined)) continue;
    if (years?.evaluation === undefined) continue;
    const policy = row.policyCode as string;
    const have = out.get(policy);
    if (!have) {
      const evaluation: PolicyEvaluation = { policy, fiscalYear: years.evaluation };
      if (options.bureau !== undefined) evaluation.bureau = options.bureau;
      if (block.policyGrade !== undefined) evaluation.grade = block.policyGrade;
      if (block.policyText !== undefined) evaluation.improvement = block.policyText;
      out.set(policy, evaluation);
      continue;
    }
    if (block.policyGrade !== undefined && have.grade === undefined) have.grade = block.policyGrade;
    else if (block.policyGrade !== undefined && have.grade !== block.policyGrade) {
      reporter.unplaced(row.place, 'policyEvaluation.grade', `${policy} の局施策評価が行によって違います`, `${policy}'s policy grade differs between rows`);
    }
    const text = block.policyText;
    if (text === undefined || text === have.improvement) continue;
    if (have.improvement === undefined) have.improvement = text;
    else if (!/[。.」)）]$/u.test(have.improvement)) {
      have.improvement += text;
      reporter.guessed(row.place, 'policyEvaluation.improvement', `${policy} の局施策評価の文は途中で切れていたため、No.${row.no} の欄の文を続きとしてつなげました`, `${policy}'s policy text was cut; No. ${row.no}'s cell was joined to it as its continuation`);
    } else {
      reporter.unplaced(row.place, 'policyEvaluation.improvement', `${policy} の局施策評価の文が行によって違います。最初のものを使いました`, `${policy}'s policy text differs between rows; the first was used`);
    }
  }
  return [...out.values()];
}
