// Server render time of every page (p50, p95 over repeated requests through app.inject),
// each beside the same page's ?format=json — the same data without the HTML — measured in
// the same run; then /sheet of a generated 1,000-project organization, and the weight of
// the project page.
import { buildApp } from '../src/http/app.js';
import { generateDocument } from '../src/interchange/generate.js';
import { loadDemoIfEmpty } from '../src/services/demo.js';
import { importValue } from '../src/services/documents.js';
import { openStore } from '../src/store/open.js';
import { num, percentile, ratio } from './format.js';
import { CLI, createContext } from '../src/services/context.js';

type App = Awaited<ReturnType<typeof buildApp>>;


async function timings(app: App, url: string, runs: number): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await app.inject(url);
    times.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`);
    bytes = response.rawPayload.length;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const withFormat = (url: string, format: string) => `${url}${url.includes('?') ? '&' : '?'}format=${format}`;

async function benchPage(app: App, url: string, runs: number): Promise<void> {
  await timings(app, url, 3);
  await timings(app, withFormat(url, 'json'), 3);
  const html = await timings(app, url, runs);
  const json = await timings(app, withFormat(url, 'json'), runs);
  console.log(
    `page ${url}: p50 ${ms(html.p50)}, p95 ${ms(html.p95)}, ${num(html.bytes)} bytes; ` +
      `its JSON p95 ${ms(json.p95)}; ratio ${ratio(json.p95, html.p95)}`,
  );
}

export async function benchPages(): Promise<void> {
  const demo = await openStore({ sqlitePath: ':memory:' });
  const app = await buildApp({ store: demo });
  try {
    await loadDemoIfEmpty(createContext(demo, CLI));
    for (const url of [
      '/',
      '/policies',
      `/policies/${encodeURIComponent('II-3-(3)-①')}`,
      '/projects/tabunka',
      '/sheet',
      '/sdgs',
      '/changes',
      `/search?q=${encodeURIComponent('事業')}`,
    ]) {
      await benchPage(app, url, 50);
    }
    const project = await app.inject('/projects/tabunka');
    const css = await app.inject('/assets/site.css');
    console.log(
      `page weight /projects/tabunka: ${num(project.rawPayload.length + css.rawPayload.length)} bytes with its stylesheet, without fonts (limit 200 KB)`,
    );
  } finally {
    await app.close();
    await demo.close();
  }

  const large = await openStore({ sqlitePath: ':memory:' });
  const largeApp = await buildApp({ store: large });
  try {
    await importValue(createContext(large, CLI), generateDocument({ projects: 1000, seed: 1 }));
    const start = performance.now();
    const first = await largeApp.inject('/sheet');
    const cold = performance.now() - start;
    if (first.statusCode !== 200) throw new Error(`/sheet: HTTP ${first.statusCode}`);
    const html = await timings(largeApp, '/sheet', 10);
    const json = await timings(largeApp, '/sheet?format=json', 10);
    console.log(
      `page /sheet of 1,000 generated projects: first ${ms(cold)} (export + compute + render), then p50 ${ms(html.p50)}, p95 ${ms(html.p95)}, ` +
        `${num(html.bytes)} bytes; its JSON p95 ${ms(json.p95)}; ratio ${ratio(json.p95, html.p95)}`,
    );
  } finally {
    await largeApp.close();
    await large.close();
  }
}
