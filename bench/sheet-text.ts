// sheet-text: how much of a published sheet's text layer the reader recovers exactly, field
// by field against the curated demo document, and how long reading takes beside the plain
// work of splitting the same text into lines and tab cells.
import { readFileSync } from 'node:fs';
import { compute } from '../src/interchange/compute.js';
import { parseDocumentText } from '../src/interchange/validate.js';
import { formatRecovery, measureRecovery } from '../src/interchange/sheet-text/measure.js';
import { readSheetText } from '../src/interchange/sheet-text/read.js';
import { bestOf, ratio } from './format.js';

const SEED = new URL('../data/kitakyushu.sheet.txt', import.meta.url);
const CURATED = new URL('../data/kitakyushu.hyoka.json', import.meta.url);

export function benchSheetText(): void {
  const text = readFileSync(SEED, 'utf8');
  const curated = parseDocumentText(readFileSync(CURATED, 'utf8'));
  if (!curated.ok) throw new Error('the demo document does not validate');
  const options = { organization: '北九州市', bureau: '企画調整局' };
  const { document, report } = readSheetText(text, options);
  const recovery = measureRecovery(compute(document), compute(curated.document));
  process.stdout.write(formatRecovery(recovery));
  const read = bestOf(20, () => readSheetText(text, options));
  const split = bestOf(20, () => text.split('\n').map((line) => line.split('\t')));
  console.log(
    `sheet-text seed (${text.split('\n').length} lines): recovered exactly ${(recovery.share * 100).toFixed(1)}%; ` +
      `confident ${report.confident.length}, guessed ${report.guessed.length}, not placed ${report.unplaced.length}; ` +
      `read ${read.toFixed(1)} ms; splitting into cells ${split.toFixed(2)} ms; ratio ${ratio(split, read)}`,
  );
}
