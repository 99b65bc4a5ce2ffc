// The sheet prints figures hyoka computes (達成率, 事業費の増減). They are not stored; they
// check the reading: a printed rate that compute() reproduces confirms the target and
// actual were placed right, one that matches a sibling indicator was printed out of order
// (No. 18), and any other disagreement is reported.
import type { HyokaDocument, Indicator } from '../../domain/model.js';
import { readQuantity } from '../../domain/quantity.js';
import { compute } from '../compute.js';
import type { Built } from './build.js';
import { compact } from './cells.js';
import { isDash } from './cell-kinds.js';
import type { Reporter } from './report.js';

export function verify(document: HyokaDocument, built: Built, reporter: Reporter): void {
  const computed = compute(document);
  const indicators = new Map<string, Indicator>();
  for (const project of computed.projects) for (const indicator of project.indicators ?? []) indicators.set(`${project.key}\u0000${indicator.key}`, indicator);
  const rateOf = (projectKey: string, key: string, fiscalYear: number) =>
    indicators.get(`${projectKey}\u0000${key}`)?.periods?.find((p) => p.fiscalYear === fiscalYear)?.achievementRate ?? null;
  let agreed = 0;
  for (const check of built.rates) {
    const printed = readPrinted(check.printed);
    if (printed === 'unreadable') {
      reporter.unplaced(check.place, 'achievementRate', `達成率「${check.printed}」を読めません`, `cannot read the achievement rate "${check.printed}"`);
      continue;
    }
    const mine = rateOf(check.projectKey, check.indicatorKey, check.fiscalYear);
    if (mine === printed) {
      agreed += 1;
      continue;
    }
    const name = indicators.get(`${check.projectKey}\u0000${check.indicatorKey}`)?.name ?? check.indicatorKey;
    const sibling = check.siblings.find((k) => rateOf(check.projectKey, k, check.fiscalYear) === printed);
    if (sibling !== undefined) {
      reporter.guessed(check.place, 'achievementRate', `達成率 ${check.printed} は別の指標のものです (印字の順序が入れ替わっています)。「${name}」の達成率は計算で ${show(mine)}`, `the rate ${check.printed} belongs to another indicator (printed out of order); "${name}" computes to ${show(mine)}`);
    } else {
      reporter.unplaced(check.place, 'achievementRate', `「${name}」の達成率は ${check.printed} と印字されていますが、計算では ${show(mine)} です。目標と実績を確認してください`, `"${name}" prints the rate ${check.printed} but computes to ${show(mine)}; check its target and actual`);
    }
  }
  if (agreed > 0) reporter.confident({}, 'achievementRate', `印字された達成率 ${agreed} 件が計算と一致しました`, `${agreed} printed achievement rate(s) agree with the computed ones`);
  for (const check of built.changes) {
    const project = computed.projects.find((p) => p.key === check.projectKey);
    const change = project?.budgets?.find((b) => b.fiscalYear === check.fiscalYear)?.change ?? null;
    if (change === check.printed) continue;
    reporter.unplaced(check.place, 'budgets.change', `事業費の増減は「${check.printed}」と印字されていますが、予算額から計算すると「${change ?? '—'}」です`, `the budget change is printed "${check.printed}" but the budgets give "${change ?? '—'}"`);
  }
}

function readPrinted(text: string): number | null | 'unreadable' {
  if (isDash(text)) return null;
  const quantity = readQuantity(compact(text));
  return quantity.ok ? quantity.value.value : 'unreadable';
}

function show(rate: number | null): string {
  return rate === null ? '—' : String(rate);
}
