// Ways to spoil a good file: cut it short, change, insert, delete or repeat its bytes, or
// put hostile text and values into it (control characters, lone surrogates, huge numbers,
// deep nesting, long strings, quotes and separators).
import type { Random } from './random.js';

/** Text a reader may choke on, inserted into text formats. */
export const HOSTILE_TEXT = [
  '\u0000', '\u0001', '\u001b[31m', '\ud800', '\udfff', '𩸽', '"', '""', "'", ',', '\t', '\r', '\n', '\r\n', '\\', '\\u0000',
  '{', '}', '[', ']', ':', '=SUM(A1)', '＝１', '@x', '-', '1e309', '-1e309', '1e21', '9007199254740993', '0.30000000000000004',
  'NaN', 'Infinity', 'null', 'true', '十', 'R3年度', '令和元年度', 'H99年度', '1,000,000,000,000,000千円', '約', '以上', '%', '位',
  '前年度比', '単年度目標設定なし', '—', '－', '№', 'No.', '【Plan】', '\ufeff', '\u2028', 'x'.repeat(600), '[' .repeat(40),
];

/** Values put into a parsed JSON document in place of one of its own. */
export function hostileValue(random: Random): unknown {
  switch (random.int(0, 14)) {
    case 0: return null;
    case 1: return random.pick([-1, 0, 1.5, 1e21, 2 ** 53, -(2 ** 53), 1e-12, 0.1 + 0.2, 1e308, 5e-324, 17, 18, 1000, 9999, 10000]);
    case 2: return random.pick(HOSTILE_TEXT);
    case 3: return '';
    case 4: return 'x'.repeat(random.pick([101, 501, 10_001]));
    case 5: return [];
    case 6: return {};
    case 7: return nested(random.int(2, 60));
    case 8: return random.chance(0.5);
    case 9: return { kind: random.pick(['rank', 'none', 'pending', 'qualitative', 'previous-year', 'other']), atMost: random.pick([0, 1, -3, '10位']), text: 'A' };
    case 10: return random.pick(['R3年度', '2021年度', '令和3年度', 'R3年', '2021', '３，１４４，０００', '3,144,000千円', '31.44億円', '5万']);
    case 11: return { text: random.pick(HOSTILE_TEXT), achieved: random.pick([true, 'yes', 1]) };
    case 12: return random.pick(['hyoka/1', 'hyoka/2', 'higher', 'lower', 'by-year', 'span', '順調', '継続', 'II-3-(3)-①']);
    case 13: return Array.from({ length: random.int(1, 5) }, () => random.int(-2, 20));
    default: return { [random.pick(['memo', '__proto__', 'constructor', 'x\u0000', 'k'.repeat(120)])]: random.pick(HOSTILE_TEXT) };
  }
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** One byte-level change: cut, flip, insert, delete, repeat or overwrite with random bytes. */
export function mutateBytes(bytes: Buffer, random: Random): Buffer {
  if (bytes.length === 0) return random.bytes(random.int(0, 64));
  const at = random.int(0, bytes.length - 1);
  switch (random.int(0, 5)) {
    case 0:
      return bytes.subarray(0, at);
    case 1: {
      const out = Buffer.from(bytes);
      for (let i = 0, n = random.int(1, 8); i < n; i++) {
        const at = random.int(0, out.length - 1);
        out[at] = out[at]! ^ (1 << random.int(0, 7));
      }
      return out;
    }
    case 2:
      return Buffer.concat([bytes.subarray(0, at), random.bytes(random.int(1, 32)), bytes.subarray(at)]);
    case 3:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + random.int(1, 4096)))]);
    case 4: {
      const end = Math.min(bytes.length, at + random.int(1, 2048));
      return Buffer.concat([bytes.subarray(0, end), bytes.subarray(at, end), bytes.subarray(end)]);
    }
    default: {
      const out = Buffer.from(bytes);
      random.bytes(Math.min(out.length - at, random.int(1, 256))).copy(out, at);
      return out;
    }
  }
}

/** One text-level change: hostile text put in, a span cut out or repeated, or the text cut short. */
export function mutateText(text: string, random: Random): string {
  const at = random.int(0, text.length);
  switch (random.int(0, 3)) {
    case 0:
      return text.slice(0, at) + random.pick(HOSTILE_TEXT) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + random.int(1, 400)));
    case 2: {
      const end = Math.min(text.length, at + random.int(1, 400));
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    }
    default:
      return text.slice(0, at);
  }
}
