// The PDF's line wrapping put spaces inside words, numbers and codes (`アジ ア成長研究所`,
// `18 市町`, `I-2- (2)-③`); the printed original also has real spaces (`北九州市 時と風の
// 博物館`, `(1) ウェブサイト`, `A (計画どおり)`). These heuristics tell them apart
// (domain.md, "Reading the seed"): a cell wrapped in a narrow column breaks into short
// pieces of similar length, and every space between them is stray unless it follows 。
// or a 【heading】 (a paragraph break), comes before or after a list marker `(1)`, sits
// between Latin words, or opens a label's bracket after a Latin letter or figure
// (`A (計画どおり)`, `62% (R6年度)`). A paragraph with a piece longer than a narrow column
// holds was not wrapped, so its spaces are the original's.

/** Longest piece (in characters) a narrow column of the seed holds; wider pieces mean no wrapping. */
const WRAP_WIDTH = 20;
const LIST_MARKER = /^[(（][0-9０-９]{1,2}[)）]/u;
const LATIN = /[A-Za-z]/u;
const LABEL_OPENER = /[A-Za-z0-9%％]/u;

type Gap = 'stray' | 'space' | 'break';

/** The text with stray spaces removed, real ones kept, and paragraph breaks as `\n`. */
export function despace(text: string): string {
  const source = text.replace(/[\s\u3000]+/gu, ' ').trim();
  if (!source.includes(' ')) return source;
  const pieces = source.split(' ');
  const gaps: Gap[] = [];
  for (let i = 0; i < pieces.length - 1; i += 1) gaps.push(classifyGap(pieces[i] as string, pieces[i + 1] as string));
  // Paragraphs run between breaks; a paragraph with a long piece was not wrapped.
  let start = 0;
  for (let i = 0; i <= gaps.length; i += 1) {
    if (i < gaps.length && gaps[i] !== 'break') continue;
    const paragraph = pieces.slice(start, i + 1);
    const wrapped = paragraph.every((p) => [...p].length <= WRAP_WIDTH);
    if (!wrapped) for (let g = start; g < i; g += 1) if (gaps[g] === 'stray') gaps[g] = 'space';
    start = i + 1;
  }
  let out = pieces[0] as string;
  gaps.forEach((gap, i) => {
    out += (gap === 'break' ? '\n' : gap === 'space' ? ' ' : '') + (pieces[i + 1] as string);
  });
  return out;
}

function classifyGap(before: string, after: string): Gap {
  const a = before.slice(-1);
  const b = after.slice(0, 1);
  if (a === '。' || a === '】' || b === '【') return 'break';
  if (LIST_MARKER.test(after)) return 'break';
  if (/[(（][0-9０-９]{1,2}[)）]$/u.test(before) && before.length <= 4) return 'space';
  if (LATIN.test(a) && LATIN.test(b)) return 'space';
  if (LABEL_OPENER.test(a) && (b === '(' || b === '（')) return 'space';
  return 'stray';
}

/**
 * A mid-term or baseline cell as a label: every space inside removed, then one space
 * before a closing bracket (`80%以 上 (R6年 度)` → `80%以上 (R6年度)`), as the sheet prints it.
 */
export function despaceLabel(text: string): string {
  const joined = text.replace(/[\s\u3000]+/gu, '');
  const match = /^(.+?)([(（][^()（）]*[)）])$/u.exec(joined);
  return match ? `${match[1]} ${match[2]}` : joined;
}
