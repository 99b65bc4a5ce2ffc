import { describe, expect, it } from 'vitest';
import type { Evaluation, Placement } from '../domain/model.js';
import { buildProject } from '../domain/test-factory.js';
import { carryCourses, entryMarks } from './cycle-carry.js';

const row = (no: number, evaluations?: Evaluation[]): Placement => ({ policy: 'I-1-(1)-①', no, ...(evaluations && { evaluations }) });
const BASE = 'projects/shiken';
const ROW = (no: number) => `${BASE}/placements/I-1-(1)-①/${no}`;

describe('carryCourses', () => {
  const cases: { name: string; own?: Evaluation[]; rows: Placement[]; carried: Record<string, string> }[] = [
    {
      name: "the project's own course, its rows holding none",
      own: [{ fiscalYear: 2021, grade: '順調', course: '継続', improvement: '続ける' }],
      rows: [row(1), row(2)],
      carried: { [`${BASE}/evaluations/2022/course`]: '継続' },
    },
    {
      name: "each row's own course; the project's list untouched when every row has one",
      own: [{ fiscalYear: 2021, course: '拡充' }],
      rows: [row(1, [{ fiscalYear: 2021, course: '継続' }]), row(2, [{ fiscalYear: 2021, course: '縮小' }])],
      carried: { [`${ROW(1)}/evaluations/2022/course`]: '継続', [`${ROW(2)}/evaluations/2022/course`]: '縮小' },
    },
    {
      name: "a row's course, and the project's for the row left without one",
      own: [{ fiscalYear: 2021, course: '拡充' }],
      rows: [row(1, [{ fiscalYear: 2021, course: '継続' }]), row(2)],
      carried: { [`${ROW(1)}/evaluations/2022/course`]: '継続', [`${BASE}/evaluations/2022/course`]: '拡充' },
    },
    {
      name: 'the latest earlier course, skipping a later evaluation without one',
      own: [{ fiscalYear: 2019, course: '縮小' }, { fiscalYear: 2020, course: '継続' }, { fiscalYear: 2021, grade: '順調' }],
      rows: [row(1)],
      carried: { [`${BASE}/evaluations/2022/course`]: '継続' },
    },
    { name: 'nothing where the year is evaluated already', own: [{ fiscalYear: 2021, course: '継続' }, { fiscalYear: 2022, grade: '順調' }], rows: [row(1)], carried: {} },
    { name: 'nothing where no course was ever given', own: [{ fiscalYear: 2021, grade: '順調' }], rows: [row(1)], carried: {} },
    { name: 'nothing from a later year', own: [{ fiscalYear: 2023, course: '継続' }], rows: [row(1)], carried: {} },
  ];
  it.each(cases)('$name', ({ own, rows, carried }) => {
    const project = buildProject({ placements: rows, ...(own && { evaluations: own }) });
    const result = carryCourses(project, 2022);
    expect(result.carried).toEqual(carried);
    if (Object.keys(carried).length === 0) expect(result.project).toBe(project);
    // Only a course is carried, and last year's evaluations stay as they were.
    const all = [...(result.project.evaluations ?? []), ...result.project.placements.flatMap((r) => r.evaluations ?? [])];
    expect(all.filter((e) => e.fiscalYear === 2022 && e.grade === undefined).every((e) => Object.keys(e).join() === 'fiscalYear,course')).toBe(true);
    expect(all.filter((e) => e.fiscalYear !== 2022)).toEqual([...(own ?? []), ...rows.flatMap((r) => r.evaluations ?? [])].filter((e) => e.fiscalYear !== 2022));
  });
});

describe('entryMarks', () => {
  const COURSE = `${BASE}/evaluations/2022/course`;
  const TEXT = `${BASE}/evaluations/2022/improvement`;
  const project = (course: string, improvement: string) =>
    buildProject({ evaluations: [{ fiscalYear: 2021, course: '継続', improvement: '続ける' }, { fiscalYear: 2022, course, improvement }] });
  const cases: { name: string; course: string; text: string; confirmed: Record<string, string>; marks: object }[] = [
    { name: 'a carried course unconfirmed, a copied text', course: '継続', text: '続ける', confirmed: {}, marks: { carried: [COURSE], sameAsLastYear: [TEXT], confirmed: [] } },
    { name: 'a carried course changed', course: '拡充', text: '続ける', confirmed: {}, marks: { carried: [], sameAsLastYear: [TEXT], confirmed: [] } },
    {
      name: 'both confirmed at their present values',
      course: '継続',
      text: '続ける',
      confirmed: { [COURSE]: '継続', [TEXT]: '続ける' },
      marks: { carried: [], sameAsLastYear: [], confirmed: [COURSE, TEXT] },
    },
    {
      name: 'a confirmation of another value covers nothing',
      course: '継続',
      text: '続ける',
      confirmed: { [COURSE]: '拡充' },
      marks: { carried: [COURSE], sameAsLastYear: [TEXT], confirmed: [] },
    },
  ];
  it.each(cases)('$name', ({ course, text, confirmed, marks }) => {
    const sameAsLastYear = text === '続ける' ? [TEXT] : [];
    expect(entryMarks(project(course, text), 2022, sameAsLastYear, { [COURSE]: '継続' }, confirmed)).toEqual(marks);
  });
});
