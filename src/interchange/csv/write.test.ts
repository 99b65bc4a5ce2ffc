import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildIndicator, buildProject } from '../../../test/factories.js';
import { BUDGET_COLUMNS, PERIOD_COLUMNS } from './columns.js';
import { type CsvOutput, escapeCell } from './table.js';
import { writeBudgetsCsv, writePeriodsCsv } from './write.js';

function bytesOf(out: CsvOutput): Uint8Array {
  if (!out.ok) throw new Error(out.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return out.bytes;
}
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const rowsOf = (text: string) => parse(text.replace(/^\uFEFF/u, ''), { columns: true, relax_column_count: true }) as Record<string, string>[];

function withTexts(target: string, actualText = '未提出') {
  return buildDocument({
    projects: [buildProject({ indicators: [buildIndicator({ periods: [{ fiscalYear: 2021, target: { kind: 'qualitative', text: target }, actual: { text: actualText } }] })] })],
  });
}

describe('writePeriodsCsv', () => {
  it('writes UTF-8 with a BOM, CRLF and the Japanese headers of columns.ts', () => {
    const bytes = bytesOf(writePeriodsCsv(buildDocument()));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8(bytes).slice(1);
    expect(text.split('\r\n')[0]).toBe(PERIOD_COLUMNS.map((c) => c.header).join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves the BOM out on request', () => {
    const bytes = bytesOf(writePeriodsCsv(buildDocument(), { bom: false }));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).startsWith('全国地方公共団体コード,')).toBe(true);
  });

  it('writes one row per period with computed rates, in document order', () => {
    const rows = rowsOf(utf8(bytesOf(writePeriodsCsv(buildDocument()))));
    expect(rows.map((r) => [r['年度'], r['年度(和暦)'], r['目標の種類'], r['目標'], r['実績'], r['達成率'], r['達成']])).toEqual([
      ['2021', '令和3年度', '数値', '54', '59.9', '110.9', '達成'],
      ['2022', '令和4年度', '数値', '61', '', '', ''],
    ]);
    expect(rows[0]).toMatchObject({ 全国地方公共団体コード: '401005', 地方公共団体名: '北九州市', 事業キー: 'tabunka', 指標キー: 'ninchido', 単位: '%', 良い方向: '高いほど良い' });
  });

  it('writes each target kind in its columns', () => {
    const doc = buildDocument({
      projects: [
        buildProject({
          indicators: [
            buildIndicator({
              unit: '件',
              periods: [
                { fiscalYear: 2021, target: { kind: 'previous-year', base: 120, direction: 'decrease' }, actual: 100 },
                { fiscalYear: 2022, target: { kind: 'rank', atMost: 10 }, actual: 12 },
                { fiscalYear: 2023, target: { kind: 'none', note: '単年度目標設定なし' } },
                { fiscalYear: 2024, target: { kind: 'pending' } },
                { fiscalYear: 2025, target: { kind: 'qualitative', text: 'A' }, actual: { text: 'A', achieved: true } },
              ],
            }),
          ],
        }),
      ],
    });
    const cells = rowsOf(utf8(bytesOf(writePeriodsCsv(doc)))).map((r) => [r['目標の種類'], r['目標'], r['目標の基準値'], r['目標の方向'], r['目標の順位'], r['実績の種類'], r['実績'], r['実績の達成']]);
    expect(cells).toEqual([
      ['前年度比', '', '120', '減', '', '数値', '100', ''],
      ['順位', '', '', '', '10', '数値', '12', ''],
      ['設定なし', '単年度目標設定なし', '', '', '', '', '', ''],
      ['設定予定', '', '', '', '', '', '', ''],
      ['定性', 'A', '', '', '', '定性', 'A', '達成'],
    ]);
  });

  it('escapes cells a spreadsheet would run as formulas, but not plain negative numbers', () => {
    const doc = withTexts('=1+1', '@SUM(A1)');
    doc.projects[0]!.indicators![0]!.periods!.push({ fiscalYear: 2022, target: -5, actual: -2.5 });
    const text = utf8(bytesOf(writePeriodsCsv(doc)));
    expect(text).toContain(",'=1+1,");
    expect(text).toContain(",'@SUM(A1),");
    expect(text).toContain(',-5,');
    expect(text).toContain(',-2.5,');
    expect(text).not.toMatch(/,=1\+1,/);
    expect(escapeCell("'quoted")).toBe("''quoted");
    expect(escapeCell('-x')).toBe("'-x");
    expect(escapeCell('plain')).toBe('plain');
  });

  it('escapes the full-width ＝＋－＠ too, the same cells csv-stringify guards', () => {
    for (const start of ['＝', '＋', '－', '＠']) expect(escapeCell(`${start}A1`)).toBe(`'${start}A1`);
    const text = utf8(bytesOf(writePeriodsCsv(withTexts('＝SUM(A1)', '＠x'))));
    expect(text).toContain(",'＝SUM(A1),");
    expect(text).toContain(",'＠x");
    expect(text).not.toContain("''");
  });

  it('quotes cells with line breaks, so they read back whole', () => {
    const text = utf8(bytesOf(writePeriodsCsv(withTexts('一行目\n二行目', 'a\r\nb'))));
    const rows = rowsOf(text);
    expect(rows[0]!['目標']).toBe('一行目\n二行目');
    expect(rows[0]!['実績']).toBe('a\r\nb');
  });

  it('writes numbers in plain decimals, never exponent notation', () => {
    const doc = buildDocument({ projects: [buildProject({ indicators: [buildIndicator({ periods: [{ fiscalYear: 2021, target: 1e21, actual: 1e-7 }] })] })] });
    const row = rowsOf(utf8(bytesOf(writePeriodsCsv(doc))))[0]!;
    expect([row['目標'], row['実績']]).toEqual(['1000000000000000000000', '0.0000001']);
  });

  it('keeps only the fiscal years asked for', () => {
    const rows = rowsOf(utf8(bytesOf(writePeriodsCsv(buildDocument(), { fiscalYears: [2022] }))));
    expect(rows.map((r) => r['年度'])).toEqual(['2022']);
  });
});

describe('CP932', () => {
  it('writes bytes that decode back as Shift_JIS, ① and 髙 included', () => {
    const out = writePeriodsCsv(withTexts('① 髙橋 ㈱ 全角～', '達成'), { encoding: 'cp932' });
    const bytes = bytesOf(out);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe(PERIOD_COLUMNS.map((c) => c.header).join(','));
    expect(rowsOf(text)[0]!['目標']).toBe('① 髙橋 ㈱ 全角～');
  });

  it('maps the wave dash family to what CP932 holds instead of refusing it', () => {
    const bytes = bytesOf(writePeriodsCsv(withTexts('R3〜R5 −1 ‖ ¥100 — ¢£¬'), { encoding: 'cp932' }));
    const row = rowsOf(new TextDecoder('shift_jis').decode(bytes))[0]!;
    expect(row['目標']).toBe('R3～R5 －1 ∥ ￥100 ― ￠￡￢');
  });

  it('reports every character CP932 cannot hold, with line, column and character, and writes nothing', () => {
    const doc = withTexts('𠮷野家', '😀');
    doc.projects[0]!.indicators![0]!.periods!.unshift({ fiscalYear: 2020, target: { kind: 'qualitative', text: '改行\nのあと𠮷' } });
    const out = writePeriodsCsv(doc, { encoding: 'cp932' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const targetColumn = PERIOD_COLUMNS.findIndex((c) => c.name === 'target') + 1;
    const actualColumn = PERIOD_COLUMNS.findIndex((c) => c.name === 'actual') + 1;
    // Line 2 holds the 2020 row, whose cell spans lines 2–3; the 2021 row starts on line 4.
    expect(out.problems.map((p) => [p.line, p.column, p.header])).toEqual([
      [3, targetColumn, '目標'],
      [4, targetColumn, '目標'],
      [4, actualColumn, '実績'],
    ]);
    expect(out.problems[0]!.message).toContain('「𠮷」(U+20BB7)');
    expect(out.problems[2]!.message).toContain('U+1F600');
    expect(out.problems[0]!.path).toBe('3行目 Q列「目標」 / line 3, column Q (目標)');
  });

  it('never writes ? for a character it lost', () => {
    const out = writePeriodsCsv(withTexts('ok?'), { encoding: 'cp932' });
    expect(new TextDecoder('shift_jis').decode(bytesOf(out))).toContain(',ok?,');
  });
});

describe('writeBudgetsCsv', () => {
  it('writes one row per project and year, with the computed change and the personnel cost', () => {
    const doc = buildDocument({ projects: [buildProject({ personnelCosts: [{ fiscalYear: 2023, amount: 3075 }, { fiscalYear: 2024, amount: 3100 }] })] });
    const text = utf8(bytesOf(writeBudgetsCsv(doc)));
    expect(text.slice(1).split('\r\n')[0]).toBe(BUDGET_COLUMNS.map((c) => c.header).join(','));
    expect(rowsOf(text).map((r) => [r['年度'], r['予算額(千円)'], r['事業費の増減'], r['人件費(目安)(千円)']])).toEqual([
      ['2022', '42803', '', ''],
      ['2023', '43921', '維持', '3075'],
      ['2024', '', '', '3100'],
    ]);
  });
});
