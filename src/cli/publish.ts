// publish --static DIR: the public site as files (services/static-publication.ts), read through
// the app in this process as an anonymous reader sees it. Progress goes to stderr, the summary
// to stdout.
import { resolve } from 'node:path';
import { buildApp } from '../http/app.js';
import { injectFetch } from '../http/inject-fetch.js';
import { CLI, createContext } from '../services/context.js';
import { publishStatic } from '../services/static-publication.js';
import type { Command } from './commands.js';
import { dbOption, orgOption, stringOption, withStore } from './store.js';

const PROGRESS_EVERY = 500;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const publishCommand: Command = {
  summary: '公開サイトを静的ファイルに書き出す（任意のWebサーバー・CMSで公開可） / write the public site as static files for any web server or CMS',
  usage: 'hyoka publish --static DIR [--org CODE|NAME | --all] [--pdf] [--db PATH]',
  help: [
    '--static DIR     an empty or new directory; every public page with its CSV and JSON, the downloads and open data,',
    '                 stylesheets and fonts, linked relatively (works under any path and from file://)',
    '--org CODE|NAME  the organization (needed when the database holds several)',
    '--all            every organization, each in DIR/<code>/, with DIR/index.html listing them',
    '--pdf            each page\'s PDF too (Chromium prints every page: minutes for a large city)',
  ],
  options: { ...dbOption, ...orgOption, static: { type: 'string' }, all: { type: 'boolean' }, pdf: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const dir = stringOption(values, 'static');
    const org = stringOption(values, 'org');
    if (dir === undefined || (values.all === true && org !== undefined)) {
      io.stderr(`--static DIR を指定してください（--org と --all はどちらか一方） / Give --static DIR (and --org or --all, not both)\n  ${this.usage}\n`);
      return 1;
    }
    const started = performance.now();
    const result = await withStore(values, io.env, async (store) => {
      const app = await buildApp({ store });
      try {
        let reported = 0;
        return await publishStatic(createContext(store, CLI, org), {
          dir,
          all: values.all === true,
          pdf: values.pdf === true,
          fetch: injectFetch(app),
          onProgress: ({ files, bytes }) => {
            if (files - reported < PROGRESS_EVERY) return;
            reported = files;
            io.stderr(`… ${files} ファイル / files, ${megabytes(bytes)}\n`);
          },
        });
      } finally {
        await app.close();
      }
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const problem of result.leftOut) io.stderr(`応答 ${problem.status} のため省略 / Left out (answered ${problem.status}): ${problem.url}\n`);
    const names = result.organizations.map((o) => o.name).join('、');
    io.stdout(
      `静的公開 / Static publication: ${resolve(dir)}\n` +
        `  ${result.organizations.length} 団体 / organization(s): ${names}\n` +
        `  ${result.files} ファイル / files, ${megabytes(result.bytes)} (${result.bytes} bytes), ${seconds} s\n` +
        `  入口 / start: ${resolve(dir, values.all === true ? 'index.html' : result.organizations[0]!.index)}\n`,
    );
    return result.leftOut.length > 0 ? 1 : 0;
  },
};
