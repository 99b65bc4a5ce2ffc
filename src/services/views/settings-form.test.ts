import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Settings } from '../../domain/model.js';
import { parseSettingsForm, settingsEffect, settingsFormValues, type SettingsValues } from './settings-form.js';

const DEMO = JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8')) as HyokaDocument;
const EMPTY: SettingsValues = { grades: '', gradeBands: '', courses: '', budgetFlatBand: '', rateDecimals: '', stages: '' };

describe('parseSettingsForm', () => {
  const cases: [string, Partial<SettingsValues>, Settings][] = [
    ['nothing typed: no override', {}, {}],
    ['a scale of four letters with its bands', { grades: 'S\nA\r\nB\n C \n', gradeBands: '110, 90、60' }, { grades: ['S', 'A', 'B', 'C'], gradeBands: [110, 90, 60] }],
    ['three grades and two bands', { grades: '順調\nやや遅れ\n遅れ', gradeBands: '80 50' }, { grades: ['順調', 'やや遅れ', '遅れ'], gradeBands: [80, 50] }],
    ['a course list', { courses: '継続\n見直し\n廃止' }, { courses: ['継続', '見直し', '廃止'] }],
    ['a budget band in full-width digits', { budgetFlatBand: '３' }, { budgetFlatBand: 3 }],
    ['an override equal to the default', { rateDecimals: '1' }, { rateDecimals: 1 }],
    ['stages without the bureau review', { stages: 'without-review' }, { stages: ['draft', 'submitted', 'approved'] }],
    ['stages with it, written out', { stages: 'with-review' }, { stages: ['draft', 'submitted', 'reviewed', 'approved'] }],
  ];
  it.each(cases)('reads %s', (_name, values, expected) => {
    const parsed = parseSettingsForm(undefined, { ...EMPTY, ...values });
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual(expected);
  });

  it('keeps unknown fields of the stored settings and removes an override emptied', () => {
    const parsed = parseSettingsForm({ budgetFlatBand: 3, 'x-note': '市独自' }, EMPTY);
    expect(parsed.settings).toEqual({ 'x-note': '市独自' });
  });

  it('gives the stored overrides back as the inputs were', () => {
    const stored: Settings = { grades: ['S', 'A', 'B'], gradeBands: [100, 60], budgetFlatBand: 2.5, stages: ['draft', 'submitted', 'approved'] };
    expect(parseSettingsForm(stored, settingsFormValues(stored))).toEqual({ settings: stored, problems: [] });
  });

  const refused: [string, Partial<SettingsValues>, string][] = [
    ['one grade', { grades: 'S' }, 'grades'],
    ['a grade twice', { grades: 'S\nS\nA' }, 'grades'],
    ['bands of the wrong count for the default grades', { gradeBands: '100, 50' }, 'gradeBands'],
    ['bands of the wrong count for new grades', { grades: 'A\nB', gradeBands: '100, 50' }, 'gradeBands'],
    ['new grades without bands of their count', { grades: 'A\nB' }, 'gradeBands'],
    ['bands that rise', { gradeBands: '50, 80, 120' }, 'gradeBands'],
    ['a band that is no number', { gradeBands: '120, 八十, 50' }, 'gradeBands'],
    ['a course twice', { courses: '継続\n継続' }, 'courses'],
    ['a negative budget band', { budgetFlatBand: '-1' }, 'budgetFlatBand'],
    ['five rate decimals', { rateDecimals: '5' }, 'rateDecimals'],
  ];
  it.each(refused)('refuses %s beside its input', (_name, values, field) => {
    const { problems } = parseSettingsForm(undefined, { ...EMPTY, ...values });
    expect(problems.map((problem) => problem.path)).toEqual([field]);
    expect(problems[0]!.message).toMatch(/^\P{ASCII}.* \/ [A-Z]/u);
  });
});

describe('settingsEffect on the demo (北九州市)', () => {
  it('changes nothing with the default profile written out', () => {
    const effect = settingsEffect(DEMO, { grades: ['大変順調', '順調', 'やや遅れ', '遅れ'], gradeBands: [120, 80, 50], budgetFlatBand: 5, rateDecimals: 1 });
    expect(effect).toEqual({ suggestedGrades: 0, budgetChanges: 0, achievementRates: 0, examples: [] });
  });

  it('counts the 増減 labels a narrower band turns from 維持 (the seed’s 維持 spans +2.61% … −4.55%)', () => {
    const effect = settingsEffect(DEMO, { budgetFlatBand: 2 });
    expect(effect.budgetChanges).toBeGreaterThan(0);
    expect(effect.suggestedGrades).toBe(0);
    expect(effect.examples.every((example) => example.path.endsWith('/change') && example.before === '維持')).toBe(true);
  });

  it('counts the suggestions a higher top band moves (No. 34: 100/200/100 is 大変順調 at 120, 順調 at 150)', () => {
    const effect = settingsEffect(DEMO, { gradeBands: [150, 80, 50] });
    expect(effect.suggestedGrades).toBeGreaterThan(0);
    expect(effect.examples).toContainEqual({ path: 'projects/regional-administration/placements/VII-3-(2)-②/34/evaluations/2021/suggestedGrade', before: '大変順調', after: '順調' });
  });

  it('counts the rates whole-number decimals write differently (59.9/54.0 → 110.9 becomes 111)', () => {
    const effect = settingsEffect(DEMO, { rateDecimals: 0 });
    expect(effect.achievementRates).toBeGreaterThan(0);
    expect(effect.examples).toContainEqual({ path: 'projects/tabunka/indicators/ninchido/periods/2021/achievementRate', before: '110.9', after: '111' });
  });
});
