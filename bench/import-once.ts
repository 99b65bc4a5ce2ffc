// One import in a process of its own, so its peak resident size is the import's alone:
// read the file, validate, import into a fresh SQLite file; print figures as JSON.
import { readFileSync, rmSync } from 'node:fs';
import { importText } from '../src/services/documents.js';
import { openStore } from '../src/store/index.js';
import { peakRssBytes } from './format.js';
import { CLI, createContext } from '../src/services/context.js';

const [file, db] = process.argv.slice(2) as [string, string];
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
const store = await openStore({ sqlitePath: db });
const start = performance.now();
// What `hyoka import FILE` does: read, validate, write.
const { report } = await importText(createContext(store, CLI), readFileSync(file, 'utf8'));
const ms = performance.now() - start;
await store.close();
const rows = Object.values(report.counts).reduce((sum, c) => sum + c.added, 0) + 1; // + the organization
console.log(JSON.stringify({ rows, ms, maxRssBytes: peakRssBytes() }));
