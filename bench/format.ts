// Figures are printed, never asserted: one line each, beside the baseline of the same run.
export const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);
export const num = (n: number) => n.toLocaleString('en-US');
export const ratio = (a: number, b: number) => (a / b).toFixed(2);
export const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** The best of `runs` timings, in milliseconds: noise only ever adds time. */
export function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
