// Zip-bomb guard for uploaded workbooks, run before exceljs inflates anything. First the
// central directory alone: the entry count (from the end record, before any entry is
// read), each entry's declared sizes and ratio, their total. Then one bounded inflate of
// every entry through yauzl, which stops at the first byte past an entry's declared size
// (a directory that lies), and which also sums the cell ranges of merges and data
// validations: exceljs expands both cell by cell, so `A1:XFD1048576` would hang it.
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
  /** Cells covered by merges and data validations, over all sheets. */
  maxRangeCells: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxEntries: 200,
  // exceljs holds a loaded workbook in memory at about 20 times its XML: 100 MB of XML (a
  // 1,000-project data workbook has 5.4 MB) already costs gigabytes.
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxEntryUncompressed: 80 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
  maxRangeCells: 2_000_000,
};

/** Undefined when the zip may be inflated; else why not, in Japanese with English beside it. */
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
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.maxEntryUncompressed || total > limits.maxTotalUncompressed || (entry.uncompressedSize > limits.ratioFloor && ratio > limits.maxRatio)) {
        return bomb();
      }
    }
    let cells = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      cells += await inflateChecked(zip, entry, /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName));
      if (cells > limits.maxRangeCells) {
        return both(`結合セルか入力規則の範囲が広すぎます (${cells} セル以上)`, `merged or validated ranges cover too many cells (${cells} or more)`);
      }
    }
    return undefined;
  } catch {
    return both('zip の中身が壊れているか、書かれた大きさと合いません。Excel で保存し直してください', 'the zip is damaged or its entries are not the size it declares: save it again from Excel');
  } finally {
    zip.close();
  }
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const notAWorkbook = () => both('Excel ブック (.xlsx) として読めません。.xlsx で保存したファイルを選んでください', 'not an Excel workbook (.xlsx): choose a file saved as .xlsx');
const bomb = () => both('展開後の大きさが上限を超えるため読みません (zip 爆弾の疑い)', 'refused before inflating: the contents would exceed the size limits (a zip bomb?)');

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

const RANGE = /(?:sqref|mergeCell ref)="([^"]*)"/g;
const TAIL = 4096;

/** Inflates one entry (yauzl errors past its declared size); for a sheet, the cells its merges and validations cover. */
function inflateChecked(zip: yauzl.ZipFile, entry: yauzl.Entry, sheet: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      let cells = 0;
      let tail = '';
      stream.on('data', (chunk: Buffer) => {
        if (!sheet) return;
        const text = tail + chunk.toString('latin1');
        for (const match of text.matchAll(RANGE)) {
          // A match wholly inside the kept tail was counted with the previous chunk.
          if (match.index + match[0].length > tail.length) cells += rangeCells(match[1]!);
        }
        tail = text.slice(-TAIL);
      });
      stream.once('end', () => resolve(cells));
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
