// Shared by the xlsx tests: the documents they write (validated, then computed as export
// writes them), the round trip's notion of "the same document", and a minimal zip writer
// to craft hostile archives byte by byte (and a reader to take archives apart).
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { HyokaDocument } from '../../domain/model.js';
import { buildRichDocument } from '../../../test/factories.js';
import { compute } from '../compute.js';
import { validateDocument } from '../validate.js';

const DEMO = new URL('../../../data/kitakyushu.hyoka.json', import.meta.url);

export function canonical(input: unknown): HyokaDocument {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.document;
}

export const demoDocument = () => canonical(JSON.parse(readFileSync(DEMO, 'utf8')));
export const richDocument = () => canonical(buildRichDocument());
export const computed = (doc: HyokaDocument) => compute(doc);

const PLACEMENT_FIELDS = new Set(['summary', 'sdgs', 'personnelCosts', 'indicators', 'evaluations']);

/**
 * The document as the round trip compares it (interchange.md): an absent list and [] alike —
 * except on a placement, where absent means "the project's" and [] means none.
 */
export function comparable(doc: HyokaDocument): unknown {
  const walk = (value: unknown, placement: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, false));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (Array.isArray(field) && field.length === 0 && !(placement && PLACEMENT_FIELDS.has(key))) continue;
      const isPlacements = key === 'placements' && Array.isArray(field);
      // defineProperty: a `__proto__` field is data here, never the prototype.
      Object.defineProperty(out, key, { value: isPlacements ? field.map((p: unknown) => walk(p, true)) : walk(field, false), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(doc, false);
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Stored (0) or deflated (8). */
  method?: 0 | 8;
  /** Sizes to declare instead of the true ones (a lying directory). */
  declaredUncompressed?: number;
}

/** The entries of a zip archive, in order, inflated (and checked against their declared sizes). */
export function unzipEntries(buffer: Uint8Array): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(buffer), { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A zip archive, written byte by byte (local headers, data, central directory, end record). */
export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(entry.data) : entry.data;
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredUncompressed ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
