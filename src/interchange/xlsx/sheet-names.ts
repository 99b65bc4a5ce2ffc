// Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, not starting or
// ending with an apostrophe, not empty, unique regardless of case.
const MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

export function sheetName(name: string): string {
  let clean = name.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim();
  if (clean === '') clean = 'シート';
  return clip(clean, MAX);
}

/** At most `max` UTF-16 units (Excel's count), never splitting a character. */
function clip(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** One valid, distinct name per input, in order: 企画調整局, 企画調整局 (2)… */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = sheetName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = clip(base, MAX - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
