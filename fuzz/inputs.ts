// The files a fuzz run feeds each reader: the demo's own files (its hyoka/1 document, data
// workbook and template, periods and budgets CSV in UTF-8 and CP932, the sheet's text),
// spoiled at random — cut short, bytes changed, hostile text or values put in, parts of a
// workbook rewritten — and some plain random bytes. Each says how it was made.
import { readFileSync } from 'node:fs';
import { makeZip } from '../src/interchange/xlsx/test-support.js';
import type { ImportFormat } from '../src/services/files.js';
import { HOSTILE_TEXT, hostileValue, mutateBytes, mutateText } from './mutate.js';
import type { Random } from './random.js';

export interface FuzzInput {
  bytes: Buffer;
  /** How it was made: `json/structure`, `xlsx/part`… */
  how: string;
}

export interface Seeds {
  json: Buffer;
  workbooks: { name: string; data: Buffer }[][];
  csv: Buffer[];
  sheetText: Buffer;
}

export type Generator = (random: Random) => FuzzInput;

export const SHEET_TEXT = new URL('../data/kitakyushu.sheet.txt', import.meta.url);

function repeat<T>(random: Random, times: [number, number], value: T, change: (value: T) => T): T {
  let out = value;
  for (let i = 0, n = random.int(...times); i < n; i++) out = change(out);
  return out;
}

/** Every (parent, key) of a parsed JSON value, for structural changes. */
function slots(value: unknown, out: (string | number)[][] = [], path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([...path, i]), slots(item, out, [...path, i])));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push([...path, key]), slots(item, out, [...path, key]);
  return out;
}

function jsonGenerator(seed: Buffer): Generator {
  const parsed = JSON.parse(seed.toString('utf8')) as unknown;
  const places = slots(parsed);
  return (random) => {
    const roll = random.next();
    if (roll < 0.15) return { bytes: seed.subarray(0, random.int(0, seed.length - 1)), how: 'json/truncated' };
    if (roll < 0.35) return { bytes: repeat(random, [1, 3], seed, (b) => mutateBytes(b, random)), how: 'json/bytes' };
    if (roll < 0.55) return { bytes: Buffer.from(repeat(random, [1, 3], seed.toString('utf8'), (t) => mutateText(t, random))), how: 'json/text' };
    if (roll < 0.92) {
      const document = structuredClone(parsed) as Record<string | number, unknown>;
      for (let i = 0, n = random.int(1, 3); i < n; i++) {
        const path = random.pick(places);
        let parent: any = document;
        for (const segment of path.slice(0, -1)) parent = parent?.[segment];
        if (parent === null || typeof parent !== 'object') continue;
        const key = path[path.length - 1]!;
        const change = random.int(0, 5);
        if (change === 0) delete parent[key];
        else if (change === 1 && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        else if (change >= 4) parent[key] = sameKind(parent[key], random);
        else parent[key] = hostileValue(random);
      }
      return { bytes: Buffer.from(JSON.stringify(document)), how: 'json/structure' };
    }
    const text = random.pick(['', '{}', '[]', 'null', '"hyoka/1"', '{"format":"hyoka/1"}', JSON.stringify(hostileValue(random))]);
    return random.chance(0.5) ? { bytes: Buffer.from(text), how: 'json/small' } : { bytes: random.bytes(random.int(0, 4096)), how: 'json/random' };
  };
}

/** Another value of the same type, so that many changed documents stay valid and get written. */
function sameKind(value: unknown, random: Random): unknown {
  if (typeof value === 'string') return random.pick(['', '𩸽と"引用"', 'a\tb\nc', `${value}${value}`, '＝１', 'x'.repeat(random.int(1, 600)), value.slice(0, 1)]);
  if (typeof value === 'number') return random.pick([0, 1, value + 1, value * 10, -value, Math.round(value * 1.05), 0.5]);
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return random.chance(0.5) ? [] : value.slice(0, random.int(0, value.length));
  return value;
}

const XML_VALUE = /<(v|t)( [^>]*)?>([^<]*)<\/\1>/g;

/** A workbook part's XML with one change: a cell value, hostile text (escaped or not), a cut. */
function mutateXml(xml: string, random: Random): string {
  const roll = random.next();
  if (roll < 0.5) {
    const matches = [...xml.matchAll(XML_VALUE)];
    if (matches.length > 0) {
      const match = random.pick(matches);
      const raw = String(random.chance(0.5) ? random.pick(HOSTILE_TEXT) : hostileValue(random));
      const value = random.chance(0.8) ? raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : raw;
      const at = match.index!;
      return `${xml.slice(0, at)}<${match[1]}${match[2] ?? ''}>${value}</${match[1]}>${xml.slice(at + match[0].length)}`;
    }
  }
  if (roll < 0.6) return xml.replace(/<c r="([A-Z]+)(\d+)"/, (_, column: string, row: string) => `<c r="${column}${Number(row) * random.int(1, 100_000)}"`);
  if (roll < 0.7) return xml.replace(/ref="([A-Z]+\d+:[A-Z]+\d+)"/, `ref="A1:${random.pick(['XFD1048576', 'Z100', 'A1', 'nonsense'])}"`);
  return mutateText(xml, random);
}

function xlsxGenerator(workbooks: { name: string; data: Buffer }[][]): Generator {
  const whole = workbooks.map((parts) => makeZip(parts));
  return (random) => {
    const roll = random.next();
    const index = random.int(0, workbooks.length - 1);
    if (roll < 0.15) return { bytes: whole[index]!.subarray(0, random.int(0, whole[index]!.length - 1)), how: 'xlsx/truncated' };
    if (roll < 0.3) return { bytes: repeat(random, [1, 3], whole[index]!, (b) => mutateBytes(b, random)), how: 'xlsx/bytes' };
    if (roll < 0.9) {
      const parts = workbooks[index]!.map((part) => ({ ...part }));
      for (let i = 0, n = random.int(1, 3); i < n; i++) {
        const change = random.next();
        const xml = parts.filter((part) => part.name.endsWith('.xml'));
        const target = random.chance(0.7) ? random.pick(xml.filter((p) => /worksheets|sharedStrings/.test(p.name))) : random.pick(parts);
        if (!target) continue;
        if (change < 0.85) target.data = Buffer.from(mutateXml(target.data.toString('utf8'), random));
        else if (change < 0.92) parts.splice(parts.indexOf(target), 1);
        else parts.push({ name: random.pick(['xl/worksheets/sheet99.xml', 'a/xl/worksheets/sheet1.xml', 'xl/comments1.xml', '../evil.xml']), data: target.data });
      }
      return { bytes: makeZip(parts), how: 'xlsx/part' };
    }
    return { bytes: random.bytes(random.int(0, 8192)), how: 'xlsx/random' };
  };
}

function csvGenerator(seeds: Buffer[]): Generator {
  return (random) => {
    const seed = random.pick(seeds);
    const roll = random.next();
    if (roll < 0.15) return { bytes: seed.subarray(0, random.int(0, seed.length - 1)), how: 'csv/truncated' };
    if (roll < 0.3) return { bytes: repeat(random, [1, 3], seed, (b) => mutateBytes(b, random)), how: 'csv/bytes' };
    const utf8 = seed[0] === 0xef;
    if (utf8 && roll < 0.5) return { bytes: Buffer.from(repeat(random, [1, 3], seed.toString('utf8'), (t) => mutateText(t, random))), how: 'csv/text' };
    if (utf8 && roll < 0.9) {
      const lines = seed.toString('utf8').split('\r\n');
      for (let i = 0, n = random.int(1, 4); i < n; i++) {
        const at = random.int(0, lines.length - 1);
        const change = random.next();
        if (change < 0.7) {
          const cells = lines[at]!.split(',');
          const value = String(random.chance(0.6) ? random.pick(HOSTILE_TEXT) : hostileValue(random));
          cells[random.int(0, cells.length - 1)] = random.chance(0.5) ? `"${value.replace(/"/g, '""')}"` : value;
          lines[at] = cells.join(',');
        } else if (change < 0.85) lines.splice(at, 1);
        else lines.splice(at, 0, lines[at]!);
      }
      return { bytes: Buffer.from(lines.join('\r\n')), how: 'csv/cells' };
    }
    return { bytes: random.bytes(random.int(0, 4096)), how: 'csv/random' };
  };
}

function sheetTextGenerator(seed: Buffer): Generator {
  const text = seed.toString('utf8');
  return (random) => {
    const roll = random.next();
    if (roll < 0.05) return { bytes: Buffer.from(random.pick(['', '\t'.repeat(random.int(1, 100_000)), '\n'.repeat(1000), 'No.\t1'])), how: 'sheet-text/blank' };
    if (roll < 0.2) return { bytes: seed.subarray(0, random.int(0, seed.length - 1)), how: 'sheet-text/truncated' };
    if (roll < 0.35) return { bytes: repeat(random, [1, 3], seed, (b) => mutateBytes(b, random)), how: 'sheet-text/bytes' };
    if (roll < 0.65) return { bytes: Buffer.from(repeat(random, [1, 5], text, (t) => mutateText(t, random))), how: 'sheet-text/text' };
    if (roll < 0.92) {
      const lines = text.split('\n');
      for (let i = 0, n = random.int(1, 6); i < n; i++) {
        const at = random.int(0, lines.length - 1);
        const change = random.next();
        if (change < 0.3) lines.splice(at, 1);
        else if (change < 0.5) lines.splice(random.int(0, lines.length - 1), 0, lines[at]!);
        else {
          const cells = lines[at]!.split('\t');
          cells[random.int(0, cells.length - 1)] = String(random.chance(0.6) ? random.pick(HOSTILE_TEXT) : hostileValue(random));
          lines[at] = cells.join('\t');
        }
      }
      return { bytes: Buffer.from(lines.join('\n')), how: 'sheet-text/lines' };
    }
    return { bytes: random.bytes(random.int(0, 8192)), how: 'sheet-text/random' };
  };
}

export function generators(seeds: Seeds): Record<ImportFormat, Generator> {
  return {
    json: jsonGenerator(seeds.json),
    xlsx: xlsxGenerator(seeds.workbooks),
    csv: csvGenerator(seeds.csv),
    'sheet-text': sheetTextGenerator(seeds.sheetText),
  };
}

export function sheetTextSeed(): Buffer {
  return readFileSync(SHEET_TEXT);
}
