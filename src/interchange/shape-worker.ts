// Runs in a worker thread: the type-and-required-field half of validation (zod) on its own
// parse of the text, while the main thread walks and imports the same document.
import { parentPort, workerData } from 'node:worker_threads';
import { parseJsonText, shapeProblems } from './validate.js';

const parsed = parseJsonText(workerData as string);
// A syntax error is the main thread's to report: it parses the same text.
parentPort!.postMessage(parsed.ok ? shapeProblems(parsed.value) : []);
