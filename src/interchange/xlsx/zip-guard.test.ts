import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read-workbook.js';
import { makeZip } from './test-support.js';
import { checkZip, DEFAULT_ZIP_LIMITS, rangeCells } from './zip-guard.js';

const small = (name: string) => ({ name, data: Buffer.from('<x/>') });

describe('the zip guard', () => {
  it('lets an ordinary archive through', async () => {
    expect(await checkZip(makeZip([small('a.xml'), small('b.xml')]))).toBeUndefined();
  });

  it('refuses a central directory that claims huge sizes, before inflating anything', async () => {
    // 4 bytes of data declared as 4 GiB − 1 (as is, inflating would be cut short by yauzl; the directory alone refuses it)
    const zip = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredUncompressed: 0xffffffff }]);
    expect(await checkZip(zip)).toMatch(/zip 爆弾/);
    const reading = await readWorkbook(zip);
    expect(reading).toEqual({ ok: false, problems: [{ place: 'ブック', message: expect.stringMatching(/zip 爆弾.*zip bomb/) }] });
  });

  it('refuses too many entries from the end record alone', async () => {
    const zip = makeZip(Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => small(`f${i}.xml`)));
    expect(await checkZip(zip)).toMatch(/多すぎます \(201 個/);
  });

  it('refuses a real deflate bomb by its ratio', async () => {
    const zip = makeZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x41) }]);
    expect(zip.length).toBeLessThan(200_000);
    expect(await checkZip(zip)).toMatch(/xl\/sharedStrings\.xml is compressed \d+ to 1 \(at most 200 to 1\)/);
  });

  it('refuses a directory that understates an entry (caught while inflating, at the declared size)', async () => {
    const zip = makeZip([{ name: 'xl/styles.xml', data: Buffer.alloc(100_000, 0x20), declaredUncompressed: 10 }]);
    expect(await checkZip(zip)).toMatch(/大きさと合いません/);
  });

  it('refuses merges or validations over too many cells (exceljs expands them cell by cell)', async () => {
    const sheet = Buffer.from('<worksheet><dataValidations><dataValidation type="list" sqref="A1:XFD1048576"/></dataValidations></worksheet>');
    expect(await checkZip(makeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet }]))).toMatch(/範囲が広すぎます/);
    const merges = Buffer.from('<mergeCells>' + '<mergeCell ref="A1:Z10000"/>'.repeat(10) + '</mergeCells>');
    expect(await checkZip(makeZip([{ name: 'xl/worksheets/sheet2.xml', data: merges }]))).toMatch(/範囲が広すぎます/);
  });

  it('counts cells, prefixed or not and in any entry exceljs might parse, and names the cell limit', async () => {
    const cells = (n: number, prefix = '') => Buffer.from(`<${prefix}sheetData><${prefix}row>${`<${prefix}c r="A1"><${prefix}v>1</${prefix}v></${prefix}c>`.repeat(n)}</${prefix}row></${prefix}sheetData>`);
    const limits = { ...DEFAULT_ZIP_LIMITS, maxCells: 10 };
    expect(await checkZip(makeZip([{ name: 'xl/worksheets/sheet1.xml', data: cells(10) }]), limits)).toBeUndefined();
    expect(await checkZip(makeZip([{ name: 'xl/worksheets/sheet1.xml', data: cells(11) }]), limits)).toMatch(/too many cells \(11 or more; at most 10\)/);
    expect(await checkZip(makeZip([{ name: 'xl/worksheets/sheet1.xml', data: cells(6, 'x:') }, { name: 'xl/worksheets/sheet2.xml', data: cells(6) }]), limits)).toMatch(/too many cells/);
    // exceljs matches part names anywhere in a path
    expect(await checkZip(makeZip([{ name: 'a/xl/worksheets/sheet1.xml', data: cells(11) }]), limits)).toMatch(/too many cells/);
    // across the boundaries of inflated chunks, each cell counted once (repetitive, so no ratio limit here)
    const large = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: cells(200_000) }]);
    expect(await checkZip(large, { ...DEFAULT_ZIP_LIMITS, maxRatio: Infinity, maxCells: 200_000 })).toBeUndefined();
    expect(await checkZip(large, { ...DEFAULT_ZIP_LIMITS, maxRatio: Infinity, maxCells: 199_999 })).toMatch(/too many cells/);
  });

  it('counts shared strings and names their limit', async () => {
    const strings = (n: number) => Buffer.from(`<sst>${'<si><t>x</t></si>'.repeat(n)}</sst>`);
    const limits = { ...DEFAULT_ZIP_LIMITS, maxSharedStrings: 5 };
    expect(await checkZip(makeZip([{ name: 'xl/sharedStrings.xml', data: strings(5) }]), limits)).toBeUndefined();
    expect(await checkZip(makeZip([{ name: 'xl/sharedStrings.xml', data: strings(6) }]), limits)).toMatch(/too many shared strings \(6 or more; at most 5\)/);
  });

  it('names the size limit an entry or the whole goes past', async () => {
    const data = Buffer.alloc(2000, 0x41);
    expect(await checkZip(makeZip([{ name: 'xl/styles.xml', data }]), { ...DEFAULT_ZIP_LIMITS, maxEntryUncompressed: 1000 })).toMatch(/xl\/styles\.xml inflates to 0\.0 MiB \(at most 0\.0 MiB per file\)/);
    expect(await checkZip(makeZip([{ name: 'a.xml', data }, { name: 'b.xml', data }]), { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 3000 })).toMatch(/in all \(at most 0\.0 MiB\)/);
  });

  it('refuses an upload over the size limit without opening it', async () => {
    expect(await checkZip(Buffer.alloc(10), { ...DEFAULT_ZIP_LIMITS, maxBytes: 5 })).toMatch(/大きすぎます/);
  });

  it('counts the cells of refs', () => {
    expect(rangeCells('A1')).toBe(1);
    expect(rangeCells('B2:D9 A1')).toBe(25);
    expect(rangeCells('$A$1:$B$2')).toBe(4);
    expect(rangeCells('nonsense')).toBe(Number.MAX_SAFE_INTEGER);
  });
});
