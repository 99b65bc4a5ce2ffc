// Two JSON values are the same when their canonical JSON is: numbers by value (54.0 is 54),
// object keys in any order, a field set to undefined as absent, lists in order. Compared
// directly rather than by writing both out, since an import compares every field it keeps.
type Fields = Record<string, unknown>;

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  let fields = 0;
  for (const key of Object.keys(a)) {
    const value = (a as Fields)[key];
    if (value === undefined) continue;
    fields++;
    if (!Object.hasOwn(b, key) || !sameValue(value, (b as Fields)[key])) return false;
  }
  for (const key of Object.keys(b)) if ((b as Fields)[key] !== undefined) fields--;
  return fields === 0;
}
