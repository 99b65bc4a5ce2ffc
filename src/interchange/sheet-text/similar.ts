// Names the text layer spelled two ways (No. 6 インフォーメーション, No. 8 インフォメーション):
// one edit apart in a long name is the same name; two texts one lost character apart
// (No. 30's summary lost the 一 of 一元的) are the same text.

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[y.length] as number;
}

const MIN_LENGTH_FOR_FUZZY = 8;

export function sameProjectName(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min([...a].length, [...b].length) >= MIN_LENGTH_FOR_FUZZY && editDistance(a, b, 1) <= 1;
}

/**
 * `printed` (as the text layer gave it, stray spaces and all) is `longer` with one
 * character missing where the PDF wrapped a line: the gap sits next to a stray space.
 * A character missing elsewhere is the original's wording (旧本務所 beside 旧本事務所) and is kept.
 */
export function lostAtWrap(printed: string, longer: string): boolean {
  const chars = [...printed];
  const compactChars = chars.filter((c) => !/\s/u.test(c));
  const full = [...longer.replace(/\s+/gu, '')];
  if (full.length !== compactChars.length + 1 || editDistance(compactChars.join(''), full.join(''), 1) !== 1) return false;
  let gap = 0;
  while (gap < compactChars.length && compactChars[gap] === full[gap]) gap += 1;
  // The position of the gap in the printed text: after `gap` non-space characters.
  let seen = 0;
  for (let i = 0; i < chars.length; i += 1) {
    if (/\s/u.test(chars[i] as string)) continue;
    if (seen === gap) return i > 0 && /\s/u.test(chars[i - 1] as string);
    seen += 1;
  }
  return false;
}
