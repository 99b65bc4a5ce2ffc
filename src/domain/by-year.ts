// Lists keyed by fiscal year (periods, budgets, evaluations) are usually written in year
// order, so the neighbour is tried before a scan.

/** The index of the record of `fiscalYear` in `list`, looking first at index `near`; -1 if none. */
export function indexOfYear(list: readonly { fiscalYear: number }[], fiscalYear: number, near = -1): number {
  if (near >= 0 && list[near]?.fiscalYear === fiscalYear) return near;
  for (let i = 0; i < list.length; i++) if (list[i]!.fiscalYear === fiscalYear) return i;
  return -1;
}

/** The record of `fiscalYear` in `list`, looking first at index `near`. */
export function findByYear<T extends { fiscalYear: number }>(
  list: readonly T[] | undefined,
  fiscalYear: number,
  near = -1,
): T | undefined {
  return list ? list[indexOfYear(list, fiscalYear, near)] : undefined;
}
