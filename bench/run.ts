// npm run bench [-- compute|import|http …]: prints each figure beside its baseline; never fails a test.
import { benchCompute } from './compute.js';
import { benchHttp } from './http.js';
import { benchImport } from './import.js';

const all = { compute: async () => benchCompute(), import: () => benchImport(), http: () => benchHttp() };
const chosen = process.argv.slice(2);
for (const name of chosen.length > 0 ? chosen : Object.keys(all)) {
  const bench = all[name as keyof typeof all];
  if (!bench) throw new Error(`unknown benchmark: ${name} (choose from ${Object.keys(all).join(', ')})`);
  await bench();
}
