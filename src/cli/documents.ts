// import and export: hyoka/1 documents between files and the database.
import { readFile, writeFile } from 'node:fs/promises';
import { exportComputed, importText } from '../services/documents.js';
import type { Command } from './commands.js';
import { formatImportOutcome } from './format.js';
import { dbOption, orgOption, stringOption, withStore } from './store.js';

export const importCommand: Command = {
  summary: 'hyoka/1 文書を取り込む（組織のデータを置き換え） / import a hyoka/1 document, replacing that organization’s data',
  usage: 'hyoka import FILE [--dry-run] [--db PATH]',
  options: { ...dbOption, 'dry-run': { type: 'boolean' } },
  async run(values, [file], io) {
    if (!file) {
      io.stderr(`ファイルを指定してください / Name the file to import\n  ${this.usage}\n`);
      return 1;
    }
    const text = await readFile(file, 'utf8');
    const dryRun = values['dry-run'] === true;
    const outcome = await withStore(values, io.env, (store) => importText(store, text, { dryRun }));
    io.stdout(formatImportOutcome(outcome, dryRun));
    return 0;
  },
};

export const exportCommand: Command = {
  summary: 'hyoka/1 文書（計算済み）を書き出す / export the hyoka/1 document, completed by compute',
  usage: 'hyoka export [--out FILE] [--org CODE|NAME] [--db PATH]',
  options: { ...dbOption, ...orgOption, out: { type: 'string' } },
  async run(values, _positionals, io) {
    const document = await withStore(values, io.env, (store) => exportComputed(store, stringOption(values, 'org')));
    const json = `${JSON.stringify(document, null, 2)}\n`;
    const out = stringOption(values, 'out');
    if (out) await writeFile(out, json);
    else io.stdout(json);
    return 0;
  },
};
