// Bytes to text, with the encoding detected: UTF-8 with or without a BOM, else CP932 (what
// Excel on Japanese Windows saves as "CSV"). Strict UTF-8 decoding fails on nearly every
// Shift_JIS text of any length, so trying it first is a reliable test; ASCII reads the same
// either way. Files that are not CSV text (a workbook, UTF-16) are named so a clerk knows
// how to save them.
import { type CsvProblem, both, csvProblem } from './problems.js';

export type DetectedEncoding = 'utf-8' | 'cp932';

export type Decoded = { ok: true; text: string; encoding: DetectedEncoding; bom: boolean } | { ok: false; problem: CsvProblem };

const SAVE_AS_CSV = both(
  'Excel で「CSV UTF-8 (コンマ区切り)」または「CSV (コンマ区切り)」として保存し直してください',
  'save it again from Excel as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)"',
);

export function decodeCsv(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text !== undefined) return { ok: true, text, encoding: 'utf-8', bom: true };
    return { ok: false, problem: undecodable(bytes.subarray(3), 'utf-8') };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: csvProblem({}, `${both('UTF-16 のテキスト (「Unicode テキスト」) は読めません', 'UTF-16 text ("Unicode Text") cannot be read')}。${SAVE_AS_CSV}`) };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, problem: csvProblem({}, `${both('これは CSV ではなく Excel などのファイル (zip 形式) です', 'this is not CSV but a workbook or other zip file')}。${SAVE_AS_CSV}`) };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };
  try {
    return { ok: true, text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'cp932', bom: false };
  } catch {
    return { ok: false, problem: undecodable(bytes, 'shift_jis') };
  }
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The line of the first byte that neither UTF-8 nor CP932 can read. */
function undecodable(bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis'): CsvProblem {
  const text = new TextDecoder(encoding).decode(bytes);
  const at = text.indexOf('\uFFFD');
  const line = at < 0 ? undefined : (text.slice(0, at).match(/\r\n|\r|\n/gu)?.length ?? 0) + 1;
  const what =
    encoding === 'utf-8'
      ? both('BOM は UTF-8 を示していますが、UTF-8 として読めないバイトがあります', 'the BOM says UTF-8, but some bytes are not valid UTF-8')
      : both('UTF-8 としても CP932 (Shift_JIS) としても読めないバイトがあります', 'some bytes are neither UTF-8 nor CP932 (Shift_JIS)');
  return csvProblem(line === undefined ? {} : { line }, `${what}。${SAVE_AS_CSV}`);
}
