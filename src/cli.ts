// hyoka — command line entry point. Every command that touches data takes --db PATH
// (a SQLite file) or uses DATABASE_URL (PostgreSQL).
//
// React picks its development or production build when it is first imported, from
// NODE_ENV; the development build renders pages several times slower. So NODE_ENV is
// settled before anything else is imported (tests set it to `test` themselves).
process.env.NODE_ENV ??= 'production';
const { runCli } = await import('./cli/run.js');

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  async stdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
