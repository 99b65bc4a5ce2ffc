// What a reader of sheet text returns: the value it read, or the reason it could not,
// as a message a clerk can act on (Japanese, then English). Readers never throw on bad
// text and never fall back to zero: a value that cannot be read is a failure.

export type Reading<T> = { ok: true; value: T } | { ok: false; error: string };

export function success<T>(value: T): Reading<T> {
  return { ok: true, value };
}

export function failure<T = never>(japanese: string, english: string): Reading<T> {
  return { ok: false, error: `${japanese} / ${english}` };
}

const QUOTE_LIMIT = 40;

/** The text as it is quoted in a message: 「…」, shortened when long so the message stays readable. */
export function quote(text: string): string {
  const chars = [...text];
  const shown = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : text;
  return `「${shown}」`;
}
