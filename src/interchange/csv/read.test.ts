import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { buildDocument, buildIndicator, buildProject } from '../../../test/factories.js';
import { type CsvReadResult, readCsv } from './read.js';

const HEADER = '全国地方公共団体コード,事業キー,指標キー,年度,目標の種類,目標,実績';
const utf8 = (text: string, bom = true) => new TextEncoder().encode((bom ? '\uFEFF' : '') + text);

function base(): HyokaDocument {
  return buildDocument({
    projects: [
      buildProject({
        indicators: [
          buildIndicator({ unit: '人', periods: [{ fiscalYear: 2021, target: 2000, actual: 1500, memo: '残す' }] }),
          buildIndicator({ key: 'rank', name: '順位', unit: '位', periods: [] }),
        ],
      }),
    ],
  });
}

function accepted(result: CsvReadResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result;
}
function refused(result: CsvReadResult) {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}
const periodsOf = (doc: HyokaDocument, indicator = 0) => doc.projects[0]!.indicators![indicator]!.periods;

describe('readCsv: encodings', () => {
  const lines = [HEADER, '401005,tabunka,ninchido,2021,数値,"2,032人",１，８００人'].join('\r\n');

  it.each([
    ['UTF-8 with a BOM', utf8(lines), 'utf-8'],
    ['UTF-8 without a BOM', utf8(lines, false), 'utf-8'],
    ['CP932', new Uint8Array(iconv.encode(lines, 'cp932')), 'cp932'],
  ])('reads %s', (_name, bytes, encoding) => {
    const result = accepted(readCsv(bytes, base()));
    expect(result.encoding).toBe(encoding);
    expect(periodsOf(result.document)![0]).toEqual({ fiscalYear: 2021, target: 2032, actual: 1800, memo: '残す' });
    expect(result.changes).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 0 });
  });

  it('reads a tab-separated file', () => {
    const text = ['事業キー\t指標キー\t年度\t実績', 'tabunka\tninchido\tR3年度\t1,900'].join('\n');
    expect(periodsOf(accepted(readCsv(utf8(text), base())).document)![0]!.actual).toBe(1900);
  });

  it('names what is wrong with a file that is not CSV text', () => {
    expect(refused(readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), base()))[0]!.message).toContain('Excel');
    expect(refused(readCsv(new Uint8Array([0xff, 0xfe, 0x41, 0]), base()))[0]!.message).toContain('UTF-16');
    const bad = refused(readCsv(new Uint8Array([...utf8('projectKey,fiscalYear,budget\r\n', false), 0x82, 0x0a]), base()));
    expect(bad[0]!.line).toBe(2);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(refused(readCsv(utf8(lines), base(), { maxBytes: 10 }))[0]!.message).toContain('大きすぎます');
  });
});

describe('readCsv: periods', () => {
  it('matches headers by their English names and folds full-width brackets', () => {
    const text = ['projectKey,indicatorKey,fiscalYearEra,target,actual', 'tabunka,ninchido,令和３年度,2100,'].join('\r\n');
    expect(periodsOf(accepted(readCsv(utf8(text), base())).document)![0]).toEqual({ fiscalYear: 2021, target: 2100, memo: '残す' });
    const budget = ['事業キー,年度（和暦）,予算額（千円）', 'tabunka,R4年度,"3,144,000千円"'].join('\r\n');
    expect(accepted(readCsv(utf8(budget), base())).document.projects[0]!.budgets![0]).toEqual({ fiscalYear: 2022, amount: 3144000 });
  });

  it('updates only the fields whose columns the file has', () => {
    const text = ['事業キー,指標キー,年度,実績', 'tabunka,ninchido,2021,1999', 'tabunka,ninchido,2022,5'].join('\r\n');
    const given = base();
    const result = accepted(readCsv(utf8(text), given));
    expect(given).toEqual(base()); // the base is copied, never changed
    expect(periodsOf(result.document)).toEqual([
      { fiscalYear: 2021, target: 2000, actual: 1999, memo: '残す' },
      { fiscalYear: 2022, actual: 5 },
    ]);
    expect(result.changes).toMatchObject({ added: 1, updated: 1 });
  });

  it('reads target kinds from their columns, or from how the target is written', () => {
    const text = [
      '事業キー,指標キー,年度,目標の種類,目標,目標の基準値,目標の方向,目標の順位,実績,実績の達成',
      'tabunka,rank,2019,,10位以内,,,,12,',
      'tabunka,rank,2020,,前年度比 (120位) 減,,,,,',
      'tabunka,rank,2021,前年度比,,120,減,,,',
      'tabunka,rank,2022,順位,,,,3,,',
      'tabunka,rank,2023,定性,A (計画どおり),,,,A,達成',
      'tabunka,rank,2024,設定予定,R6年度に設定,,,,,',
      'tabunka,rank,2025,,単年度目標設定なし,,,,,',
    ].join('\r\n');
    expect(periodsOf(accepted(readCsv(utf8(text), base())).document, 1)).toEqual([
      { fiscalYear: 2019, target: { kind: 'rank', atMost: 10 }, actual: 12 },
      { fiscalYear: 2020, target: { kind: 'previous-year', base: 120, direction: 'decrease' } },
      { fiscalYear: 2021, target: { kind: 'previous-year', base: 120, direction: 'decrease' } },
      { fiscalYear: 2022, target: { kind: 'rank', atMost: 3 } },
      { fiscalYear: 2023, target: { kind: 'qualitative', text: 'A (計画どおり)' }, actual: { text: 'A', achieved: true } },
      { fiscalYear: 2024, target: { kind: 'pending', note: 'R6年度に設定' } },
      { fiscalYear: 2025, target: { kind: 'none', note: '単年度目標設定なし' } },
    ]);
  });

  it('removes a target or actual whose cell is emptied', () => {
    const text = [HEADER, '401005,tabunka,ninchido,2021,,,'].join('\r\n');
    expect(periodsOf(accepted(readCsv(utf8(text), base())).document)![0]).toEqual({ fiscalYear: 2021, memo: '残す' });
  });

  it('strips the quote that escapes a formula, and keeps formula-looking text as text', () => {
    const text = [
      '事業キー,指標キー,年度,目標の種類,目標,実績',
      "tabunka,rank,2021,定性,'=1+1,=HYPERLINK(\"x\")",
      "tabunka,rank,2022,数値,'-5,",
    ].join('\r\n');
    expect(periodsOf(accepted(readCsv(utf8(text), base())).document, 1)).toEqual([
      { fiscalYear: 2021, target: { kind: 'qualitative', text: '=1+1' }, actual: { text: '=HYPERLINK("x")' } },
      { fiscalYear: 2022, target: -5 },
    ]);
  });

  it('strips the quote before a full-width ＝＋－＠ as well, and only that one quote', () => {
    const text = [
      '事業キー,指標キー,年度,目標の種類,目標,実績',
      "tabunka,rank,2021,定性,'＝1,'＋2",
      "tabunka,rank,2022,定性,'－3,''＠4",
    ].join('\r\n');
    expect(periodsOf(accepted(readCsv(utf8(text), base())).document, 1)).toEqual([
      { fiscalYear: 2021, target: { kind: 'qualitative', text: '＝1' }, actual: { text: '＋2' } },
      { fiscalYear: 2022, target: { kind: 'qualitative', text: '－3' }, actual: { text: "'＠4" } },
    ]);
  });

  it('reports each problem with its line, column and a fix, and gives no document', () => {
    const text = [
      HEADER,
      '401005,tabunka,ninchido,R3年,数値,十,',
      '401005,tabunka,missing,2021,,,',
      '401005,nothing,ninchido,2021,,,',
      '401005,tabunka,ninchido,2022,数値,"1,00",abc',
      '401005,tabunka,ninchido,2022,,,',
      '401005,tabunka,rank,2022,大きい,,',
      '131016,tabunka,rank,2023,,,',
    ].join('\r\n');
    const problems = refused(readCsv(utf8(text), base()));
    expect(problems.map((p) => [p.line, p.header])).toEqual([
      [2, '年度'],
      [2, '目標'],
      [3, '指標キー'],
      [4, '事業キー'],
      [5, '目標'],
      [5, '実績'],
      [6, undefined],
      [7, '目標の種類'],
      [8, '全国地方公共団体コード'],
    ]);
    expect(problems[0]!.message).toContain('暦年です');
    expect(problems[1]!.message).toContain('「十」は数値ではありません');
    expect(problems[1]!.path).toBe('2行目 F列「目標」 / line 2, column F (目標)');
    expect(problems[5]!.message).toContain('実績の種類');
    expect(problems[6]!.message).toContain('5行目にもあります');
    expect(problems[7]!.message).toContain('「数値」「前年度比」');
    expect(problems[8]!.message).toContain('401005');
  });

  it('gives the line a cell is on when an earlier cell spans lines', () => {
    const text = ['事業キー,指標キー,年度,目標の種類,目標,実績', 'tabunka,rank,2021,定性,"二行の\r\n目標",', 'tabunka,rank,2022,数値,x,'].join('\r\n');
    expect(refused(readCsv(utf8(text), base()))[0]!.line).toBe(4);
  });

  it('refuses a file without the key columns, or with a header it cannot place', () => {
    expect(refused(readCsv(utf8('指標キー,年度\r\nninchido,2021'), base()))[0]!.message).toContain('事業キー');
    expect(refused(readCsv(utf8('名前,値\r\na,1'), base()))[0]!.message).toContain('見出し行が読めません');
    expect(refused(readCsv(utf8(''), base()))[0]!.message).toContain('見出し行がありません');
    expect(refused(readCsv(utf8('事業キー,指標キー,年度\r\n"tabunka,x'), base()))[0]!.message).toContain('閉じられていません');
  });

  it('skips unknown columns with a notice, and refuses a repeated one', () => {
    const result = accepted(readCsv(utf8('事業キー,指標キー,年度,備考\r\ntabunka,ninchido,2021,メモ'), base()));
    expect(result.notices[0]!.path).toContain('D列「備考」');
    expect(refused(readCsv(utf8('事業キー,指標キー,年度,実績,actual\r\ntabunka,ninchido,2021,1,2'), base()))[0]!.column).toBe(5);
  });
});

describe('readCsv: budgets', () => {
  it('adds, updates and removes budgets and personnel costs by year', () => {
    const text = ['事業キー,年度,予算額(千円),人件費(目安)(千円)', 'tabunka,2022,,', 'tabunka,2023,"43,921",3075', 'tabunka,2024,５００００,'].join('\r\n');
    const result = accepted(readCsv(utf8(text), base()));
    expect(result.table).toBe('budgets');
    expect(result.document.projects[0]!.budgets).toEqual([
      { fiscalYear: 2023, amount: 43921 },
      { fiscalYear: 2024, amount: 50000 },
    ]);
    expect(result.document.projects[0]!.personnelCosts).toEqual([{ fiscalYear: 2023, amount: 3075 }]);
    expect(result.changes).toEqual({ added: 2, updated: 0, removed: 1, unchanged: 1 });
  });

  it('refuses amounts that are not whole thousand yen', () => {
    const problems = refused(readCsv(utf8('事業キー,年度,予算額(千円)\r\ntabunka,2022,12.5\r\ntabunka,2023,-3'), base()));
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });

  it('refuses amounts and numbers past the bounds of a document, and control characters, at their cells', () => {
    const numbers = ['事業キー,指標キー,年度,目標', 'tabunka,ninchido,2021,"1,000,000,000,000,000,000"', 'tabunka,ninchido,2022,0.1234567890123456'].join('\r\n');
    expect(refused(readCsv(utf8(numbers), base())).map((p) => [p.line, p.column, p.message.split(' / ')[1]])).toEqual([
      [2, 4, expect.stringContaining('the number 1000000000000000000 is too large')],
      [3, 4, expect.stringContaining('the number 0.1234567890123456 has too many digits')],
    ]);
    const budgets = refused(readCsv(utf8('事業キー,年度,予算額(千円)\r\ntabunka,2022,"9,007,199,254,740,993"'), base()));
    expect(budgets.map((p) => [p.line, p.column, p.message.split(' / ')[1]])).toEqual([[2, 3, expect.stringContaining('has too many digits to be kept exactly')]]);
    const controls = refused(readCsv(utf8('事業キー,指標キー,年度,目標の種類,目標\r\ntabunka,ninchido,2021,定性,a\u0000b\r\ntabunka,ninchido,2022,定性,\u001b[1m'), base()));
    expect(controls.map((p) => [p.line, p.column, p.message.split(' / ')[1]])).toEqual([
      [2, 5, expect.stringContaining('character 2 is U+0000, which is not allowed')],
      [3, 5, expect.stringContaining('character 1 is U+001B, which is not allowed')],
    ]);
  });
});

describe('readCsv without a base', () => {
  it('builds a fragment of the projects and indicators the rows name', () => {
    const text = [
      '全国地方公共団体コード,地方公共団体名,事業キー,事業名,局,所管課,指標キー,指標名,単位,良い方向,小数桁数,年度,目標,実績',
      '401005,北九州市,p1,事業一,企画調整局,企画課,i1,指標一,件,低いほど良い,0,2021,10件,8',
      '401005,北九州市,p1,事業一,企画調整局,企画課,i1,指標一,件,低いほど良い,0,2022,9,',
    ].join('\r\n');
    const result = accepted(readCsv(utf8(text)));
    expect(result.fragment).toBe(true);
    expect(result.document).toEqual({
      format: 'hyoka/1',
      organization: { name: '北九州市', code: '401005' },
      policies: [],
      projects: [
        {
          key: 'p1',
          name: '事業一',
          bureau: '企画調整局',
          division: '企画課',
          placements: [],
          indicators: [{ key: 'i1', name: '指標一', unit: '件', better: 'lower', decimals: 0, periods: [{ fiscalYear: 2021, target: 10, actual: 8 }, { fiscalYear: 2022, target: 9 }] }],
        },
      ],
    });
  });

  it('refuses rows of one project that disagree on its labels', () => {
    const text = ['事業キー,事業名,指標キー,年度', 'p1,事業一,i1,2021', 'p1,事業二,i1,2022'].join('\r\n');
    expect(refused(readCsv(utf8(text)))[0]!.message).toContain('2行目');
  });
});
