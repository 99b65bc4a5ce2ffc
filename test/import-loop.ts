// A second process that imports hyoka/1 files in turn, as the CLI does beside a running server:
// `node --import tsx test/import-loop.ts '{"sqlitePath":…}' TIMES FILE…`. Prints one line per
// import. Tests use it where the imports must commit truly concurrently with their reads.
import { readFileSync } from 'node:fs';
import { importText } from '../src/services/documents.js';
import { openStore, type StoreOptions } from '../src/store/open.js';
import { testContext } from '../src/services/test-context.js';
import { CLI } from '../src/services/context.js';

const [options, times, ...files] = process.argv.slice(2);
const texts = files.map((file) => readFileSync(file, 'utf8'));
const store = await openStore(JSON.parse(options!) as StoreOptions);
try {
  for (let i = 0; i < Number(times); i++) {
    await importText(testContext(store), texts[i % texts.length]!);
    process.stdout.write(`imported ${i + 1}\n`);
  }
} finally {
  await store.close();
}
