// What one row of the sheet (a placement) shows, by interchange.md's rule: on a placement an
// absent field means the project's; a present one, even [], replaces it on that row.
import type { Placement, Project } from './model.js';

/** The SDG goals printed on the row: its own, else the project's. */
export function rowSdgs(project: Project, placement: Placement): number[] {
  return placement.sdgs ?? project.sdgs ?? [];
}

/** The 事業概要 printed on the row: its own, else the project's. */
export function rowSummary(project: Project, placement: Placement): string {
  return placement.summary ?? project.summary ?? '';
}

/**
 * The goals a project's rows print, together, ascending. A project-level goal that every row
 * replaces (No. 4's rows carry their own) is not among them: no row of the sheet shows it.
 */
export function projectGoals(project: Project): number[] {
  const goals = new Set<number>();
  for (const placement of project.placements) for (const goal of rowSdgs(project, placement)) goals.add(goal);
  return [...goals].sort((a, b) => a - b);
}
