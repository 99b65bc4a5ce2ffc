// The shape half of validation on the second core: for a large document the main thread
// walks and writes (inside a transaction it won't commit before this answers) while a worker
// checks types and required fields.
import { Worker } from 'node:worker_threads';
import type { Problem } from './errors.js';

// Node 20 does not hand a worker the parent's TypeScript loader, so the worker starts from a
// small module that registers tsx, then imports the TypeScript entry.
const ENTRY = new URL('../interchange/shape-worker.ts', import.meta.url).href;
const BOOT = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(ENTRY)});`,
  )}`,
);

export function shapeProblemsInWorker(text: string): Promise<Problem[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: text });
    worker.once('message', (problems: Problem[]) => {
      resolve(problems);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`validation worker exited with ${code}`));
    });
  });
}
