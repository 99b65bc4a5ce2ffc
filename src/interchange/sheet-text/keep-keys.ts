// An old sheet read into an organization that already holds the same projects (workflow.md,
// "Files in a workflow"): the draft names its projects p1…pN and their indicators i1…iN,
// which an import would take for new records, removing the stored ones. keepStoredKeys gives
// each draft project the key of the stored project of the same name and division, and each
// of its indicators the key of that project's indicator of the same name, so that a dry run
// shows only what really differs. Names match exactly (after NFKC and spaces), else one edit
// apart in a long name (similar.ts: the text layer's lost or doubled characters); each stored
// record is matched once, in order. A draft key left unmatched that a stored record already
// uses gets a suffix, so that it is not taken for that record. A pure function.
import type { HyokaDocument, Indicator, Project } from '../../domain/model.js';
import { sameProjectName } from './similar.js';

export interface KeptKeys {
  document: HyokaDocument;
  /** Draft project key → stored key, for those matched. */
  projects: Record<string, string>;
  /** Per draft project key: draft indicator key → stored key. */
  indicators: Record<string, Record<string, string>>;
}

const normal = (text: string | undefined) => (text ?? '').normalize('NFKC').replace(/\s+/gu, ' ').trim();

/** Pairs each draft item with a stored one of the same name (exact first, then similar), each stored item once. */
function pair<T, U>(draft: readonly T[], stored: readonly U[], same: (a: T, b: U, exact: boolean) => boolean): Map<T, U> {
  const pairs = new Map<T, U>();
  const taken = new Set<U>();
  for (const exact of [true, false]) {
    for (const item of draft) {
      if (pairs.has(item)) continue;
      const match = stored.find((candidate) => !taken.has(candidate) && same(item, candidate, exact));
      if (match === undefined) continue;
      pairs.set(item, match);
      taken.add(match);
    }
  }
  return pairs;
}

const sameName = (a: string, b: string, exact: boolean) => (exact ? normal(a) === normal(b) : sameProjectName(normal(a), normal(b)));

/** A key not among `used`: the key itself, else key-2, key-3 … */
function freeKey(key: string, used: Set<string>): string {
  let candidate = key;
  for (let n = 2; used.has(candidate); n++) candidate = `${key}-${n}`;
  used.add(candidate);
  return candidate;
}

/** Renames keys in `draft` after the records of `stored` they match; `stored` undefined: the draft as it is. */
export function keepStoredKeys(stored: HyokaDocument | undefined, draft: HyokaDocument): KeptKeys {
  const kept: KeptKeys = { document: draft, projects: {}, indicators: {} };
  if (stored === undefined) return kept;
  const projectPairs = pair(draft.projects, stored.projects, (a: Project, b: Project, exact) => normal(a.division) === normal(b.division) && sameName(a.name, b.name, exact));
  const usedProjects = new Set([...projectPairs.values()].map((project) => project.key));
  const storedProjectKeys = new Set(stored.projects.map((project) => project.key));
  const projects = draft.projects.map((project) => {
    const match = projectPairs.get(project);
    const key = match ? match.key : freeKey(project.key, new Set([...usedProjects, ...storedProjectKeys]));
    usedProjects.add(key);
    if (match) kept.projects[project.key] = key;
    const indicators = renameIndicators(project, match);
    if (Object.keys(indicators.renamed).length > 0) kept.indicators[project.key] = indicators.renamed;
    return indicators.project.key === key ? indicators.project : { ...indicators.project, key };
  });
  kept.document = { ...draft, projects };
  return kept;
}

/** The project's indicators keyed after those of the stored project it matched, and its rows' indicator keys with them. */
function renameIndicators(project: Project, stored: Project | undefined): { project: Project; renamed: Record<string, string> } {
  const renamed: Record<string, string> = {};
  const draftIndicators = project.indicators ?? [];
  if (stored === undefined || draftIndicators.length === 0) return { project, renamed };
  const storedIndicators = stored.indicators ?? [];
  const pairs = pair(draftIndicators, storedIndicators, (a: Indicator, b: Indicator, exact) => sameName(a.name, b.name, exact));
  const used = new Set([...pairs.values()].map((indicator) => indicator.key));
  const storedKeys = new Set(storedIndicators.map((indicator) => indicator.key));
  const indicators = draftIndicators.map((indicator) => {
    const match = pairs.get(indicator);
    const key = match ? match.key : freeKey(indicator.key, new Set([...used, ...storedKeys]));
    used.add(key);
    if (key !== indicator.key) renamed[indicator.key] = key;
    return key === indicator.key ? indicator : { ...indicator, key };
  });
  if (Object.keys(renamed).length === 0) return { project, renamed };
  const placements = project.placements.map((placement) =>
    placement.indicators === undefined ? placement : { ...placement, indicators: placement.indicators.map((key) => renamed[key] ?? key) },
  );
  return { project: { ...project, indicators, placements }, renamed };
}
