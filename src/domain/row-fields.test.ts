import { describe, expect, it } from 'vitest';
import type { Placement } from './model.js';
import { buildProject } from './test-factory.js';
import { projectGoals, rowSdgs, rowSummary } from './row-fields.js';

const row = (no: number, fields: Partial<Placement> = {}): Placement => ({ policy: 'I-1-(1)-①', no, ...fields });

describe('rowSdgs and rowSummary: a row shows its own, else the project’s', () => {
  it.each<[string, number[] | undefined, Placement, number[]]>([
    ['absent on the row: the project’s', [4, 10], row(1), [4, 10]],
    ['the row’s own replaces the project’s', [4, 10], row(1, { sdgs: [17] }), [17]],
    ['[] on the row replaces too', [4, 10], row(1, { sdgs: [] }), []],
    ['neither has any', undefined, row(1), []],
  ])('%s', (_, projectSdgs, placement, expected) => {
    expect(rowSdgs(buildProject({ sdgs: projectSdgs, placements: [placement] }), placement)).toEqual(expected);
  });

  it('summary: the row’s own (even empty), else the project’s, else empty', () => {
    const project = buildProject({ summary: '事業の概要' });
    expect(rowSummary(project, row(1))).toBe('事業の概要');
    expect(rowSummary(project, row(2, { summary: '行の概要' }))).toBe('行の概要');
    expect(rowSummary(project, row(3, { summary: '' }))).toBe('');
    expect(rowSummary(buildProject(), row(4))).toBe('');
  });
});

describe('projectGoals: the goals the project’s rows print', () => {
  it.each<[string, number[] | undefined, Placement[], number[]]>([
    ['rows sharing the project’s goals', [10, 4], [row(1), row(2)], [4, 10]],
    ['a row with its own, one with the project’s', [10, 4], [row(1, { sdgs: [17, 4] }), row(2)], [4, 10, 17]],
    ['every row replaces the project’s: none of its goals is printed', [9], [row(1, { sdgs: [3] }), row(2, { sdgs: [] })], [3]],
    ['rows emptied', [9], [row(1, { sdgs: [] })], []],
    ['no goals anywhere', undefined, [row(1)], []],
  ])('%s', (_, projectSdgs, placements, expected) => {
    expect(projectGoals(buildProject({ sdgs: projectSdgs, placements }))).toEqual(expected);
  });
});
