import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { importValue } from '../../services/documents.js';
import { buildDocument, buildProject } from '../../../test/factories.js';
import { openDemoApp, useDemoApp } from '../../../test/demo-app.js';
import type { ChangesView } from '../../services/views/changes.js';
import { sectionOf, textOf } from './test-html.js';
import { testContext } from '../../services/test-context.js';
import { publishYears } from '../../../test/publish.js';

// The demo's data published as the cycles of 2022 and 2023 too, so that their planned targets and budgets compare.
const { app } = useDemoApp({ seed: (store) => publishYears(store, { years: [2022, 2023] }) });

/** The text of the <section> of one project. */
const projectText = (html: string, key: string) => textOf(sectionOf(html, `project-${key}`));

describe('/changes on the demo (one evaluated year)', () => {
  it('opens on the latest published year against the one before', async () => {
    const view = (await app().inject('/changes?format=json')).json() as ChangesView;
    expect([view.from, view.to]).toEqual([2022, 2023]);
  });

  it('compares R3 → R4: the evaluated year against the targets planned for the next', async () => {
    const html = (await app().inject('/changes?from=2021&to=2022')).body;
    expect(html).toContain('<option value="2021" selected="">');
    expect(html).toContain('<option value="2022" selected="">');
    // No. 11: 10件 → 20件 matching jobs.
    expect(projectText(html, 'side-job-matching')).toMatch(/目標: [^ ]*マッチング[^ ]* Target 10件 20件 変更あり/);
  });

  it('shows R4 → R5 target and budget changes: No. 26’s SNS views and budget', async () => {
    const html = (await app().inject('/changes?from=2022&to=2023')).body;
    const network = projectText(html, 'overseas-network');
    expect(network).toContain('予算額(千円) Budget 4,700 4,300 変更あり -400（減額）');
    expect(network).toContain('目標: 各種SNSの閲覧件数 Target 15,000件 1,500,000件 変更あり');
    expect(network).toContain('目標: 各種SNSによる発信件数 Target 288件 288件 変更なし');
    // Revisions the demo gives no year are shown with each comparison.
    expect(network).toContain('※中期目標改訂');
    const univ = projectText(html, 'kitakyushu-univ');
    expect(univ).toContain('2,665,000 3,144,000 変更あり +479,000（増額）');
  });

  it('keeps only changed projects with changed=1, and its data says so', async () => {
    const all = (await app().inject('/changes?from=2022&to=2023&format=json')).json() as ChangesView;
    const changed = (await app().inject('/changes?from=2022&to=2023&changed=1&format=json')).json() as ChangesView & { changedOnly: boolean };
    expect(changed.changedOnly).toBe(true);
    expect(changed.projects.map((p) => p.key)).toEqual(all.projects.filter((p) => p.changed).map((p) => p.key));
    expect(changed.projects.length).toBeLessThan(all.projects.length);
    // 3 of 21 projects keep their R4 budget in R5 (140,000, 9,000 and 24,715).
    expect(all.counts.budgetsChanged).toBe(18);
    const html = (await app().inject('/changes?from=2022&to=2023&changed=1')).body;
    expect(html).toContain('href="/changes?from=2022&amp;to=2023&amp;changed=1&amp;format=csv"');
    expect(html).not.toContain('id="project-agi-subsidy"');
  });

  it('answers CSV with one line per compared value', async () => {
    const response = await app().inject('/changes?from=2022&to=2023&format=csv');
    const [header, ...lines] = parse(response.body.slice(1)) as string[][];
    expect(header).toEqual(['事業キー', '主な事業・取組', '所管課名', '事業の有無', '区分', 'No.', '施策番号', '指標名等', 'R4年度', 'R5年度', '変更', '増減']);
    const views = lines.find((line) => line[0] === 'overseas-network' && line[4] === '目標' && line[7] === '各種SNSの閲覧件数');
    expect(views?.slice(8, 11)).toEqual(['15,000件', '1,500,000件', '変更あり']);
    const budget = lines.find((line) => line[0] === 'overseas-network' && line[4] === '予算額(千円)');
    expect(budget?.slice(8)).toEqual(['4700', '4300', '変更あり', '減額']);
  });

  it('reports a year it cannot read at its field', async () => {
    const html = (await app().inject('/changes?from=R4')).body;
    expect(html).toMatch(/<select id="changes-from" name="from" aria-invalid="true" aria-describedby="changes-from-error">/);
    expect(html).toContain('年度は西暦4桁で指定してください');
  });

  it('offers only the published years: another is reported at its field', async () => {
    const response = await app().inject('/changes?from=2019&to=2021');
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('2019年度は比較できる年度にありません');
    expect(response.body).not.toContain('<option value="2019"');
  });
});

describe('/changes with one published year', () => {
  it('offers no comparison: nobody evaluated the year before', async () => {
    const one = await openDemoApp();
    try {
      const response = await one.app.inject('/changes');
      expect(response.statusCode).toBe(200);
      expect(textOf(response.body)).toContain('比較できる年度がありません');
      expect(response.body).not.toContain('削除');
      expect((await one.app.inject('/changes?format=json')).statusCode).toBe(404);
    } finally {
      await one.close();
    }
  });
});

describe('/changes with two evaluated years', () => {
  it('shows grades, courses and texts of both years, changed or not', async () => {
    const two = await openDemoApp({ demo: false });
    try {
      const project = buildProject({
        budgets: [
          { fiscalYear: 2021, amount: 1000 },
          { fiscalYear: 2022, amount: 1000 },
        ],
        evaluations: [
          { fiscalYear: 2021, grade: '順調', course: '継続', improvement: '周知を強化する。' },
          { fiscalYear: 2022, grade: 'やや遅れ', course: '継続', improvement: '対象を見直す。' },
        ],
      });
      await importValue(testContext(two.store), buildDocument({ projects: [project] }));
      await publishYears(two.store, { years: [2021, 2022] });
      const html = (await two.app.inject('/changes')).body;
      const shown = projectText(html, 'tabunka');
      expect(shown).toContain('事業評価 Grade 順調 やや遅れ 変更あり');
      expect(shown).toContain('成果の方向性 Course 継続 継続 変更なし');
      expect(shown).toContain('強化・見直した内容 Improvement 周知を強化する。 対象を見直す。 変更あり');
      expect(shown).toContain('1,000 1,000 変更なし');
      const view = (await two.app.inject('/changes?format=json')).json() as ChangesView;
      expect([view.from, view.to]).toEqual([2021, 2022]);
      expect(view.counts).toMatchObject({ gradesChanged: 1, coursesChanged: 0, improvementsChanged: 1, targetsChanged: 1 });
    } finally {
      await two.close();
    }
  });

  it('reads each year from its own cycle’s published version', async () => {
    const two = await openDemoApp({ demo: false });
    try {
      const project = (grade2021: string) =>
        buildProject({
          evaluations: [
            { fiscalYear: 2021, grade: grade2021, course: '継続', improvement: '周知を強化する。' },
            { fiscalYear: 2022, grade: 'やや遅れ', course: '継続', improvement: '対象を見直す。' },
          ],
        });
      await importValue(testContext(two.store), buildDocument({ projects: [project('順調')] }));
      await publishYears(two.store, { years: [2021] });
      // Later, the 2021 grade is rewritten in the data and 2022 published: 2021 still reads as its cycle published it.
      await importValue(testContext(two.store), buildDocument({ projects: [project('遅れ')] }));
      await publishYears(two.store, { years: [2022] });
      const shown = projectText((await two.app.inject('/changes')).body, 'tabunka');
      expect(shown).toContain('事業評価 Grade 順調 やや遅れ 変更あり');
    } finally {
      await two.close();
    }
  });
});
