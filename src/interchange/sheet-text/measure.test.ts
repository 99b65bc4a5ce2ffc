import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { parseDocumentText } from '../validate.js';
import { formatRecovery, measureRecovery } from './measure.js';
import { readSheetText } from './read.js';

const seedText = readFileSync(new URL('../../../data/kitakyushu.sheet.txt', import.meta.url), 'utf8');
const curatedRead = parseDocumentText(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8'));
if (!curatedRead.ok) throw new Error('the curated demo document is invalid');
const curated = curatedRead.document;

/** The share recovered exactly when this reader was written; a regression fails here. */
const SEED_FLOOR = 1;

const fieldOf = (recovery: ReturnType<typeof measureRecovery>, name: string) => recovery.fields.find((f) => f.name === name);

describe('measureRecovery', () => {
  it('finds the seed sheet recovered at least as well as when the reader was written', () => {
    const { document } = readSheetText(seedText, { organization: '北九州市', bureau: '企画調整局' });
    const recovery = measureRecovery(document, curated);
    console.log(formatRecovery(recovery));
    expect(recovery.share).toBeGreaterThanOrEqual(SEED_FLOOR);
    for (const field of recovery.fields) expect(field.total, field.name).toBeGreaterThan(0);
    expect(fieldOf(recovery, 'rows (policy + No.)')).toEqual({ name: 'rows (policy + No.)', total: 34, exact: 34 });
  });

  it('gives the curated document full marks against itself', () => {
    expect(measureRecovery(curated, curated).share).toBe(1);
  });

  it('counts a changed value against its field only, once per row that shows it', () => {
    const changed: HyokaDocument = structuredClone(curated);
    const project = changed.projects[0];
    const indicator = project?.indicators?.[0];
    const period = indicator?.periods?.[0];
    if (!project || !indicator || !period) throw new Error('fixture');
    period.target = { kind: 'qualitative', text: 'B' };
    const rowsShowing = project.placements.filter((p) => !p.indicators || p.indicators.includes(indicator.key)).length;
    const recovery = measureRecovery(changed, curated);
    const targets = fieldOf(recovery, 'targets');
    expect(targets && targets.total - targets.exact).toBe(rowsShowing);
    for (const field of recovery.fields) if (field.name !== 'targets' && field.name !== 'rates') expect(field.exact, field.name).toBe(field.total);
  });

  it('treats a paragraph break written as a space as exact, and a lost real space as not', () => {
    const spaced: HyokaDocument = structuredClone(curated);
    const project = spaced.projects.find((p) => p.summary?.includes('北九州市 時と風'));
    if (!project?.summary) throw new Error('fixture');
    project.summary = project.summary.replace('北九州市 時と風', '北九州市時と風');
    const withBreak = structuredClone(curated);
    const evaluation = withBreak.projects[0]?.placements[0]?.evaluations?.[0];
    if (!evaluation?.improvement) throw new Error('fixture');
    evaluation.improvement = evaluation.improvement.replace('\n', ' ');
    expect(fieldOf(measureRecovery(withBreak, curated), 'improvements')?.exact).toBe(fieldOf(measureRecovery(curated, curated), 'improvements')?.exact);
    const summary = fieldOf(measureRecovery(spaced, curated), 'summary');
    expect(summary && summary.total - summary.exact).toBe(project.placements.filter((p) => p.summary === undefined).length);
  });

  it('scores an empty draft at zero', () => {
    const empty: HyokaDocument = { format: 'hyoka/1', organization: { name: '北九州市' }, policies: [], projects: [] };
    expect(measureRecovery(empty, curated).share).toBe(0);
  });
});
