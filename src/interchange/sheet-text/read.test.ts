import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Indicator, Project } from '../../domain/model.js';
import { compute } from '../compute.js';
import { validateDocument } from '../validate.js';
import { readSheetText } from './read.js';
import { formatSheetReport } from './report.js';

const SEED = new URL('../../../data/kitakyushu.sheet.txt', import.meta.url);
const seedText = readFileSync(SEED, 'utf8');
const { document, report } = readSheetText(seedText, { organization: '北九州市', bureau: '企画調整局' });

function projectOfRow(doc: HyokaDocument, no: number): Project {
  const project = doc.projects.find((p) => p.placements.some((pl) => pl.no === no));
  if (!project) throw new Error(`no row ${no}`);
  return project;
}

function indicatorOfRow(doc: HyokaDocument, no: number, name: string): Indicator {
  const indicator = projectOfRow(doc, no).indicators?.find((i) => i.name === name);
  if (!indicator) throw new Error(`no indicator ${name} on row ${no}`);
  return indicator;
}

describe('readSheetText on the seed sheet', () => {
  it('returns a valid hyoka/1 draft with every row 1–34', () => {
    const result = validateDocument(document);
    expect(result.ok ? [] : result.problems).toEqual([]);
    const rows = document.projects.flatMap((p) => p.placements.map((pl) => pl.no)).sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(document.projects).toHaveLength(21);
    expect(document.policies).toHaveLength(22);
  });

  it('reads No. 5’s indicator from the line under the header words, with its target and actual', () => {
    const indicator = indicatorOfRow(document, 5, '市民の「多文化共生」という言葉の認知度');
    expect(indicator.unit).toBe('%');
    expect(indicator.periods?.[0]).toEqual({ fiscalYear: 2021, target: 54, actual: 59.9 });
    expect(indicator.periods?.map((p) => p.target)).toEqual([54, 61, 61]);
    expect(indicator.baseline).toMatchObject({ value: 51.8, fiscalYear: 2017 });
    const computed = compute(document);
    const rate = computed.projects.flatMap((p) => p.indicators ?? []).find((i) => i.name === indicator.name)?.periods?.[0]?.achievementRate;
    expect(rate).toBe(110.9);
  });

  it('reads No. 18’s previous-year targets from the block printed above its line', () => {
    const count = indicatorOfRow(document, 18, '寄附件数');
    const amount = indicatorOfRow(document, 18, '寄附金額');
    expect(count.periods).toEqual([
      { fiscalYear: 2021, target: { kind: 'previous-year', base: 64616, direction: 'increase' }, actual: 96953 },
      { fiscalYear: 2022, target: { kind: 'previous-year', direction: 'increase' } },
      { fiscalYear: 2023, target: { kind: 'previous-year', direction: 'increase' } },
    ]);
    expect(amount.unit).toBe('万円');
    expect(amount.periods?.[0]).toEqual({ fiscalYear: 2021, target: { kind: 'previous-year', base: 112654, direction: 'increase' }, actual: 181809 });
    const project = projectOfRow(document, 18);
    expect(project.evaluations).toEqual([expect.objectContaining({ fiscalYear: 2021, grade: '大変順調', course: '拡大' })]);
    expect(project.budgets).toEqual([
      { fiscalYear: 2022, amount: 1110000 },
      { fiscalYear: 2023, amount: 1837000 },
    ]);
  });

  it('reads No. 1’s budgets and the change compute() gives them', () => {
    const project = projectOfRow(document, 1);
    expect(project.name).toBe('公立大学法人北九州市立大学運営事業');
    expect(project.placements.map((p) => p.no)).toEqual([1, 2, 4]);
    expect(project.budgets).toEqual([
      { fiscalYear: 2022, amount: 2665000 },
      { fiscalYear: 2023, amount: 3144000 },
    ]);
    expect(compute(document).projects.find((p) => p.key === project.key)?.budgets?.[1]?.change).toBe('増額');
    expect(project.personnelCosts).toEqual([{ fiscalYear: 2023, amount: 13200 }]);
  });

  it('carries the policy code down, reads (I) as (1) and keeps real spaces', () => {
    const policyOf = (no: number) => projectOfRow(document, no).placements.find((p) => p.no === no)?.policy;
    expect(policyOf(3)).toBe('I-2-(1)-④');
    expect(policyOf(18)).toBe('IV-4-(2)-②');
    expect(policyOf(31)).toBe('VII-3-(1)-①');
    expect(projectOfRow(document, 14).summary).toContain('「北九州市 時と風の博物館」');
    expect(projectOfRow(document, 3).name).toBe('(公財)アジア成長研究所補助金');
  });

  it('joins a policy text cut at No. 16 with its continuation under No. 17', () => {
    const text = document.policyEvaluations?.find((e) => e.policy === 'IV-4-(2)-②')?.improvement ?? '';
    expect(text).toContain('新規サポーターの獲得を進めるとともに、興味・関心の深化');
    expect(text.endsWith('寄附金額の増加を図る。')).toBe(true);
  });

  it('reports what it guessed, with places, and agrees with every printed rate and budget change', () => {
    expect(report.confident.length).toBeGreaterThanOrEqual(34);
    const guessed = report.guessed.map((i) => `${i.no ?? ''} ${i.message}`);
    expect(guessed.some((m) => m.startsWith('18 ') && m.includes('上に印字された事業評価'))).toBe(true);
    expect(guessed.some((m) => m.startsWith('31 ') && m.includes('(I) を (1)'))).toBe(true);
    expect(report.guessed.every((i) => i.message.includes(' / ') && i.line !== undefined)).toBe(true);
    expect(report.unplaced.filter((i) => i.field === 'achievementRate' || i.field === 'budgets.change')).toEqual([]);
  });
});

describe('formatSheetReport', () => {
  it('prints the counts, then each guessed and unplaced item with its place', () => {
    const text = formatSheetReport(report);
    expect(text).toContain(`Read with confidence: ${report.confident.length}`);
    expect(text).toMatch(/p\.8 l\.103 No\.18 evaluation: No\.18 の行の上に印字された/u);
  });
});

describe('readSheetText on other input', () => {
  it('says it read nothing from a text that is not a sheet', () => {
    const result = readSheetText('これは PDCA シートではありません\n\tただの文章です');
    expect(result.document.projects).toEqual([]);
    expect(validateDocument(result.document).ok).toBe(true);
    expect(result.report.unplaced.length).toBeGreaterThan(0);
  });

  it('reports a row whose printed rate disagrees with its target and actual', () => {
    const text = seedText.replace('達成率\t83.3 %', '達成率\t99.9 %');
    const result = readSheetText(text, { organization: '北九州市' });
    expect(result.report.unplaced.some((i) => i.no === 3 && i.field === 'achievementRate' && i.message.includes('83.3'))).toBe(true);
  });
});
