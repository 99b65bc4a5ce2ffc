// The import baseline in a process of its own: the same rows, prebuilt (untimed), inserted
// with better-sqlite3 prepared statements into the same schema in one transaction.
import { readFileSync } from 'node:fs';
import type { HyokaDocument } from '../src/domain/model.js';
import { countRows, createBaselineDatabase, flattenDocument, insertRawRows } from '../src/store/raw-baseline.js';

const [file, db] = process.argv.slice(2) as [string, string];
const tables = flattenDocument(JSON.parse(readFileSync(file, 'utf8')) as HyokaDocument);
await createBaselineDatabase(db);
const start = performance.now();
insertRawRows(db, tables);
const ms = performance.now() - start;
console.log(JSON.stringify({ rows: countRows(tables), ms }));
