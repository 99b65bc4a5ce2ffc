// Static publication (hyoka publish --static): the time to write one city's public site as
// files — the demo, then a generated city of a few thousand projects — with the files and bytes
// written; beside it, copying the same files with fs.cp in the same run (the disk's share).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/http/app.js';
import { injectFetch } from '../src/http/inject-fetch.js';
import { generateDocument } from '../src/interchange/generate.js';
import { CLI, createContext, type Context } from '../src/services/context.js';
import { loadDemoIfEmpty } from '../src/services/demo.js';
import { importValue } from '../src/services/documents.js';
import { publishStatic } from '../src/services/static-publication.js';
import { openStore } from '../src/store/open.js';
import { mb, num, perSecond, ratio } from './format.js';

const GENERATED_PROJECTS = 2000;

async function benchCity(label: string, fill: (ctx: Context) => Promise<unknown>): Promise<void> {
  const store = await openStore({ sqlitePath: ':memory:' });
  const app = await buildApp({ store });
  const work = await mkdtemp(path.join(tmpdir(), 'hyoka-bench-static-'));
  try {
    await fill(createContext(store, CLI));
    const dir = path.join(work, 'site');
    const start = performance.now();
    const published = await publishStatic(createContext(store, CLI), { dir, fetch: injectFetch(app) });
    const elapsed = performance.now() - start;
    const copyStart = performance.now();
    await cp(dir, path.join(work, 'copy'), { recursive: true });
    const copied = performance.now() - copyStart;
    console.log(
      `static ${label}: ${(elapsed / 1000).toFixed(1)} s, ${num(published.files)} files, ${mb(published.bytes)} (${num(published.bytes)} bytes), ` +
        `${num(perSecond(published.files, elapsed))} files/s; fs.cp of the same files ${(copied / 1000).toFixed(1)} s; ratio ${ratio(elapsed, copied)}` +
        (published.leftOut.length > 0 ? `; ${published.leftOut.length} links left out` : ''),
    );
  } finally {
    await app.close();
    await store.close();
    await rm(work, { recursive: true, force: true });
  }
}

export async function benchStatic(): Promise<void> {
  await benchCity('demo (北九州市)', loadDemoIfEmpty);
  await benchCity(`generated ${num(GENERATED_PROJECTS)} projects`, (ctx) => importValue(ctx, generateDocument({ projects: GENERATED_PROJECTS, seed: 1 })));
}
