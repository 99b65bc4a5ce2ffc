// The guard of an uploaded workbook, run before exceljs inflates anything. exceljs holds a
// loaded workbook in memory, at hundreds of bytes per cell, so the guard bounds what that
// memory depends on. First the central directory alone: the entry count (from the end
// record, before any entry is read), each entry's declared sizes and ratio, their total.
// Then one bounded inflate of every entry through yauzl, which stops at the first byte
// past an entry's declared size (a directory that lies), counting as it goes the cells,
// the cells that merges and data validations cover (exceljs expands both cell by cell:
// `A1:XFD1048576` would hang it) and the shared strings. Each refusal names the limit the
// file went past. The largest hostile workbooks within these limits peak at about 400 MB
// to read, where one of 17 MB (2.56 million cells) took 1.34 GB before cells were counted
// (`npm run bench -- xlsx-hostile`); a 3,000-project data workbook fits (390,000 cells);
// larger organizations import JSON.
import yauzl from 'yauzl';
import { both } from './cells.js';

export interface ZipLimits {
  /** The upload itself (bytes). */
  maxBytes: number;
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes (bytes). */
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  /** Uncompressed ÷ compressed, checked for entries above `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
  /** Cells written in the worksheets (`<c>` elements), over all sheets. */
  maxCells: number;
  /** Cells covered by merges and data validations, over all sheets. */
  maxRangeCells: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxEntries: 200,
  maxTotalUncompressed: 40 * 1024 * 1024,
  maxEntryUncompressed: 32 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
  maxCells: 500_000,
  maxRangeCells: 100_000,
  maxSharedStrings: 100_000,
};

/** What the inflate pass counts, summed over the entries. */
interface Counts {
  cells: number;
  rangeCells: number;
  sharedStrings: number;
}

/** Undefined when the zip may be inflated; else why not, naming the limit, in Japanese with English beside it. */
export async function checkZip(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string | undefined> {
  if (buffer.length > limits.maxBytes) {
    return both(`ファイルが大きすぎます (${mib(buffer.length)}、上限 ${mib(limits.maxBytes)})`, `the file is too large (${mib(buffer.length)}; at most ${mib(limits.maxBytes)})`);
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await open(buffer);
  } catch {
    return notAWorkbook();
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return both(`zip の中のファイルが多すぎます (${zip.entryCount} 個、上限 ${limits.maxEntries} 個)`, `too many files in the zip (${zip.entryCount}; at most ${limits.maxEntries})`);
    }
    const entries = await readDirectory(zip);
    const refused = directoryRefusal(entries, limits);
    if (refused) return refused;
    const counts: Counts = { cells: 0, rangeCells: 0, sharedStrings: 0 };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      await inflateCounted(zip, entry, counts);
      const over = countRefusal(counts, limits);
      if (over) return over;
    }
    return undefined;
  } catch {
    return both('zip の中身が壊れているか、書かれた大きさと合いません。Excel で保存し直してください', 'the zip is damaged or its entries are not the size it declares: save it again from Excel');
  } finally {
    zip.close();
  }
}

/** The declared sizes: each entry's, their ratio to the compressed size, their total. */
function directoryRefusal(entries: readonly yauzl.Entry[], limits: ZipLimits): string | undefined {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.maxEntryUncompressed) {
      return bomb(`${entry.fileName} が展開後 ${mib(entry.uncompressedSize)} (1ファイルの上限 ${mib(limits.maxEntryUncompressed)})`, `${entry.fileName} inflates to ${mib(entry.uncompressedSize)} (at most ${mib(limits.maxEntryUncompressed)} per file)`);
    }
    if (total > limits.maxTotalUncompressed) {
      return bomb(`展開後の合計が ${mib(total)} を超えます (上限 ${mib(limits.maxTotalUncompressed)})`, `the files inflate to more than ${mib(total)} in all (at most ${mib(limits.maxTotalUncompressed)})`);
    }
    if (entry.uncompressedSize > limits.ratioFloor && ratio > limits.maxRatio) {
      return bomb(`${entry.fileName} の圧縮率が ${Math.round(ratio)} 倍 (上限 ${limits.maxRatio} 倍)`, `${entry.fileName} is compressed ${Math.round(ratio)} to 1 (at most ${limits.maxRatio} to 1)`);
    }
  }
  return undefined;
}

function countRefusal(counts: Counts, limits: ZipLimits): string | undefined {
  const big = (n: number) => n.toLocaleString('en-US');
  if (counts.cells > limits.maxCells) {
    return both(
      `セルが多すぎます (${big(counts.cells)} 個以上、上限 ${big(limits.maxCells)} 個)。局ごとなどに分けるか、hyoka/1 の JSON で取り込んでください`,
      `too many cells (${big(counts.cells)} or more; at most ${big(limits.maxCells)}): split the workbook, e.g. by bureau, or import hyoka/1 JSON`,
    );
  }
  if (counts.rangeCells > limits.maxRangeCells) {
    return both(
      `結合セルか入力規則の範囲が広すぎます (${big(counts.rangeCells)} セル以上、上限 ${big(limits.maxRangeCells)} セル)`,
      `merged or validated ranges cover too many cells (${big(counts.rangeCells)} or more; at most ${big(limits.maxRangeCells)})`,
    );
  }
  if (counts.sharedStrings > limits.maxSharedStrings) {
    return both(
      `共有文字列が多すぎます (${big(counts.sharedStrings)} 個以上、上限 ${big(limits.maxSharedStrings)} 個)`,
      `too many shared strings (${big(counts.sharedStrings)} or more; at most ${big(limits.maxSharedStrings)})`,
    );
  }
  return undefined;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const notAWorkbook = () => both('Excel ブック (.xlsx) として読めません。.xlsx で保存したファイルを選んでください', 'not an Excel workbook (.xlsx): choose a file saved as .xlsx');
const bomb = (ja: string, en: string) =>
  both(`展開後の大きさが上限を超えるため読みません (zip 爆弾の疑い): ${ja}`, `refused before inflating: the contents would exceed the size limits (a zip bomb?): ${en}`);

function open(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)));
  });
}

function readDirectory(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

// Elements counted while inflating, with or without a namespace prefix (`<c `, `<x:c>`), in
// every entry: exceljs finds its parts by unanchored names (`…xl/worksheets/sheet1.xml`
// anywhere in a path), so the name of an entry does not say what exceljs will parse.
// A comment (a note on a cell) counts as a cell.
const RANGE = /(?:sqref|mergeCell ref)="([^"]*)"/g;
const CELL = /<(?:\w+:)?(?:c|comment)[\s>/]/g;
const SHARED_STRING = /<(?:\w+:)?si[\s>/]/g;
const TAIL = 4096;

/** Inflates one entry (yauzl errors past its declared size), adding what it holds to the counts. */
function inflateCounted(zip: yauzl.ZipFile, entry: yauzl.Entry, counts: Counts): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      let tail = '';
      stream.on('data', (chunk: Buffer) => {
        const text = tail + chunk.toString('latin1');
        // A match wholly inside the kept tail was counted with the previous chunk.
        const fresh = (match: RegExpMatchArray) => match.index! + match[0].length > tail.length;
        for (const match of text.matchAll(RANGE)) if (fresh(match)) counts.rangeCells += rangeCells(match[1]!);
        for (const match of text.matchAll(CELL)) if (fresh(match)) counts.cells += 1;
        for (const match of text.matchAll(SHARED_STRING)) if (fresh(match)) counts.sharedStrings += 1;
        tail = text.slice(-TAIL);
      });
      stream.once('end', () => resolve());
      stream.once('error', reject);
    });
  });
}

/** Cells covered by a space-separated list of refs (`A1`, `B2:D9`); unreadable refs count as huge. */
export function rangeCells(refs: string): number {
  let total = 0;
  for (const ref of refs.trim().split(/\s+/)) {
    if (ref === '') continue;
    const [from, to = from] = ref.split(':') as [string, string?];
    const a = cellOf(from);
    const b = cellOf(to!);
    if (!a || !b) return Number.MAX_SAFE_INTEGER;
    total += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
  }
  return total;
}

function cellOf(ref: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  let col = 0;
  for (const letter of match[1]!) col = col * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]), col };
}
