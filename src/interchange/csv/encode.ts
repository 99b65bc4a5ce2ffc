// Text to bytes: UTF-8 with a BOM (Excel opens it as UTF-8 only with one), or CP932 — the
// Shift_JIS that Japanese Windows and Excel write — for offices that still need it.
// CP932 cannot hold every character: Unicode's wave dash and its family are mapped first to
// the look-alikes CP932 has (as Windows does), and any character still left over is
// reported, never replaced by `?` as iconv-lite would.
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'cp932';

// Characters that JIS X 0208 mappings give but CP932 decodes to a different code point; a
// text typed on macOS or Linux holds the former, CP932 only the latter. ¥ and ‾ would
// otherwise become the bytes of \ and ~, which read back as those.
const CP932_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['\u301C', '\uFF5E'], // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  ['\u2016', '\u2225'], // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  ['\u2212', '\uFF0D'], // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  ['\u00A2', '\uFFE0'], // ¢ → ￠
  ['\u00A3', '\uFFE1'], // £ → ￡
  ['\u00AC', '\uFFE2'], // ¬ → ￢
  ['\u2014', '\u2015'], // — EM DASH → ― HORIZONTAL BAR
  ['\u00A6', '\uFFE4'], // ¦ → ￤
  ['\u00A5', '\uFFE5'], // ¥ → ￥
  ['\u203E', '\uFFE3'], // ‾ → ￣
]);
const LOOKALIKE_PATTERN = new RegExp(`[${[...CP932_LOOKALIKES.keys()].join('')}]`, 'gu');

/** The text with the wave-dash family replaced by the characters CP932 holds. */
export function cp932Lookalikes(text: string): string {
  return text.replace(LOOKALIKE_PATTERN, (c) => CP932_LOOKALIKES.get(c) ?? c);
}

const encodable = new Map<string, boolean>();

/** Whether CP932 holds this character (one code point). */
function inCp932(char: string): boolean {
  let known = encodable.get(char);
  if (known === undefined) {
    const bytes = iconv.encode(char, 'cp932');
    // iconv-lite writes `?` for what it cannot encode; a real `?` is the only character that encodes to it.
    known = char === '?' || !(bytes.length === 1 && bytes[0] === 0x3f);
    encodable.set(char, known);
  }
  return known;
}

/** The characters of `text` that CP932 cannot hold (after cp932Lookalikes), each once, in order. */
export function notInCp932(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    if (!inCp932(char) && !found.includes(char)) found.push(char);
  }
  return found;
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** The bytes of a text known to be encodable (the writer checks cells with notInCp932 first). */
export function encodeText(text: string, encoding: CsvEncoding, options: { bom?: boolean } = {}): Uint8Array {
  if (encoding === 'cp932') return new Uint8Array(iconv.encode(text, 'cp932'));
  const body = new TextEncoder().encode(text);
  if (options.bom === false) return body;
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}

/** U+20BB7 */
export function codePointText(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
