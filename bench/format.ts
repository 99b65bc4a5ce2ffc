// Figures are printed, never asserted: one line each, beside the baseline of the same run.
import { readFileSync } from 'node:fs';
export const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);
export const num = (n: number) => n.toLocaleString('en-US');
export const ratio = (a: number, b: number) => (a / b).toFixed(2);
export const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** The p-th percentile (0–100) of timings sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

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

/**
 * This process's own peak resident size. getrusage's maxRSS is not: Linux carries it over
 * from the parent through fork and exec, so a child spawned by a large parent reports the
 * parent's peak. VmHWM belongs to the process's own memory map, made new by exec.
 */
export function peakRssBytes(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS * 1024;
}
