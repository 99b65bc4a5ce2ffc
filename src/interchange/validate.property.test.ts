import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFiscalYear } from '../domain/era.js';
import type { HyokaDocument } from '../domain/model.js';
import { plainDecimal, scale } from '../domain/quantity.js';
import { compareSegments, parsePath } from './json-path.js';
import { validateDocument } from './validate.js';
import { type Loose, validDocument } from './validate.fixtures.js';
import { brokenDocument, mutationsOf } from './broken.fixtures.js';

const FULL_WIDTH = (text: string) => text.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function countKey(value: unknown, key: string): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countKey(v, key), 0);
  if (value && typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + (k === key ? 1 : 0) + countKey(v, key), 0);
  return 0;
}

describe('validateDocument, properties', () => {
  it('returns a valid canonical document as it is, listing only its unknown fields', () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        const result = validateDocument(doc);
        expect(result.ok ? [] : result.problems).toEqual([]);
        if (!result.ok) return;
        expect(result.document).toStrictEqual(doc);
        expect(JSON.stringify(result.document)).toBe(JSON.stringify(doc));
        expect(result.unknownFields.every((path) => path.endsWith('.備考'))).toBe(true);
        expect(result.unknownFields).toHaveLength(countKey(doc, '備考'));
      }),
      { numRuns: 200 },
    );
  });

  const strange = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, '十', 'R3年', 'R3年度', '令和元年度', -1, 0, 1.5, '', {}, [], true, 'hyoka/1', 1e21, '1,50', '5万', '約5', { kind: 'pending' }, { text: 'A' }),
  );

  it('never throws on a broken document, and reports problems sorted by path', () => {
    fc.assert(
      fc.property(validDocument, mutationsOf(strange), (doc, mutations) => {
        const broken = brokenDocument(doc, mutations);
        const result = validateDocument(broken);
        if (result.ok) {
          expect(result.document.format).toBe('hyoka/1');
          return;
        }
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) expect(problem.message).toMatch(/\S \/ \S/);
        const order = result.problems.map((p) => parsePath(p.path));
        for (let i = 1; i < order.length; i++) expect(compareSegments(order[i - 1] ?? [], order[i] ?? [])).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reads strings where numbers belong back to the canonical numbers', () => {
    fc.assert(
      fc.property(validDocument, fc.nat(), (doc, salt) => {
        let turn = salt;
        const style = () => turn++ % 4;
        const written = writtenAsPeopleWrite(structuredClone(doc), style);
        const result = validateDocument(written);
        expect(result.ok ? [] : result.problems).toEqual([]);
        expect(result.ok && result.document).toStrictEqual(doc);
      }),
      { numRuns: 200 },
    );
  });
});

/** n as a person might write it in the unit `unit`: separators, full width, the unit, another multiplier. */
function numeral(n: number, unit: string, style: number): string {
  const grouped = (x: number) => {
    const [whole = '', fraction] = plainDecimal(Math.abs(x)).split('.');
    return `${x < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
  };
  if (style === 0) return plainDecimal(n);
  if (style === 1) return `${grouped(n)}${unit}`;
  if (style === 2) return `${FULL_WIDTH(grouped(n))} ${unit}`;
  const multiplier = /^(千|万)円$/.exec(unit)?.[1];
  return multiplier ? `${grouped(scale(n, multiplier === '千' ? 3 : 4))}円` : `${grouped(n)}${unit}`;
}

function year(y: number, style: number, calendar = false): string {
  if (calendar) return formatFiscalYear(y, { calendar: true, letter: style % 2 === 0 });
  return [formatFiscalYear(y), formatFiscalYear(y, { letter: true }), `${y}年度`, FULL_WIDTH(formatFiscalYear(y))][style] as string;
}

/** The document with its numbers rewritten as the strings interchange.md allows in their place. */
function writtenAsPeopleWrite(doc: HyokaDocument, style: () => number): Loose {
  const d: Loose = doc;
  const years = (record: Loose, calendar = false) => {
    for (const key of ['fiscalYear', 'from', 'to']) if (typeof record?.[key] === 'number') record[key] = year(record[key], style(), calendar);
  };
  const amounts = (list: Loose[] | undefined) =>
    list?.forEach((item) => {
      years(item);
      const s = style();
      item.amount = s === 3 ? `${numeral(item.amount, '', 1)}千円` : numeral(item.amount, '', s);
    });
  const target = (owner: Loose, unit: string) => {
    const t = owner.target;
    if (typeof t === 'number') owner.target = numeral(t, unit, style());
    else if (t?.kind === 'previous-year' && typeof t.base === 'number') t.base = numeral(t.base, unit, style());
    else if (t?.kind === 'rank') t.atMost = `${t.atMost}位`;
  };
  const midTerm = (m: Loose, unit: string) => {
    target(m, unit);
    years(m, m.calendar === true);
    for (const r of m.revisions ?? []) {
      years(r);
      if (r.previous) midTerm(r.previous, unit);
    }
  };
  d.policyEvaluations?.forEach((e: Loose) => years(e));
  for (const p of d.projects) {
    amounts(p.budgets);
    amounts(p.personnelCosts);
    p.evaluations?.forEach((e: Loose) => years(e));
    for (const row of p.placements) row.evaluations?.forEach((e: Loose) => years(e));
    for (const i of p.indicators ?? []) {
      if (i.baseline) {
        years(i.baseline, i.baseline.calendar === true);
        if (typeof i.baseline.value === 'number') i.baseline.value = numeral(i.baseline.value, i.unit, style());
      }
      if (i.midTerm) midTerm(i.midTerm, i.unit);
      for (const period of i.periods ?? []) {
        years(period);
        target(period, i.unit);
        if (typeof period.actual === 'number') period.actual = numeral(period.actual, i.unit, style());
      }
    }
  }
  return d;
}
