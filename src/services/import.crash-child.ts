// The child process of import.crash.test.ts: imports a document into the database it is
// given and, at the stage it is told, says so on stdout and waits — for the SIGKILL that
// the test sends on reading that line. `committed` waits after the import returned, with
// the database still open. Never run otherwise.
//   node --import tsx src/services/import.crash-child.ts STORE_OPTIONS_JSON DOCUMENT_FILE STAGE
import { readFileSync } from 'node:fs';
import { validateDocument } from '../interchange/validate.js';
import { openStore } from '../store/index.js';
import { importDocument, type ImportStage } from './import.js';
import { CLI, createContext } from './context.js';

const [address, file, stage] = process.argv.slice(2) as [string, string, ImportStage | 'committed'];
const validation = validateDocument(JSON.parse(readFileSync(file, 'utf8')));
if (!validation.ok) throw new Error(`invalid document: ${validation.problems[0]?.path}`);
const store = await openStore(JSON.parse(address));

/** Announces the stage and never returns: the process ends by the test's SIGKILL. */
function halt(at: string): Promise<never> {
  process.stdout.write(`AT ${at}\n`);
  setInterval(() => {}, 60_000);
  return new Promise<never>(() => {});
}

await importDocument(createContext(store, CLI), validation.document, {
  allowRemovals: true,
  checkpoint: async (reached) => {
    if (reached === stage) await halt(reached);
  },
});
if (stage === 'committed') await halt(stage);
process.stdout.write('DONE\n');
await store.close();
