// Paths of the change log (workflow.md, "History") and of a change set: the keys from the
// organization down, then the field — `projects/kaigai-network/indicators/sns-etsuran/periods/2021/actual`.
//
//   policies/CODE[/field]                        a policy (施策)
//   policyEvaluations/CODE/BUREAU/YEAR[/field]   a bureau's evaluation (局施策評価); no bureau: an empty segment
//   projects/KEY[/field]                         a project
//   projects/KEY/placements/CODE/NO[/field]      a row of the sheet: the project under policy CODE as No. NO
//   projects/KEY/indicators/IKEY[/periods/YEAR][/field]
//   projects/KEY/budgets/YEAR/amount             and personnelCosts/YEAR, evaluations/YEAR
//   projects/KEY/placements/CODE/NO/evaluations/YEAR/grade   a row's own (and personnelCosts/YEAR)
//   organization/name, organization/code, plan/name, settings/grades …, FIELD (the document's own unknown fields)
//   projects, projects/KEY/indicators …          a list: its order (keys before and after), or `[]` against absent
//
// A key or field holding `/` or `%` has them written %2F and %25, so a path splits back
// into its segments unambiguously.

export function segment(text: string): string {
  return text.includes('/') || text.includes('%') ? text.replace(/%/g, '%25').replace(/\//g, '%2F') : text;
}

export function childPath(path: string, name: string): string {
  return path === '' ? segment(name) : `${path}/${segment(name)}`;
}

/** The segments of a path, decoded. */
export function pathSegments(path: string): string[] {
  return path.split('/').map((part) => part.replace(/%2F|%25/g, (escaped) => (escaped === '%2F' ? '/' : '%')));
}
