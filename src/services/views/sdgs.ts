// Projects and budget by SDG goal for one fiscal year's sheet: per goal, the rows (No.)
// and projects that name it and the budget of the sheet's later budget year (R3年度の評価 →
// R5年度予算額). A project counts under each goal of its rows, so the goals' budgets add up
// to more than the total, which is given beside them counted once.
import type { Sheet, SheetRow } from '../../interchange/sheet-rows.js';

export interface SdgProject {
  key: string;
  name: string;
  division: string;
  /** The rows (No.) of the project that name this goal. */
  nos: number[];
  /** Thousand yen, of `SdgsView.budgetYear`; undefined where the project has none. */
  budget?: number;
}

export interface SdgGoalView {
  goal: number;
  rows: number;
  /** The projects naming the goal (on a page, those of the page: `projectCount` counts them all). */
  projects: SdgProject[];
  projectCount: number;
  /** Sum of the projects' budgets (thousand yen). */
  budget: number;
}

export interface SdgsView {
  fiscalYear: number;
  budgetYear: number;
  /** Goals named by at least one row, in goal order. */
  goals: SdgGoalView[];
  /** Rows and projects naming no goal. */
  withoutGoal: { rows: number; projects: SdgProject[] };
  total: { rows: number; projects: number; budget: number };
}

export function sdgsView(sheet: Sheet): SdgsView {
  const budgetIndex = sheet.budgetYears.length - 1;
  const budgetYear = sheet.budgetYears[budgetIndex] ?? sheet.fiscalYear + 2;
  const byGoal = new Map<number, { rows: number; projects: Map<string, SdgProject> }>();
  const none = { rows: 0, projects: new Map<string, SdgProject>() };
  const allProjects = new Map<string, number | undefined>();
  for (const row of sheet.rows) {
    const budget = row.budgets[budgetIndex];
    allProjects.set(row.projectKey, budget);
    const buckets = row.sdgs.length === 0 ? [none] : [...new Set(row.sdgs)].map((goal) => bucket(byGoal, goal));
    for (const entry of buckets) {
      entry.rows += 1;
      addRow(entry.projects, row, budget);
    }
  }
  const goals = [...byGoal.entries()]
    .sort(([a], [b]) => a - b)
    .map(([goal, entry]) => {
      const projects = sortedProjects(entry.projects);
      return { goal, rows: entry.rows, projects, projectCount: projects.length, budget: sum(projects.map((project) => project.budget)) };
    });
  return {
    fiscalYear: sheet.fiscalYear,
    budgetYear,
    goals,
    withoutGoal: { rows: none.rows, projects: sortedProjects(none.projects) },
    total: { rows: sheet.rows.length, projects: allProjects.size, budget: sum([...allProjects.values()]) },
  };
}

/** Entries of the goals' project lists: each goal's projects, then those naming no goal. */
export function listedProjects(view: SdgsView): number {
  return view.goals.reduce((total, goal) => total + goal.projects.length, view.withoutGoal.projects.length);
}

/** The view with the project lists cut to `size` entries after the first `offset`; the figures stay the whole's. */
export function sdgsPage(view: SdgsView, { offset, size }: { offset: number; size: number }): SdgsView {
  let skip = offset;
  let room = size;
  const cut = (projects: SdgProject[]) => {
    const taken = projects.slice(skip, skip + room);
    skip = Math.max(0, skip - projects.length);
    room -= taken.length;
    return taken;
  };
  return {
    ...view,
    goals: view.goals.map((goal) => ({ ...goal, projects: cut(goal.projects) })),
    withoutGoal: { ...view.withoutGoal, projects: cut(view.withoutGoal.projects) },
  };
}

function bucket(byGoal: Map<number, { rows: number; projects: Map<string, SdgProject> }>, goal: number) {
  let entry = byGoal.get(goal);
  if (!entry) byGoal.set(goal, (entry = { rows: 0, projects: new Map() }));
  return entry;
}

function addRow(projects: Map<string, SdgProject>, row: SheetRow, budget: number | undefined): void {
  const known = projects.get(row.projectKey);
  if (known) {
    known.nos.push(row.no);
    return;
  }
  projects.set(row.projectKey, {
    key: row.projectKey,
    name: row.projectName,
    division: row.division,
    nos: [row.no],
    ...(budget !== undefined && { budget }),
  });
}

function sortedProjects(projects: Map<string, SdgProject>): SdgProject[] {
  return [...projects.values()].sort((a, b) => (a.nos[0] ?? 0) - (b.nos[0] ?? 0));
}

function sum(amounts: (number | undefined)[]): number {
  return amounts.reduce<number>((total, amount) => total + (amount ?? 0), 0);
}

/** The goals' Japanese names as the UN Information Centre gives them, with the English. */
export const SDG_NAMES: Readonly<Record<number, readonly [string, string]>> = {
  1: ['貧困をなくそう', 'No poverty'],
  2: ['飢餓をゼロに', 'Zero hunger'],
  3: ['すべての人に健康と福祉を', 'Good health and well-being'],
  4: ['質の高い教育をみんなに', 'Quality education'],
  5: ['ジェンダー平等を実現しよう', 'Gender equality'],
  6: ['安全な水とトイレを世界中に', 'Clean water and sanitation'],
  7: ['エネルギーをみんなに そしてクリーンに', 'Affordable and clean energy'],
  8: ['働きがいも経済成長も', 'Decent work and economic growth'],
  9: ['産業と技術革新の基盤をつくろう', 'Industry, innovation and infrastructure'],
  10: ['人や国の不平等をなくそう', 'Reduced inequalities'],
  11: ['住み続けられるまちづくりを', 'Sustainable cities and communities'],
  12: ['つくる責任 つかう責任', 'Responsible consumption and production'],
  13: ['気候変動に具体的な対策を', 'Climate action'],
  14: ['海の豊かさを守ろう', 'Life below water'],
  15: ['陸の豊かさも守ろう', 'Life on land'],
  16: ['平和と公正をすべての人に', 'Peace, justice and strong institutions'],
  17: ['パートナーシップで目標を達成しよう', 'Partnerships for the goals'],
};
