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
    const zip = makeZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x41) }]);
    expect(zip.length).toBeLessThan(200_000);
    expect(await checkZip(zip)).toMatch(/zip 爆弾/);
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
