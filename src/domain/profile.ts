// The organization profile: the labels, scales and thresholds a city configures.
// The defaults reproduce the seed sheet (北九州市); `settings` in a hyoka/1 document
// holds only the overrides.
import type { Settings } from './model.js';

export interface Profile {
  /** 事業評価 / 局施策評価 scale, best first (at least 2). */
  grades: readonly string[];
  /** Lowest mean achievement rate (%) for each grade but the last; strictly decreasing. */
  gradeBands: readonly number[];
  /** 成果の方向性 */
  courses: readonly string[];
  /** Percent change below which a budget counts as 維持. */
  budgetFlatBand: number;
  /** Decimals of an achievement rate, 0–4. */
  rateDecimals: number;
}

export const defaultProfile: Profile = Object.freeze({
  grades: Object.freeze(['大変順調', '順調', 'やや遅れ', '遅れ']),
  gradeBands: Object.freeze([120, 80, 50]),
  courses: Object.freeze(['拡大', '継続', '改善', '縮小', '統合', '休止', '廃止', '終了']),
  budgetFlatBand: 5,
  rateDecimals: 1,
});

/** The profile in force for a document: its overrides over the defaults. */
export function resolveProfile(settings: Settings | undefined): Profile {
  if (!settings) return defaultProfile;
  return {
    grades: settings.grades ?? defaultProfile.grades,
    gradeBands: settings.gradeBands ?? defaultProfile.gradeBands,
    courses: settings.courses ?? defaultProfile.courses,
    budgetFlatBand: settings.budgetFlatBand ?? defaultProfile.budgetFlatBand,
    rateDecimals: settings.rateDecimals ?? defaultProfile.rateDecimals,
  };
}
