import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import type { Problem } from './messages.js';
import { parseDocumentText, validateDocument } from './validate.js';
import { type Loose, documentAfter, problemsAfter, seedDocument } from './validate.fixtures.js';

const REQUIRED = '必須の項目です。値を書いてください / this field is required';
const NINCHIDO = 'projects[1].indicators[0]';

describe('a valid document', () => {
  it('validates to itself, in its key order, with no unknown fields', () => {
    const result = validateDocument(seedDocument());
    expect(result).toEqual({ ok: true, document: seedDocument(), unknownFields: [] });
    expect(result.ok && JSON.stringify(result.document)).toBe(JSON.stringify(seedDocument()));
  });
  it('is copied, never changed in place', () => {
    const input: Loose = seedDocument();
    input.projects[0].budgets[0].amount = '2,665,000';
    const result = validateDocument(input);
    expect(input.projects[0].budgets[0].amount).toBe('2,665,000');
    expect(result.ok && result.document.projects[0]?.budgets?.[0]?.amount).toBe(2665000);
  });
});

describe('shape and types', () => {
  it.each<[string, (doc: Loose) => void, Problem[]]>([
    ['format missing', (d) => delete d.format, [{ path: 'format', message: REQUIRED }]],
    ['format wrong', (d) => (d.format = 'hyoka/2'), [{ path: 'format', message: '"hyoka/1" と書いてください ("hyoka/2" と書かれています) / must be "hyoka/1", not "hyoka/2"' }]],
    ['organization.name missing', (d) => delete d.organization.name, [{ path: 'organization.name', message: REQUIRED }]],
    ['policies missing', (d) => delete d.policies, [{ path: 'policies', message: REQUIRED }]],
    ['projects not a list', (d) => (d.projects = {}), [{ path: 'projects', message: '配列 […] で書いてください ({} と書かれています) / must be an array […], not {}' }]],
    ['policy title a number', (d) => (d.policies[0].title = 3), [{ path: 'policies[0].title', message: '文字列で書いてください (3 と書かれています) / must be a string, not 3' }]],
    ['project key missing', (d) => delete d.projects[0].key, [{ path: 'projects[0].key', message: REQUIRED }]],
    ['project division missing', (d) => delete d.projects[0].division, [{ path: 'projects[0].division', message: REQUIRED }]],
    ['no placements', (d) => (d.projects[2].placements = []), [{ path: 'projects[2].placements', message: '少なくとも 1 件必要です / needs at least 1 item(s)' }]],
    ['row number 0', (d) => (d.projects[2].placements[0].no = 0), [{ path: 'projects[2].placements[0].no', message: '1 以上にしてください (0 と書かれています) / must be at least 1, not 0' }]],
    ['row number 1.5', (d) => (d.projects[2].placements[0].no = 1.5), [{ path: 'projects[2].placements[0].no', message: '整数で書いてください (1.5 と書かれています) / must be a whole number, not 1.5' }]],
    ['row number as text', (d) => (d.projects[2].placements[0].no = '10'), [{ path: 'projects[2].placements[0].no', message: '数値で書いてください ("10" と書かれています) / must be a number, not "10"' }]],
    ['unit missing', (d) => delete d.projects[1].indicators[0].unit, [{ path: `${NINCHIDO}.unit`, message: REQUIRED }]],
    ['better unknown', (d) => (d.projects[1].indicators[0].better = 'up'), [{ path: `${NINCHIDO}.better`, message: '"up" は使えません。次のいずれかです: "higher"、"lower" / "up" is not allowed; use one of "higher", "lower"' }]],
    ['decimals 5', (d) => (d.projects[1].indicators[0].decimals = 5), [{ path: `${NINCHIDO}.decimals`, message: '4 以下にしてください (5 と書かれています) / must be at most 4, not 5' }]],
    ['null', (d) => (d.projects[1].summary = null), [{ path: 'projects[1].summary', message: 'null は使えません。値を書くか、項目ごと省いてください / null is not allowed: write a value or leave the field out' }]],
    ['null in a list', (d) => (d.policies[1] = null), [{ path: 'policies[1]', message: 'null は使えません。値を書くか、項目ごと省いてください / null is not allowed: write a value or leave the field out' }]],
    ['sdg 0', (d) => (d.projects[1].sdgs = [0]), [{ path: 'projects[1].sdgs[0]', message: '1 以上にしてください (0 と書かれています) / must be at least 1, not 0' }]],
    ['sdg 18', (d) => (d.projects[1].sdgs = [4, 18]), [{ path: 'projects[1].sdgs[1]', message: '17 以下にしてください (18 と書かれています) / must be at most 17, not 18' }]],
    ['sdg twice', (d) => (d.projects[1].placements[0].sdgs = [4, 10, 4]), [{ path: 'projects[1].placements[0].sdgs[2]', message: 'SDGs ゴール 4 が重複しています / SDG goal 4 is listed twice' }]],
    ['rank without atMost', (d) => (d.projects[4].indicators[0].periods[0].target = { kind: 'rank' }), [{ path: 'projects[4].indicators[0].periods[0].target.atMost', message: REQUIRED }]],
    ['qualitative without text', (d) => (d.projects[0].indicators[0].periods[1].target = { kind: 'qualitative' }), [{ path: 'projects[0].indicators[0].periods[1].target.text', message: REQUIRED }]],
    [
      'unknown target kind',
      (d) => (d.projects[0].indicators[0].periods[1].target = { kind: 'number' }),
      [{ path: 'projects[0].indicators[0].periods[1].target.kind', message: '"number" は使えません。次のいずれかです: "previous-year"、"rank"、"qualitative"、"none"、"pending" / "number" is not allowed; use one of "previous-year", "rank", "qualitative", "none", "pending"' }],
    ],
    [
      'target object without kind',
      (d) => (d.projects[0].indicators[0].periods[1].target = { text: 'A' }),
      [{ path: 'projects[0].indicators[0].periods[1].target.kind', message: 'kind がありません。次のいずれかを書いてください: "previous-year"、"rank"、"qualitative"、"none"、"pending" / "kind" is missing; use one of "previous-year", "rank", "qualitative", "none", "pending"' }],
    ],
    ['target true', (d) => (d.projects[0].indicators[0].periods[1].target = true), [{ path: 'projects[0].indicators[0].periods[1].target', message: '目標は数値か {"kind": …} のオブジェクトで書いてください (true と書かれています) / a target is a number or an object with "kind", not true' }]],
    [
      'direction unknown',
      (d) => (d.projects[3].indicators[0].periods[1].target.direction = 'up'),
      [{ path: 'projects[3].indicators[0].periods[1].target.direction', message: '"up" は使えません。次のいずれかです: "increase"、"decrease" / "up" is not allowed; use one of "increase", "decrease"' }],
    ],
    ['actual without text', (d) => (d.projects[0].indicators[0].periods[0].actual = { achieved: true }), [{ path: 'projects[0].indicators[0].periods[0].actual.text', message: REQUIRED }]],
    ['actual true', (d) => (d.projects[0].indicators[0].periods[0].actual = true), [{ path: 'projects[0].indicators[0].periods[0].actual', message: '実績は数値か {"text": …} のオブジェクトで書いてください (true と書かれています) / an actual is a number or an object with "text", not true' }]],
    ['achieved as text', (d) => (d.projects[0].indicators[0].periods[0].actual.achieved = 'yes'), [{ path: 'projects[0].indicators[0].periods[0].actual.achieved', message: 'true か false で書いてください ("yes" と書かれています) / must be true or false, not "yes"' }]],
    ['amount missing', (d) => delete d.projects[1].budgets[0].amount, [{ path: 'projects[1].budgets[0].amount', message: REQUIRED }]],
    ['amount a boolean', (d) => (d.projects[1].budgets[0].amount = false), [{ path: 'projects[1].budgets[0].amount', message: '数値 (または "3,144,000" のような数字の文字列) で書いてください (false と書かれています) / must be a number, or a numeral string such as "3,144,000", not false' }]],
  ])('%s', (_, change, problems) => {
    expect(problemsAfter(change)).toEqual(problems);
  });

  it.each<[unknown, string]>([
    [5, 'オブジェクト {…} で書いてください (5 と書かれています) / must be an object {…}, not 5'],
    [[], 'オブジェクト {…} で書いてください ([] と書かれています) / must be an object {…}, not []'],
    [null, 'null は使えません。値を書くか、項目ごと省いてください / null is not allowed: write a value or leave the field out'],
  ])('a document that is not an object: %j', (input, message) => {
    expect(validateDocument(input)).toEqual({ ok: false, problems: [{ path: '', message }] });
  });
});

describe('strings where numbers belong', () => {
  it.each<[string, (doc: Loose) => void, (doc: HyokaDocument) => unknown, unknown]>([
    ['fiscalYear R3年度', (d) => (d.projects[1].indicators[0].periods[0].fiscalYear = 'R3年度'), (d) => d.projects[1]?.indicators?.[0]?.periods?.[0]?.fiscalYear, 2021],
    ['fiscalYear 令和4年度', (d) => (d.projects[1].budgets[0].fiscalYear = '令和4年度'), (d) => d.projects[1]?.budgets?.[0]?.fiscalYear, 2022],
    ['fiscalYear ２０２１年度', (d) => (d.projects[1].evaluations[0].fiscalYear = '２０２１年度'), (d) => d.projects[1]?.evaluations?.[0]?.fiscalYear, 2021],
    ['fiscalYear 令和元年度', (d) => (d.policyEvaluations[0].fiscalYear = '令和元年度'), (d) => d.policyEvaluations?.[0]?.fiscalYear, 2019],
    ['calendar year where calendar: true', (d) => (d.projects[2].indicators[0].midTerm.from = 'R3年'), (d) => d.projects[2]?.indicators?.[0]?.midTerm?.from, 2021],
    ['baseline year H29年度', (d) => (d.projects[1].indicators[0].baseline.fiscalYear = 'H29年度'), (d) => d.projects[1]?.indicators?.[0]?.baseline?.fiscalYear, 2017],
    ['revision year', (d) => (d.projects[5].indicators[0].midTerm.revisions[0].fiscalYear = 'R4年度'), (d) => d.projects[5]?.indicators?.[0]?.midTerm?.revisions?.[0]?.fiscalYear, 2022],
    ['target with full-width digits and unit', (d) => (d.projects[1].indicators[0].periods[0].target = '５４．０％'), (d) => d.projects[1]?.indicators?.[0]?.periods?.[0]?.target, 54],
    ['actual with unit', (d) => (d.projects[1].indicators[0].periods[0].actual = '59.9 %'), (d) => d.projects[1]?.indicators?.[0]?.periods?.[0]?.actual, 59.9],
    ['actual with commas', (d) => (d.projects[5].indicators[0].periods[0].actual = '7,386,517件'), (d) => d.projects[5]?.indicators?.[0]?.periods?.[0]?.actual, 7386517],
    ['actual split by the PDF', (d) => (d.projects[5].indicators[0].midTerm.target = '1,500,0 00件'), (d) => d.projects[5]?.indicators?.[0]?.midTerm?.target, 1500000],
    ['base in the indicator unit', (d) => (d.projects[3].indicators[0].periods[0].target.base = '64,616件'), (d) => d.projects[3]?.indicators?.[0]?.periods?.[0]?.target, { kind: 'previous-year', base: 64616 }],
    ['base in yen under 万円', (d) => (d.projects[3].indicators[1].periods[0].target.base = '1,126,540,000円'), (d) => (d.projects[3]?.indicators?.[1]?.periods?.[0]?.target as { base: number }).base, 112654],
    ['atMost 10位', (d) => (d.projects[4].indicators[0].periods[0].target.atMost = '10位'), (d) => d.projects[4]?.indicators?.[0]?.periods?.[0]?.target, { kind: 'rank', atMost: 10 }],
    ['atMost 10位以内', (d) => (d.projects[4].indicators[0].midTerm.target.atMost = '10位以内'), (d) => d.projects[4]?.indicators?.[0]?.midTerm?.target, { kind: 'rank', atMost: 10 }],
    ['baseline 177.4万人 in 人', (d) => (d.projects[6].indicators[0].baseline.value = '177.4万人'), (d) => d.projects[6]?.indicators?.[0]?.baseline?.value, 1774000],
    ['amount without unit', (d) => (d.projects[0].budgets[1].amount = '3,144,000'), (d) => d.projects[0]?.budgets?.[1]?.amount, 3144000],
    ['amount 千円', (d) => (d.projects[0].budgets[1].amount = '3,144,000千円'), (d) => d.projects[0]?.budgets?.[1]?.amount, 3144000],
    ['amount 億円', (d) => (d.projects[0].budgets[1].amount = '31.44億円'), (d) => d.projects[0]?.budgets?.[1]?.amount, 3144000],
    ['personnel cost full width', (d) => (d.projects[0].personnelCosts[0].amount = '１３，２００'), (d) => d.projects[0]?.personnelCosts?.[0]?.amount, 13200],
  ])('%s', (_, change, pick, value) => {
    expect(pick(documentAfter(change))).toEqual(value);
  });

  const P = `${NINCHIDO}.periods[0]`;
  it.each<[string, (doc: Loose) => void, Problem[]]>([
    ['kanji numeral target', (d) => (d.projects[1].indicators[0].periods[0].target = '十'), [{ path: `${P}.target`, message: '「十」は数値ではありません / 「十」 is not a number' }]],
    ['kanji numeral actual', (d) => (d.projects[1].indicators[0].periods[0].actual = '五十九'), [{ path: `${P}.actual`, message: '「五十九」は数値ではありません / 「五十九」 is not a number' }]],
    [
      'target text',
      (d) => (d.projects[1].indicators[0].periods[0].target = '単年度目標設定なし'),
      [{ path: `${P}.target`, message: '「単年度目標設定なし」は数値ではありません。数値でない目標は {"kind": "qualitative", "text": …} や {"kind": "none"} の形で書いてください / 「単年度目標設定なし」 is not a number; write a target that is not a number as an object such as {"kind": "qualitative", "text": …} or {"kind": "none"}' }],
    ],
    ['actual text', (d) => (d.projects[1].indicators[0].periods[0].actual = 'A'), [{ path: `${P}.actual`, message: '「A」は数値ではありません。数値でない実績は {"text": …} の形で書いてください / 「A」 is not a number; write an actual that is not a number as {"text": …}' }]],
    ['another unit', (d) => (d.projects[1].indicators[0].periods[0].target = '54件'), [{ path: `${P}.target`, message: '「54件」の単位「件」は指標の単位「%」ではありません。単位を省くか「%」で書いてください / 「54件」: the unit 「件」 is not the indicator\'s unit 「%」; leave the unit out or use 「%」' }]],
    ['約', (d) => (d.projects[1].indicators[0].periods[0].target = '約54%'), [{ path: `${P}.target`, message: '「約54%」の「約」は保存できません。数値だけを書いてください / 「約54%」: 約 cannot be stored; write the number alone' }]],
    ['以上', (d) => (d.projects[1].indicators[0].midTerm.target = '62%以上'), [{ path: `${NINCHIDO}.midTerm.target`, message: '「62%以上」の「以上」は保存できません。数値だけを書いてください / 「62%以上」: 以上 cannot be stored; write the number alone' }]],
    ['misplaced commas', (d) => (d.projects[1].indicators[0].periods[0].actual = '5,99'), [{ path: `${P}.actual`, message: '「5,99」の桁区切りのカンマの位置が正しくありません (例: 1,500,000) / 「5,99」 has misplaced thousands separators (e.g. 1,500,000)' }]],
    ['fiscal year not read', (d) => (d.projects[1].indicators[0].periods[0].fiscalYear = '今年度'), [{ path: `${P}.fiscalYear`, message: '「今年度」は年度として読めません (例: R3年度、令和3年度、2021年度) / 「今年度」 is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)' }]],
    ['calendar year for a fiscal year', (d) => (d.projects[1].budgets[0].fiscalYear = 'R4年'), [{ path: 'projects[1].budgets[0].fiscalYear', message: '「R4年」は暦年です。年度は「R4年度」のように書いてください (暦年なら calendar: true) / 「R4年」 is a calendar year; write a fiscal year like 「R4年度」 (or set calendar: true)' }]],
    ['two-digit year', (d) => (d.projects[1].budgets[0].fiscalYear = 22), [{ path: 'projects[1].budgets[0].fiscalYear', message: '年度は西暦4桁の整数か "R3年度" のような文字列で書いてください (22 と書かれています) / a fiscal year is a four-digit Western year or text such as "R3年度", not 22' }]],
    ['negative amount', (d) => (d.projects[1].budgets[0].amount = -1), [{ path: 'projects[1].budgets[0].amount', message: '金額は千円単位の0以上の整数で書いてください (例: 3144000 または "3,144,000千円"; -1 と書かれています) / an amount is a whole number of thousand yen, 0 or more (e.g. 3144000 or "3,144,000千円"), not -1' }]],
    ['fractional amount', (d) => (d.projects[1].budgets[0].amount = '500円'), [{ path: 'projects[1].budgets[0].amount', message: '金額は千円単位の0以上の整数で書いてください (例: 3144000 または "3,144,000千円"; "500円" と書かれています) / an amount is a whole number of thousand yen, 0 or more (e.g. 3144000 or "3,144,000千円"), not "500円"' }]],
    ['amount in 万 without 円', (d) => (d.projects[1].budgets[0].amount = '5万'), [{ path: 'projects[1].budgets[0].amount', message: '「5万」の単位は円で書くか、省いて千円単位の数にしてください (例: "3,144,000千円"、"3,144,000") / 「5万」: write the unit in yen, or leave it out for thousand yen (e.g. "3,144,000千円", "3,144,000")' }]],
    ['amount in 人', (d) => (d.projects[1].personnelCosts[0].amount = '3人'), [{ path: 'projects[1].personnelCosts[0].amount', message: '「3人」の単位は円で書くか、省いて千円単位の数にしてください (例: "3,144,000千円"、"3,144,000") / 「3人」: write the unit in yen, or leave it out for thousand yen (e.g. "3,144,000千円", "3,144,000")' }]],
    ['rank 0', (d) => (d.projects[4].indicators[0].periods[0].target.atMost = 0), [{ path: 'projects[4].indicators[0].periods[0].target.atMost', message: '順位は1以上の整数で書いてください (0 と書かれています) / a rank is a whole number of 1 or more, not 0' }]],
  ])('%s', (_, change, problems) => {
    expect(problemsAfter(change)).toEqual(problems);
  });
});

describe("compute()'s fields and unknown fields", () => {
  it("strips compute()'s fields without listing them, and keeps an actual's own achieved", () => {
    const result = validateDocument(
      (() => {
        const d: Loose = seedDocument();
        Object.assign(d.projects[1].indicators[0].periods[0], { achievementRate: 110.9, achieved: true, midTermProgress: null });
        d.projects[1].budgets[1].change = '維持';
        d.projects[1].evaluations[0].suggestedGrade = '順調';
        d.projects[1].placements[1].evaluations = [{ fiscalYear: 2021, grade: '順調', suggestedGrade: null }];
        return d;
      })(),
    );
    const expected: Loose = seedDocument();
    expected.projects[1].placements[1].evaluations = [{ fiscalYear: 2021, grade: '順調' }];
    expect(result).toEqual({ ok: true, document: expected, unknownFields: [] });
    expect(result.ok && result.document.projects[0]?.indicators?.[0]?.periods?.[0]?.actual).toEqual({ text: 'A (計画どおり)', achieved: true });
  });

  it('keeps unknown fields as written and lists their paths in document order', () => {
    const result = validateDocument(
      (() => {
        const d: Loose = seedDocument();
        d.comment = { any: ['thing'] };
        d.settings.theme = 'dark';
        d.projects[1].indicators[1].colour = 'red';
        d.projects[3].indicators[0].periods[0].target.memo = '前年度比';
        d.projects[1].placements[0]['my key'] = 1;
        d.projects[5].indicators[0].midTerm.revisions[0].previous = { target: 1, basis: 'every-year', 備考: 'x' };
        return d;
      })(),
    );
    expect(result.ok && result.unknownFields).toEqual([
      'comment',
      'projects[1].indicators[1].colour',
      'projects[1].placements[0]["my key"]',
      'projects[3].indicators[0].periods[0].target.memo',
      'projects[5].indicators[0].midTerm.revisions[0].previous.備考',
      'settings.theme',
    ]);
    expect(result.ok && (result.document as Loose).projects[1].indicators[1].colour).toBe('red');
    expect(result.ok && (result.document as Loose).comment).toEqual({ any: ['thing'] });
  });
});

describe('problems', () => {
  it('are all reported, sorted by path with indices compared as numbers', () => {
    const doc: Loose = seedDocument();
    for (let i = 0; i < 5; i++) doc.projects.push({ ...structuredClone(doc.projects[2]), key: `copy${i}`, placements: [{ policy: 'III-1-(1)-②', no: 100 + i }] });
    doc.projects[10].name = 1;
    doc.projects[2].name = 2;
    doc.projects[9].budgets[0].amount = 'x';
    doc.format = 'hyoka';
    const result = validateDocument(doc);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['format', 'projects[2].name', 'projects[9].budgets[0].amount', 'projects[10].name']);
  });
});

describe('parseDocumentText', () => {
  it('validates the text of a document, with or without a byte-order mark', () => {
    const text = JSON.stringify(seedDocument(), null, 2);
    expect(parseDocumentText(text)).toEqual(validateDocument(seedDocument()));
    expect(parseDocumentText(`\uFEFF${text}`)).toEqual(validateDocument(seedDocument()));
  });
  it.each([
    ['{\n  "format": "hyoka/1",\n  "organization": tru\n}', 'JSON の書き方が正しくありません (3行 19列、「t」の所) / invalid JSON at line 3, column 19 (at 「t」)'],
    ['{\n  "format": "hyoka/1",\n}', 'JSON の書き方が正しくありません (3行 1列、「}」の所) / invalid JSON at line 3, column 1 (at 「}」)'],
    ['{"policies": [1, 2', 'JSON が途中で終わっています (1行 19列) / the JSON ends too early (line 1, column 19)'],
    ['', 'JSON が途中で終わっています (1行 1列) / the JSON ends too early (line 1, column 1)'],
  ])('reports a syntax error with its line and column: %j', (text, message) => {
    expect(parseDocumentText(text)).toEqual({ ok: false, problems: [{ path: '', message }] });
  });
});
