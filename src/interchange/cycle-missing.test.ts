import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../domain/model.js';
import { compute } from './compute.js';
import { entryFindings, type CycleScope } from './cycle-missing.js';

const demo = compute(JSON.parse(readFileSync(new URL('../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8')) as HyokaDocument);
const project = (key: string): Project => demo.projects.find((p) => p.key === key)!;

/** The demo's project with its 2021 evaluation changed (grades and suggestions as compute() gives them). */
function edited(key: string, change: (project: Project) => void): Project {
  const copy = structuredClone(project(key));
  change(copy);
  return copy;
}

describe('entryFindings on the demo', () => {
  it.each<[string, string, number, CycleScope, string[]]>([
    ['an approved entry of 2021 lacks nothing', 'agi-subsidy', 2021, 'full', []],
    ['an actual the sheet left blank is missing', 'kanmon-cooperation', 2021, 'full', ['projects/kanmon-cooperation/indicators/kanmon-tourism-spending/periods/2021/actual']],
    [
      'a new year lacks its actuals, grade and course',
      'agi-subsidy',
      2022,
      'full',
      [
        'projects/agi-subsidy/indicators/papers/periods/2022/actual',
        'projects/agi-subsidy/indicators/external-funds/periods/2022/actual',
        'projects/agi-subsidy/evaluations/2022/grade',
        'projects/agi-subsidy/evaluations/2022/course',
      ],
    ],
    ['light scope asks the actuals alone', 'agi-subsidy', 2022, 'light', ['projects/agi-subsidy/indicators/papers/periods/2022/actual', 'projects/agi-subsidy/indicators/external-funds/periods/2022/actual']],
    ['skip asks nothing', 'agi-subsidy', 2022, 'skip', []],
  ])('%s', (_name, key, year, scope, missing) => {
    expect(entryFindings(project(key), year, scope).missing).toEqual(missing);
  });

  it('asks a reason for a grade off its suggestion, and nothing once given', () => {
    const original = project('agi-subsidy').evaluations!.find((e) => e.fiscalYear === 2021)!;
    expect(original.suggestedGrade).toBeTruthy();
    const other = ['A', 'B', 'C', 'D'].find((g) => g !== original.suggestedGrade)!;
    const off = edited('agi-subsidy', (p) => {
      const e = p.evaluations!.find((x) => x.fiscalYear === 2021)!;
      e.grade = other;
      delete e.gradeReason;
      delete e.course;
    });
    expect(entryFindings(off, 2021, 'full').missing).toEqual(['projects/agi-subsidy/evaluations/2021/course', 'projects/agi-subsidy/evaluations/2021/gradeReason']);
    off.evaluations!.find((x) => x.fiscalYear === 2021)!.gradeReason = '外部要因';
    expect(entryFindings(off, 2021, 'full').missing).toEqual(['projects/agi-subsidy/evaluations/2021/course']);
    expect(entryFindings(off, 2021, 'light').missing).toEqual([]);
  });

  it('names an improvement text identical to the year before', () => {
    const copied = edited('agi-subsidy', (p) => {
      const e = p.evaluations!.find((x) => x.fiscalYear === 2021)!;
      e.improvement = '申請手続を電子化した';
      p.evaluations!.push({ fiscalYear: 2022, grade: e.grade!, course: e.course!, improvement: e.improvement });
    });
    expect(entryFindings(copied, 2022, 'full').sameAsLastYear).toEqual(['projects/agi-subsidy/evaluations/2022/improvement']);
    copied.evaluations!.find((x) => x.fiscalYear === 2022)!.improvement = '対象を拡大した';
    expect(entryFindings(copied, 2022, 'full').sameAsLastYear).toEqual([]);
  });
});
