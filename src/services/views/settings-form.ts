// The settings form (/admin/settings; interchange.md, "Settings"): the organization's overrides
// of the default profile as inputs, read back with problems beside their inputs, and the
// effect of new settings on the stored document before they are saved — how many suggested
// grades, 増減 labels and achievement rates would read differently, with the first of them.
import type { HyokaDocument, Settings } from '../../domain/model.js';
import { defaultProfile } from '../../domain/profile.js';
import { compute } from '../../interchange/compute.js';
import { childPath } from '../../interchange/change-path.js';
import type { Problem } from '../../interchange/messages.js';
import { sameValue } from '../../interchange/same-value.js';

export const SETTINGS_FIELDS = ['grades', 'gradeBands', 'courses', 'budgetFlatBand', 'rateDecimals', 'stages'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
export type SettingsValues = Record<SettingsField, string>;

/** The review stages (workflow.md, "Stages"): `reviewed` is the one an organization may leave out. */
export const DEFAULT_STAGES = ['draft', 'submitted', 'reviewed', 'approved'] as const;
export const STAGES_WITHOUT_REVIEW = ['draft', 'submitted', 'approved'] as const;

/** What the inputs show when the organization keeps the default (their placeholders). */
export const DEFAULT_TEXT: SettingsValues = {
  grades: defaultProfile.grades.join('\n'),
  gradeBands: defaultProfile.gradeBands.join(', '),
  courses: defaultProfile.courses.join('\n'),
  budgetFlatBand: String(defaultProfile.budgetFlatBand),
  rateDecimals: String(defaultProfile.rateDecimals),
  stages: '',
};

/** The stored overrides as the inputs' text: empty where the default holds. */
export function settingsFormValues(settings: Settings | undefined): SettingsValues {
  const stages = settings?.stages;
  return {
    grades: settings?.grades?.join('\n') ?? '',
    gradeBands: settings?.gradeBands?.join(', ') ?? '',
    courses: settings?.courses?.join('\n') ?? '',
    budgetFlatBand: settings?.budgetFlatBand === undefined ? '' : String(settings.budgetFlatBand),
    rateDecimals: settings?.rateDecimals === undefined ? '' : String(settings.rateDecimals),
    stages: stages === undefined ? '' : sameValue(stages, STAGES_WITHOUT_REVIEW) ? 'without-review' : 'with-review',
  };
}

const lines = (text: string) => text.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line !== '');
const numbers = (text: string) => text.normalize('NFKC').split(/[\s,、]+/u).filter((part) => part !== '');

/** The inputs read back over the stored settings (their unknown fields kept); an empty input removes its override. */
export function parseSettingsForm(stored: Settings | undefined, values: Partial<SettingsValues>): { settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings: Settings = { ...stored };
  const set = (field: SettingsField, value: unknown) => {
    if (value === undefined) delete (settings as Record<string, unknown>)[field];
    else (settings as Record<string, unknown>)[field] = value;
  };
  const text = (field: SettingsField) => values[field]?.trim() ?? '';

  const grades = lines(text('grades'));
  const gradesWrong = grades.length === 1 || new Set(grades).size !== grades.length;
  if (gradesWrong) problems.push({ path: 'grades', message: '評価は重複なく2つ以上、1行に1つずつ書いてください / Write two or more distinct grades, one a line' });
  set('grades', grades.length === 0 ? undefined : grades);

  const courses = lines(text('courses'));
  if (new Set(courses).size !== courses.length) problems.push({ path: 'courses', message: '方向性が重複しています / A course is listed twice' });
  set('courses', courses.length === 0 ? undefined : courses);

  const bandsText = numbers(text('gradeBands'));
  const bands = bandsText.map(Number);
  const gradeCount = (grades.length > 0 ? grades : defaultProfile.grades).length;
  if (bandsText.some((band) => !/^-?\d+(\.\d+)?$/u.test(band))) {
    problems.push({ path: 'gradeBands', message: '評価の境界は数値をカンマ区切りで書いてください / Write the bands as numbers separated by commas' });
  } else if (!gradesWrong && (bands.length > 0 || grades.length > 0)) {
    const effective = bands.length > 0 ? bands : [...defaultProfile.gradeBands];
    if (effective.length !== gradeCount - 1) {
      problems.push({ path: 'gradeBands', message: `評価の境界は評価の数より1つ少ない ${gradeCount - 1} 個です / Give ${gradeCount - 1} bands, one fewer than the grades` });
    } else if (effective.some((band, i) => i > 0 && band >= effective[i - 1]!)) {
      problems.push({ path: 'gradeBands', message: '評価の境界は大きい順に書いてください / The bands must be strictly decreasing' });
    }
  }
  set('gradeBands', bands.length === 0 ? undefined : bands);

  const band = text('budgetFlatBand').normalize('NFKC');
  if (band !== '' && !(/^\d+(\.\d+)?$/u.test(band))) problems.push({ path: 'budgetFlatBand', message: '維持とみなす幅は 0 以上の数値（%）です / The flat band is a number of percent, 0 or more' });
  set('budgetFlatBand', band === '' || !/^\d+(\.\d+)?$/u.test(band) ? undefined : Number(band));

  const decimals = text('rateDecimals').normalize('NFKC');
  if (decimals !== '' && !/^[0-4]$/u.test(decimals)) problems.push({ path: 'rateDecimals', message: '達成率の小数桁数は 0〜4 です / Rate decimals are 0 to 4' });
  set('rateDecimals', /^[0-4]$/u.test(decimals) ? Number(decimals) : undefined);

  const stages = text('stages');
  set('stages', stages === 'without-review' ? [...STAGES_WITHOUT_REVIEW] : stages === 'with-review' ? [...DEFAULT_STAGES] : undefined);
  return { settings, problems };
}

export interface SettingsChange {
  path: string;
  before: string;
  after: string;
}

export interface SettingsEffect {
  suggestedGrades: number;
  budgetChanges: number;
  achievementRates: number;
  /** The first changed values, for a look at what they are. */
  examples: SettingsChange[];
}

const EXAMPLES = 20;

/** What would read differently in the stored document (not computed) with `settings` instead of its own. */
export function settingsEffect(stored: HyokaDocument, settings: Settings): SettingsEffect {
  const before = compute(stored);
  const after = compute({ ...stored, settings });
  const effect: SettingsEffect = { suggestedGrades: 0, budgetChanges: 0, achievementRates: 0, examples: [] };
  const note = (kind: 'suggestedGrades' | 'budgetChanges' | 'achievementRates', path: string, was: unknown, now: unknown) => {
    if (sameValue(was, now)) return;
    effect[kind]++;
    if (effect.examples.length < EXAMPLES) effect.examples.push({ path, before: shown(was), after: shown(now) });
  };
  before.projects.forEach((project, p) => {
    const next = after.projects[p]!;
    const at = childPath('projects', project.key);
    project.evaluations?.forEach((evaluation, e) => note('suggestedGrades', `${at}/evaluations/${evaluation.fiscalYear}/suggestedGrade`, evaluation.suggestedGrade, next.evaluations![e]!.suggestedGrade));
    project.placements.forEach((row, r) =>
      row.evaluations?.forEach((evaluation, e) =>
        note('suggestedGrades', `${childPath(childPath(`${at}/placements`, row.policy), String(row.no))}/evaluations/${evaluation.fiscalYear}/suggestedGrade`, evaluation.suggestedGrade, next.placements[r]!.evaluations![e]!.suggestedGrade),
      ),
    );
    project.budgets?.forEach((budget, b) => note('budgetChanges', `${at}/budgets/${budget.fiscalYear}/change`, budget.change, next.budgets![b]!.change));
    project.indicators?.forEach((indicator, i) =>
      indicator.periods?.forEach((period, y) =>
        note('achievementRates', `${childPath(`${at}/indicators`, indicator.key)}/periods/${period.fiscalYear}/achievementRate`, period.achievementRate, next.indicators![i]!.periods![y]!.achievementRate),
      ),
    );
  });
  return effect;
}

function shown(value: unknown): string {
  return value === null || value === undefined ? '—' : String(value);
}
