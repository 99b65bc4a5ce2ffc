import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../domain/model.js';
import { defaultProfile, resolveProfile } from '../domain/profile.js';
import { buildDocument, buildIndicator, buildProject, budgets, evaluation, indicatorsOf, period } from '../domain/test-factory.js';
import { compute, computeProject } from './compute.js';
import { generateDocument } from './generate.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** 広域行政推進事業: one project on two rows (No. 32 and 34), each with its own indicators and grade. */
function kouikiGyosei(): Project {
  return buildProject({
    key: 'kouiki-gyosei',
    name: '広域行政推進事業',
    division: '総務課',
    budgets: budgets([2022, 3972], [2023, 4011]),
    indicators: [
      buildIndicator({ key: 'shimonoseki', name: '本市と下関市両市の行政間における連携事業数', unit: '事業', periods: [period(40, 40)] }),
      buildIndicator({ key: 'fukuoka', name: '本市と福岡市両市の行政間における連携事業数', unit: '事業', periods: [period(26, 26)] }),
      buildIndicator({ key: 'nishi', name: '連携事業の実施 (西九州軸での活動)', unit: '回', periods: [period(1, 1)] }),
      buildIndicator({ key: 'higashi', name: '連携事業の実施 (東九州軸での活動)', unit: '回', periods: [period(1, 2)] }),
      buildIndicator({ key: 'shisetsu', name: '市民割引料金を適用する市施設数', unit: '施設', periods: [period(52, 52)] }),
    ],
    placements: [
      { policy: 'VII-3-(1)-②', no: 32, indicators: ['shimonoseki', 'fukuoka'], evaluations: [evaluation('順調')] },
      { policy: 'VII-3-(2)-②', no: 34, indicators: ['nishi', 'higashi', 'shisetsu'], evaluations: [evaluation('大変順調')] },
    ],
  });
}

describe('compute', () => {
  it('adds the computed fields of interchange.md everywhere', () => {
    const doc = buildDocument({
      projects: [
        buildProject({
          budgets: budgets([2022, 1000], [2023, 1049], [2024, 900]),
          indicators: [
            buildIndicator({ key: 'a', periods: [period(8.0, 5.1)] }),
            buildIndicator({ key: 'b', better: 'lower', periods: [period(50, 40)] }),
            buildIndicator({ key: 'c', unit: '位', periods: [period({ kind: 'rank', atMost: 10 }, 12)] }),
          ],
          evaluations: [evaluation('順調', { course: '継続' })],
        }),
      ],
    });
    const project = compute(doc).projects[0]!;
    expect(project.indicators!.map((i) => i.periods![0])).toStrictEqual([
      { fiscalYear: 2021, target: 8, actual: 5.1, achievementRate: 63.8, achieved: false, midTermProgress: null },
      { fiscalYear: 2021, target: 50, actual: 40, achievementRate: 125, achieved: true, midTermProgress: null },
      { fiscalYear: 2021, target: { kind: 'rank', atMost: 10 }, actual: 12, achievementRate: null, achieved: false, midTermProgress: null },
    ]);
    expect(project.budgets!.map((b) => b.change)).toEqual([null, '維持', '減額']);
    // (63.75 + 125) / 2 = 94.375 is 順調, but the missed rank caps it
    expect(project.evaluations).toStrictEqual([{ fiscalYear: 2021, grade: '順調', course: '継続', suggestedGrade: 'やや遅れ' }]);
  });

  it('suggests per row from the row’s indicators (No. 32 順調, No. 34 大変順調)', () => {
    const project = compute(buildDocument({ projects: [kouikiGyosei()] })).projects[0]!;
    expect(project.placements.map((row) => row.evaluations![0]!.suggestedGrade)).toEqual(['順調', '大変順調']);
    expect(project.budgets!.map((b) => b.change)).toEqual([null, '維持']);
  });

  it('has a project evaluation cover all the project’s indicators', () => {
    const project = buildProject({
      indicators: indicatorsOf([100, 100], [{ kind: 'rank', atMost: 10 }, 17]),
      evaluations: [evaluation('順調'), evaluation('順調', { fiscalYear: 2022 })],
      placements: [{ policy: 'I-1-(1)-①', no: 1, indicators: ['i1'] }],
    });
    const computed = compute(buildDocument({ projects: [project] })).projects[0]!;
    expect(computed.evaluations!.map((e) => e.suggestedGrade)).toEqual(['やや遅れ', null]);
    expect(computed.placements[0]).toBe(project.placements[0]); // a row without evaluations is shared as is
  });

  it('fills midTermProgress from the mid-term', () => {
    const indicator = buildIndicator({
      midTerm: { target: 60, basis: 'cumulative', fiscalYear: 2023, label: '累計60件 (R5年度)' },
      periods: [period(10, 10, 2021), period(20, 20, 2022), period(30, undefined, 2023)],
    });
    const periods = compute(buildDocument({ projects: [buildProject({ indicators: [indicator] })] })).projects[0]!.indicators![0]!.periods!;
    expect(periods.map((p) => [p.achievementRate, p.midTermProgress])).toEqual([
      [100, 16.7],
      [100, 50],
      [null, null],
    ]);
  });

  it('follows the document’s settings', () => {
    const doc = buildDocument({
      settings: { rateDecimals: 2, budgetFlatBand: 20, grades: ['A', 'B', 'C'], gradeBands: [100, 60] },
      projects: [
        buildProject({
          budgets: budgets([2022, 1000], [2023, 1150]),
          indicators: indicatorsOf([3, 2]),
          evaluations: [evaluation('B')],
        }),
      ],
    });
    const project = compute(doc).projects[0]!;
    expect(project.indicators![0]!.periods![0]!.achievementRate).toBe(66.67);
    expect(project.budgets![1]!.change).toBe('維持');
    expect(project.evaluations![0]!.suggestedGrade).toBe('B');
  });

  it('keeps unknown fields everywhere and changes nothing but its own fields', () => {
    const doc = buildDocument({
      x: 1,
      projects: [
        buildProject({
          memo: 'kept',
          budgets: [{ fiscalYear: 2022, amount: 10, source: '一般財源' }],
          indicators: [
            buildIndicator({
              note: 'kept',
              periods: [{ fiscalYear: 2021, target: 10, actual: 10, comment: '確定値' }, { fiscalYear: 2022, extra: true }],
            }),
          ],
          evaluations: [evaluation('順調', { reviewer: '企画課' })],
          placements: [{ policy: 'I-1-(1)-①', no: 1, evaluations: [evaluation('順調', { stage: 2 })], layout: 'wide' }],
        }),
      ],
    });
    const before = structuredClone(doc);
    const computed = compute(deepFreeze(doc));
    expect(doc).toEqual(before);
    const project = computed.projects[0]!;
    expect(computed.x).toBe(1);
    expect(project.memo).toBe('kept');
    expect(project.budgets).toStrictEqual([{ fiscalYear: 2022, amount: 10, source: '一般財源', change: null }]);
    expect(project.indicators![0]!.note).toBe('kept');
    expect(project.indicators![0]!.periods).toStrictEqual([
      { fiscalYear: 2021, target: 10, actual: 10, comment: '確定値', achievementRate: 100, achieved: true, midTermProgress: null },
      { fiscalYear: 2022, extra: true, achievementRate: null, achieved: null, midTermProgress: null },
    ]);
    expect(project.evaluations![0]).toStrictEqual({ fiscalYear: 2021, grade: '順調', reviewer: '企画課', suggestedGrade: '順調' });
    expect(project.placements[0]).toMatchObject({ layout: 'wide', evaluations: [{ stage: 2, suggestedGrade: '順調' }] });

    // Removing compute's fields gives the input back.
    const stripped = JSON.parse(JSON.stringify(computed, (key, value) =>
      ['achievementRate', 'achieved', 'midTermProgress', 'change', 'suggestedGrade'].includes(key) ? undefined : value,
    ));
    expect(stripped).toEqual(before);
  });

  it('keeps an own "__proto__" field as a field, never as the copy\'s prototype', () => {
    // As JSON.parse gives it: an own property named __proto__, on each record compute copies.
    const doc: HyokaDocument = JSON.parse(
      JSON.stringify(
        buildDocument({
          projects: [
            buildProject({
              budgets: [{ fiscalYear: 2022, amount: 10 }],
              indicators: [buildIndicator({ periods: [{ fiscalYear: 2022, target: 10, actual: 5 }] })],
              evaluations: [evaluation('順調')],
            }),
          ],
        }),
      )
        .replace('"amount":10', '"amount":10,"__proto__":{"polluted":"budget"}')
        .replace('"actual":5', '"actual":5,"__proto__":{"polluted":"period"}')
        .replace('"grade":"順調"', '"grade":"順調","__proto__":"evaluation"'),
    );
    const project = compute(doc).projects[0]!;
    const records = [project.budgets![0]!, project.indicators![0]!.periods![0]!, project.evaluations![0]!];
    expect(records.map((record) => Object.getOwnPropertyDescriptor(record, '__proto__')?.value)).toEqual([
      { polluted: 'budget' },
      { polluted: 'period' },
      'evaluation',
    ]);
    for (const record of records) {
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect((record as { polluted?: string }).polluted).toBeUndefined();
    }
  });

  it('overwrites computed fields already present in the input', () => {
    const doc = buildDocument({
      projects: [
        buildProject({
          budgets: [
            { fiscalYear: 2022, amount: 100, change: '増額' },
            { fiscalYear: 2023, amount: 100, change: '減額' },
          ],
          indicators: [buildIndicator({ periods: [{ ...period(54.0, 59.9), achievementRate: 999, achieved: false, midTermProgress: 1 }] })],
          evaluations: [evaluation('順調', { suggestedGrade: '遅れ' })],
        }),
      ],
    });
    const project = compute(doc).projects[0]!;
    expect(project.budgets!.map((b) => b.change)).toEqual([null, '維持']);
    expect(project.indicators![0]!.periods![0]).toMatchObject({ achievementRate: 110.9, achieved: true, midTermProgress: null });
    expect(project.evaluations![0]!.suggestedGrade).toBe('順調');
  });

  it('is idempotent, and computeProject gives what compute gives', () => {
    const doc = generateDocument({ projects: 40, seed: 7 });
    const once = compute(doc);
    expect(compute(once)).toEqual(once);
    const profile = resolveProfile(doc.settings);
    doc.projects.forEach((project, i) => expect(computeProject(project, profile)).toEqual(once.projects[i]));
  });

  it('completes every period, budget and evaluation of a generated document', () => {
    const doc = generateDocument({ projects: 60, seed: 11 });
    const before = JSON.stringify(doc);
    const computed: HyokaDocument = compute(doc);
    expect(JSON.stringify(doc)).toBe(before);
    for (const project of computed.projects) {
      for (const indicator of project.indicators ?? []) {
        for (const p of indicator.periods ?? []) {
          expect(p).toHaveProperty('achievementRate');
          expect(p).toHaveProperty('achieved');
          expect(p).toHaveProperty('midTermProgress');
          if (p.achievementRate != null) expect(Math.round(p.achievementRate * 10) / 10).toBe(p.achievementRate);
        }
      }
      for (const b of project.budgets ?? []) expect(b).toHaveProperty('change');
      for (const e of project.evaluations ?? []) expect(defaultProfile.grades.concat([null as never])).toContain(e.suggestedGrade);
    }
  });
});
