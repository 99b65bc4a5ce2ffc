// compute(): indicator-periods per second over an already parsed and validated document
// of 10,000 generated projects, beside a plain floating-point loop over the same numbers.
import { compute } from '../src/interchange/compute.js';
import { generateDocument } from '../src/interchange/generate.js';
import { validateDocument } from '../src/interchange/validate.js';
import type { HyokaDocument } from '../src/domain/model.js';
import { bestOf, num, perSecond, ratio } from './format.js';

function countPeriods(document: HyokaDocument): number {
  let count = 0;
  for (const project of document.projects) for (const indicator of project.indicators ?? []) count += indicator.periods?.length ?? 0;
  return count;
}

/** The baseline: a / t × 100 rounded in floating point, for every numeric period. */
function floatLoop(document: HyokaDocument): number {
  let sink = 0;
  for (const project of document.projects) {
    for (const indicator of project.indicators ?? []) {
      for (const period of indicator.periods ?? []) {
        if (typeof period.target === 'number' && typeof period.actual === 'number' && period.target > 0) {
          sink += Math.round((period.actual / period.target) * 1000) / 10;
        }
      }
    }
  }
  return sink;
}

export function benchCompute(projects = 10_000): void {
  const json = JSON.stringify(generateDocument({ projects }));
  let parsed: unknown;
  const parseMs = bestOf(3, () => {
    parsed = JSON.parse(json);
  });
  let document: HyokaDocument | undefined;
  const validateMs = bestOf(3, () => {
    const result = validateDocument(parsed);
    if (!result.ok) throw new Error(`generated document is invalid: ${result.problems[0]?.path} ${result.problems[0]?.message}`);
    document = result.document;
  });
  const doc = document as HyokaDocument;
  const periods = countPeriods(doc);
  compute(doc); // warm-up
  const computeMs = bestOf(5, () => compute(doc));
  floatLoop(doc);
  const floatMs = bestOf(5, () => floatLoop(doc));
  const rate = perSecond(periods, computeMs);
  const floatRate = perSecond(periods, floatMs);
  console.log(
    `compute ${num(projects)} projects (${num(periods)} indicator-periods): ${num(rate)} periods/s; float loop ${num(floatRate)} periods/s; ratio ${ratio(rate, floatRate)}`,
  );
  console.log(
    `  parse ${num(Math.round(parseMs))} ms (${(json.length / 1048576).toFixed(1)} MiB); validate ${num(Math.round(validateMs))} ms; compute ${num(Math.round(computeMs))} ms`,
  );
}
