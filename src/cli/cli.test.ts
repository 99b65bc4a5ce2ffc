// The CLI in-process against a real SQLite file, plus one run of the installed bin.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../interchange/generate.js';
import type { HyokaDocument } from '../domain/model.js';
import { openStore } from '../store/index.js';
import { cli } from './test-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeDocument(name: string, document: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(document));
  return file;
}

/** A small document the other tests never saw: one indicator of each kind, two budget years. */
function unseenDocument(): HyokaDocument {
  return {
    format: 'hyoka/1',
    organization: { name: 'テスト市' },
    policies: [{ code: 'I-1-(1)-①', title: '試験の施策' }],
    projects: [
      {
        key: 'shiken',
        name: '試験事業',
        bureau: '企画局',
        division: '企画課',
        budgets: [
          { fiscalYear: 2022, amount: 1000 },
          { fiscalYear: 2023, amount: 1049 },
          { fiscalYear: 2024, amount: 900 },
        ],
        indicators: [
          { key: 'a', name: '参加者数', unit: '人', periods: [{ fiscalYear: 2021, target: 8.0, actual: 5.1 }] },
          { key: 'b', name: '待機児童数', unit: '人', better: 'lower', periods: [{ fiscalYear: 2021, target: 50, actual: 40 }] },
          { key: 'c', name: '認知度順位', unit: '位', periods: [{ fiscalYear: 2021, target: { kind: 'rank', atMost: 10 }, actual: 12 }] },
        ],
        evaluations: [{ fiscalYear: 2021, grade: '順調', course: '継続' }],
        placements: [{ policy: 'I-1-(1)-①', no: 1 }],
      },
    ],
  };
}

describe('hyoka compute', () => {
  it('completes a document it has never seen with rates, flags, budget changes and a suggested grade', async () => {
    const { status, stdout } = await cli('compute', writeDocument('unseen.json', unseenDocument()));
    expect(status).toBe(0);
    const project = (JSON.parse(stdout) as HyokaDocument).projects[0]!;
    const [a, b, c] = project.indicators!.map((i) => i.periods![0]!);
    expect(a).toMatchObject({ achievementRate: 63.8, achieved: false });
    expect(b).toMatchObject({ achievementRate: 125, achieved: true });
    expect(c).toMatchObject({ achievementRate: null, achieved: false });
    expect(project.budgets!.map((x) => x.change)).toEqual([null, '維持', '減額']);
    // mean of 63.75 and 125 is 94.375 → 順調, but a missed rank caps it at やや遅れ
    expect(project.evaluations![0]!.suggestedGrade).toBe('やや遅れ');
  });

  it('exits 2 and lists every problem for an invalid document', async () => {
    const broken = unseenDocument() as unknown as { format: string; projects: { budgets: { amount: unknown }[] }[] };
    broken.format = 'hyoka/2';
    broken.projects[0]!.budgets[1]!.amount = '十';
    const { status, stdout, stderr } = await cli('compute', writeDocument('broken.json', broken));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^format: /m);
    expect(stderr).toMatch(/^projects\[0\]\.budgets\[1\]\.amount: .*十/m);
  });

  it('exits 2 on a file that is not JSON', async () => {
    const file = join(dir, 'not.json');
    writeFileSync(file, '{ "format": "hyoka/1", ');
    expect((await cli('compute', file)).status).toBe(2);
  });
});

describe('hyoka import / export / check on a SQLite file', () => {
  const document = generateDocument({ projects: 30, seed: 3 });

  it('imports, re-imports unchanged, refuses a document invalid in its last project, and exports', async () => {
    const db = join(dir, 'cli.sqlite');
    const file = writeDocument('generated.json', document);
    const first = await cli('import', file, '--db', db);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/取込み完了 \/ Imported/);

    const second = await cli('import', file, '--db', db);
    expect(second.status).toBe(0);

    const exportedBefore = await cli('export', '--db', db);
    const broken = structuredClone(document) as unknown as { projects: { indicators: { periods: { actual?: unknown }[] }[] }[] };
    broken.projects.at(-1)!.indicators[0]!.periods[0]!.actual = 'たくさん';
    const refused = await cli('import', writeDocument('broken.json', broken), '--db', db);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/projects\[29\]\.indicators\[0\]\.periods\[0\]\.actual/);
    expect((await cli('export', '--db', db)).stdout).toBe(exportedBefore.stdout);

    const out = join(dir, 'export.json');
    expect((await cli('export', '--db', db, '--out', out)).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).projects).toHaveLength(30);

    const dbCheck = await cli('check', '--db', db, '--fiscal-year', 'R3年度');
    expect(dbCheck.status).toBe(0);
    expect(dbCheck.stdout).toMatch(/令和3年度/);
  });

  it('checks a file without importing it, reporting what import would refuse', async () => {
    const broken = structuredClone(document) as unknown as { policies: unknown[] };
    broken.policies = [];
    const { status, stdout } = await cli('check', writeDocument('check.json', broken), '--json');
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { findings: { path: string }[] };
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.map((f) => f.path)).toContain('projects[0].placements[0].policy');
  });

  it('names the sheet rows (No.) and the subject of each finding, in text and in JSON', async () => {
    const demo = new URL('../../data/kitakyushu.hyoka.json', import.meta.url).pathname;
    const text = await cli('check', demo);
    expect(text.status).toBe(0);
    // No. 26's SNS indicator: 49,243.4%, printed so on the seed sheet.
    expect(text.stdout).toContain('No. 26 各種SNSの閲覧件数 — projects[16].indicators[1].periods[0]: 達成率 49,243.4%');
    // A policy without its bureau's evaluation: the rows placed under it.
    expect(text.stdout).toMatch(/^No\. 12・13 III-2-\(1\)-① — policies\[\d+\]: /m);
    const json = JSON.parse((await cli('check', demo, '--json')).stdout) as { findings: { path: string; nos: number[]; subject?: string }[] };
    expect(json.findings.find((f) => f.path === 'projects[16].indicators[1].periods[0]')).toMatchObject({ nos: [26], subject: '各種SNSの閲覧件数', projectKey: expect.any(String) });
  });
});

describe('hyoka generate and usage', () => {
  it('generates a document of the requested size, deterministically', async () => {
    const a = await cli('generate', '--projects', '5', '--seed', '4');
    const b = await cli('generate', '--projects', '5', '--seed', '4');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).projects).toHaveLength(5);
    expect((await cli('generate', '--projects', 'many')).status).toBe(1);
  });

  it('imports a national dataset into the database, which the SDG aggregate then sums', async () => {
    const db = join(dir, 'national.sqlite');
    const generated = await cli('generate', '--organizations', '3', '--projects', '4', '--seed', '7', '--publish', '--db', db);
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stdout).toContain('Imported 3 synthetic organizations × 4 projects');
    const aggregated = await cli('aggregate', 'sdgs', '--year', '2021', '--json', '--db', db);
    expect(aggregated.status, aggregated.stderr).toBe(0);
    const aggregate = JSON.parse(aggregated.stdout) as { organizations: number; goals: { projects: number }[] };
    expect(aggregate.organizations).toBe(3);
    // Every generated project names two goals.
    expect(aggregate.goals.reduce((sum, g) => sum + g.projects, 0)).toBe(3 * 4 * 2);
    expect((await cli('aggregate', 'sdgs', '--db', db)).status).toBe(1);
    // Each published as decided: its 2021 cycle's version 1.
    const store = await openStore({ sqlitePath: db });
    try {
      for (const organization of await store.organizations.list()) {
        expect((await store.publications.list(organization.id)).map((p) => [p.fiscalYear, p.version])).toEqual([[2021, 1]]);
      }
    } finally {
      await store.close();
    }
  });

  it('explains an unknown command and bad arguments', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown command/);
    expect((await cli('export', '--nope')).status).toBe(1);
  });

  it('runs as the package bin (npx hyoka)', async () => {
    const file = writeDocument('bin.json', unseenDocument());
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/hyoka.js', 'compute', file]);
    expect(JSON.parse(stdout).projects[0].indicators[0].periods[0].achievementRate).toBe(63.8);
  });
});
