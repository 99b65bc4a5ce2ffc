// Search tokens for Japanese text, made by the app so that SQLite (FTS5, unicode61) and
// PostgreSQL (tsvector, 'simple') index exactly the same terms. Japanese has no spaces
// between words and most words are two characters (事業, 予算), which trigram indexes never
// match: each run of CJK/kana characters becomes its overlapping bigrams instead, so any
// two or more adjacent characters are found; Latin letters and digits stay whole words,
// matched from their start (a query word is a prefix).
//
// The index only narrows the candidates: every query term is then checked as a substring
// of the folded text (phraseRanges), so 業事 does not match 事業 although both share tokens.
// Pure: no IO.

/**
 * Text as it is compared: NFKC (full-width ASCII and half-width kana become their usual
 * forms) and lower case. For search only: stored and shown text stays as written.
 */
export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, where its character came from in the original. */
  from: number[];
  to: number[];
}

// NFKC never composes across a base character and the marks that follow it (combining
// marks, the half-width voiced sound marks ﾞ ﾟ): folding cluster by cluster gives NFKC's
// result and keeps the way back to the original. Single characters, nearly all of them,
// are folded once per process (foldedChars).
const MARK = /^[\p{M}\uFF9E\uFF9F]$/u;
const markCache = new Map<number, boolean>();
const foldedChars = new Map<string, string>();

function isMark(codePoint: number): boolean {
  if (codePoint < 0x300) return false;
  let mark = markCache.get(codePoint);
  if (mark === undefined) markCache.set(codePoint, (mark = MARK.test(String.fromCodePoint(codePoint))));
  return mark;
}

function foldCluster(cluster: string, single: boolean): string {
  if (!single) return cluster.normalize('NFKC').toLowerCase();
  let piece = foldedChars.get(cluster);
  if (piece === undefined) foldedChars.set(cluster, (piece = cluster.normalize('NFKC').toLowerCase()));
  return piece;
}

/** Calls `each` with the folded form of every cluster of `text` and where the cluster lies. */
function foldEach(text: string, each: (piece: string, start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const start = i;
    i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
    let single = true;
    for (let next = text.codePointAt(i); next !== undefined && isMark(next); next = text.codePointAt(i)) {
      i += next > 0xffff ? 2 : 1;
      single = false;
    }
    each(foldCluster(text.slice(start, i), single), start, i);
  }
}

/**
 * Most texts are already NFKC and change only by lower case, letter for letter: then the
 * folded text is the lower-cased one, with the same offsets. (Σ lower-cases by context, and
 * a few letters change length, so those go cluster by cluster.)
 */
function simpleFold(text: string): string | undefined {
  if (text.normalize('NFKC') !== text || text.includes('Σ')) return undefined;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

export function foldText(text: string): FoldedText {
  const simple = simpleFold(text);
  if (simple !== undefined) {
    const from = Array.from({ length: text.length }, (_, i) => i);
    return { folded: simple, from, to: from.map((i) => i + 1) };
  }
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  foldEach(text, (piece, start, end) => {
    folded += piece;
    for (let i = 0; i < piece.length; i++) {
      from.push(start);
      to.push(end);
    }
  });
  return { folded, from, to };
}

export function fold(text: string): string {
  const simple = simpleFold(text);
  if (simple !== undefined) return simple;
  let folded = '';
  foldEach(text, (piece) => (folded += piece));
  return folded;
}

/** Characters split into bigrams: kanji, kana, hangul, and the marks written inside such words (ー 々). */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u30FC\u3005]$/u;
/** Token characters: letters and digits (the categories FTS5's unicode61 keeps too); the rest separates. */
const WORD = /^[\p{L}\p{N}]$/u;

type CharClass = 'cjk' | 'word' | 'gap';

// Classes of the characters met so far (a text has few distinct ones).
const classes = new Map<number, CharClass>();

function classOf(codePoint: number): CharClass {
  if (codePoint < 0x80) return (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39) ? 'word' : 'gap';
  let kind = classes.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    classes.set(codePoint, (kind = !WORD.test(char) ? 'gap' : CJK.test(char) ? 'cjk' : 'word'));
  }
  return kind;
}

/** A run of CJK characters or of Latin letters and digits: text.slice(start, end), `length` code points. */
interface Run {
  kind: 'cjk' | 'word';
  start: number;
  end: number;
  length: number;
}

function runsOf(folded: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (let i = 0; i < folded.length; ) {
    const codePoint = folded.codePointAt(i) as number;
    const end = i + (codePoint > 0xffff ? 2 : 1);
    const kind = classOf(codePoint);
    if (kind === 'gap') current = undefined;
    else if (current?.kind === kind) {
      current.end = end;
      current.length += 1;
    } else runs.push((current = { kind, start: i, end, length: 1 }));
    i = end;
  }
  return runs;
}

/** A run of CJK characters as overlapping bigrams; a lone character as itself. */
function bigrams(folded: string, run: Run, add: (token: string) => void): void {
  if (run.length === 1) return add(folded.slice(run.start, run.end));
  let previous = run.start;
  let i = previous + ((folded.codePointAt(previous) as number) > 0xffff ? 2 : 1);
  while (i < run.end) {
    const next = i + ((folded.codePointAt(i) as number) > 0xffff ? 2 : 1);
    add(folded.slice(previous, next));
    previous = i;
    i = next;
  }
}

/** The distinct tokens of an already folded text, as the index holds them. */
export function documentTokens(folded: string): string[] {
  const tokens = new Set<string>();
  const add = (token: string) => void tokens.add(token);
  for (const run of runsOf(folded)) {
    if (run.kind === 'word') add(folded.slice(run.start, run.end));
    else bigrams(folded, run, add);
  }
  return [...tokens];
}

/** The index's text of an already folded text: its tokens separated by spaces. */
export function tokenText(folded: string): string {
  return documentTokens(folded).join(' ');
}

export interface QueryToken {
  text: string;
  /** A Latin/digit word matches every indexed word it begins. */
  prefix: boolean;
}

export interface QueryPlan {
  /** The folded words of the query (split at spaces): each must occur in a matching text. */
  terms: string[];
  /** What the index is asked for (all of them); empty when only single characters were given. */
  tokens: QueryToken[];
}

/** Longest query accepted, in characters (the service says so to the user). */
export const MAX_QUERY_LENGTH = 200;

export function queryPlan(query: string): QueryPlan {
  const terms = [...new Set(fold(query).split(/\s+/u).filter((term) => term !== ''))];
  const tokens = new Map<string, QueryToken>();
  for (const term of terms) {
    for (const run of runsOf(term)) {
      if (run.kind === 'word') {
        const text = term.slice(run.start, run.end);
        tokens.set(text, { text, prefix: true });
      } else if (run.length >= 2) {
        bigrams(term, run, (text) => tokens.set(text, { text, prefix: false }));
      }
      // A lone CJK character of a query may sit inside a longer run of the text, where the
      // index holds only bigrams: it cannot be asked for, the substring check covers it.
    }
  }
  return { terms, tokens: [...tokens.values()] };
}

/** What the index answers for one text (the store tests hold SQLite and PostgreSQL to it). */
export function tokensMatch(tokens: readonly QueryToken[], indexed: readonly string[]): boolean {
  return tokens.every((token) => (token.prefix ? indexed.some((t) => t.startsWith(token.text)) : indexed.includes(token.text)));
}

export type Range = [start: number, end: number];

/**
 * Where each term occurs in the original text (UTF-16 offsets, sorted, overlaps merged),
 * or null when one of the terms does not occur: the phrase check after the index.
 */
export function phraseRanges(text: FoldedText, terms: readonly string[]): Range[] | null {
  if (terms.length === 0) return null;
  const found: Range[] = [];
  for (const term of terms) {
    let at = text.folded.indexOf(term);
    if (at < 0) return null;
    for (; at >= 0; at = text.folded.indexOf(term, at + term.length)) {
      found.push([text.from[at]!, text.to[at + term.length - 1]!]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
