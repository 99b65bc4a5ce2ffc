// The value a change path (relative to a project: `indicators/sns/periods/2021/actual`) names
// in a project, found by the keys the path carries — for a conflict's side-by-side table.
import { pathSegments } from '../../interchange/change-path.js';
import type { Project } from '../../domain/model.js';

type Fields = Record<string, unknown>;

/** How a record of each list is named in a path: by key, by fiscal year, or by policy and No. */
const KEYED_BY: Record<string, (record: Fields, segments: string[]) => [boolean, number]> = {
  indicators: (record, [key]) => [record.key === key, 1],
  placements: (record, [policy, no]) => [record.policy === policy && String(record.no) === no, 2],
  periods: byYear,
  budgets: byYear,
  personnelCosts: byYear,
  evaluations: byYear,
};

function byYear(record: Fields, [year]: string[]): [boolean, number] {
  return [String(record.fiscalYear) === year, 1];
}

export function valueAtPath(project: Project, path: string): unknown {
  let at: unknown = project;
  const segments = pathSegments(path);
  for (let i = 0; i < segments.length && at !== undefined; ) {
    const name = segments[i]!;
    const value = (at as Fields)[name];
    const keyed = KEYED_BY[name];
    if (!Array.isArray(value) || !keyed || i + 1 >= segments.length) {
      at = typeof at === 'object' && at !== null ? value : undefined;
      i++;
      continue;
    }
    const rest = segments.slice(i + 1);
    const [, width] = keyed({}, rest);
    at = value.find((record: Fields) => keyed(record, rest)[0]);
    i += 1 + width;
  }
  return at;
}
