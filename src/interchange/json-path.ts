// Paths into a hyoka/1 document as problems and unknown fields name them:
// `projects[3].indicators[0].periods[1].target`, 0-based. Keys that are not plain names
// are bracketed and quoted (`settings["my key"]`) so every path reads back unambiguously.

export type PathSegment = string | number;

const PLAIN_KEY = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

export function appendKey(path: string, key: string): string {
  if (PLAIN_KEY.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

export function appendIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    path = typeof segment === 'number' ? appendIndex(path, segment) : appendKey(path, String(segment));
  }
  return path;
}

const SEGMENT = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[]+)/gu;

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(SEGMENT)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else segments.push(match[3] as string);
  }
  return segments;
}

/** Document order for paths: indices compared as numbers (`[2]` before `[10]`), a parent before its children. */
export function compareSegments(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as PathSegment;
    const y = b[i] as PathSegment;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Sorts items by their path in document order; items at the same path keep their relative order. */
export function sortByPath<T>(items: readonly T[], pathOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, segments: parsePath(pathOf(item)) }))
    .sort((a, b) => compareSegments(a.segments, b.segments) || a.index - b.index)
    .map(({ item }) => item);
}
