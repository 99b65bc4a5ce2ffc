// npm run bench [-- compute|import|http|pages|xlsx|xlsx-hostile|sheet-text|load|static|save|publish|national|burden …]: prints each figure beside its baseline; never fails a test.
// Measured as served: React's production build (chosen from NODE_ENV when first imported).
process.env.NODE_ENV ??= 'production';
const { benchCompute } = await import('./compute.js');
const { benchHttp } = await import('./http.js');
const { benchImport } = await import('./import.js');
const { benchPages } = await import('./pages.js');
const { benchXlsx } = await import('./xlsx.js');
const { benchSheetText } = await import('./sheet-text.js');
const { benchXlsxHostile } = await import('./xlsx-hostile.js');
const { benchLoad } = await import('./load.js');
const { benchStatic } = await import('./static.js');
const { benchSave } = await import('./save.js');
const { benchPublish } = await import('./publish.js');
const { benchNational } = await import('./national.js');
const { benchBurden } = await import('./burden.js');

const all = {
  compute: async () => benchCompute(),
  import: () => benchImport(),
  http: () => benchHttp(),
  pages: () => benchPages(),
  xlsx: () => benchXlsx(),
  'xlsx-hostile': () => benchXlsxHostile(),
  'sheet-text': async () => benchSheetText(),
  load: () => benchLoad(),
  static: () => benchStatic(),
  save: () => benchSave(),
  publish: () => benchPublish(),
  national: () => benchNational(),
  burden: () => benchBurden(),
};
const chosen = process.argv.slice(2);
for (const name of chosen.length > 0 ? chosen : Object.keys(all)) {
  const bench = all[name as keyof typeof all];
  if (!bench) throw new Error(`unknown benchmark: ${name} (choose from ${Object.keys(all).join(', ')})`);
  await bench();
}
