// The difference between last year's text and this year's (workflow.md, "Carried over":
// reviewers see a diff against last year's 強化・見直した内容). Japanese has no spaces between
// words, so a character is the unit there; a run of Latin letters or digits is one unit, so a
// changed number or word reads whole. A longest common subsequence of the units; the parts
// kept, deleted and inserted, in order, adjacent parts of a kind merged.

export type DiffPart = { kind: 'same' | 'del' | 'ins'; text: string };

/** Beyond this many unit pairs the texts are shown as one deletion and one insertion. */
const MAX_CELLS = 4_000_000;

export function textDiff(before: string, after: string): DiffPart[] {
  const a = units(before);
  const b = units(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  if (middleA.length * middleB.length > MAX_CELLS) {
    push(parts, 'del', middleA.join(''));
    push(parts, 'ins', middleB.join(''));
  } else {
    for (const part of lcsParts(middleA, middleB)) push(parts, part.kind, part.text);
  }
  push(parts, 'same', a.slice(a.length - end).join(''));
  return parts;
}

/** Latin letters and digits in runs, whitespace in runs, every other character alone. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9]+|\s+|[\s\S]/gu) ?? [];
}

function lcsParts(a: readonly string[], b: readonly string[]): DiffPart[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i++]!);
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) push(parts, 'del', a[i++]!);
    else push(parts, 'ins', b[j++]!);
  }
  while (i < a.length) push(parts, 'del', a[i++]!);
  while (j < b.length) push(parts, 'ins', b[j++]!);
  return parts;
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
