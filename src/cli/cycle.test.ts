// hyoka cycle open|status|publish|versions against real SQLite files holding the demo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './test-cli.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url).pathname;

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-cycle-'));
  db = join(dir, 'c.sqlite');
  expect((await cli('import', DEMO, '--db', db)).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hyoka cycle', () => {
  it('opens a year, closes the one before, and prints each entry with what it lacks', async () => {
    const first = await cli('cycle', 'open', '2021', '--division-deadline', '2022-05-31', '--db', db);
    expect(first.stdout).toBe('2021年度のサイクルを開始しました / Opened FY2021: 21 件 / entries\n');
    const status = await cli('cycle', 'status', '2021', '--db', db);
    expect(status.status).toBe(0);
    const lines = status.stdout.trim().split('\n');
    expect(lines[0]).toBe('FY2021\topen\tdraft 21');
    expect(lines).toContain('agi-subsidy\t企画調整局\t国際政策課\tdraft\tfull\t—');
    expect(lines).toContain('kanmon-cooperation\t企画調整局\t総務課\tdraft\tfull\tprojects/kanmon-cooperation/indicators/kanmon-tourism-spending/periods/2021/actual');
    expect((await cli('cycle', 'open', '2022', '--db', db)).stdout).toMatch(/Opened FY2022: 21 件 \/ entries; 2021年度を終了 \/ FY2021 closed; 前年度の方向性 30 件を引継ぎ \/ 30 course\(s\) carried over\n$/);
    expect(JSON.parse((await cli('cycle', 'status', '2021', '--json', '--db', db)).stdout)).toMatchObject({ fiscalYear: 2021, state: 'closed', deadlines: { division: '2022-05-31' } });
    expect((await cli('cycle', 'open', '2022', '--db', db)).status).not.toBe(0);
    expect((await cli('cycle', 'status', 'x', '--db', db)).status).toBe(2);
    expect((await cli('cycle', 'open', '2023', '--division-deadline', 'soon', '--db', db)).status).toBe(2);
  });
});

describe('hyoka cycle publish and versions', () => {
  let published: string;
  beforeAll(async () => {
    published = join(dir, 'p.sqlite');
    expect((await cli('import', DEMO, '--db', published)).status).toBe(0);
  });

  it('publishes an evaluation decided elsewhere as version 1, refuses a cycle with drafts, and lists the versions', async () => {
    expect((await cli('cycle', 'versions', '2021', '--db', published)).stdout).toBe('2021年度の公表版はありません / FY2021 has no published version\n');
    expect((await cli('cycle', 'publish', '2021', '--note', '初版', '--db', published)).status).toBe(1);
    expect((await cli('cycle', 'publish', '2021', '--decided', '--db', published)).status).toBe(2);
    const first = await cli('cycle', 'publish', '2021', '--decided', '--note', '初版 / First edition', '--db', published);
    expect(first.stdout).toMatch(/^2021年度 第1版を公表しました \/ Published FY2021 version 1\tsha256 [0-9a-f]{64}\n$/);
    expect((await cli('cycle', 'status', '2021', '--db', published)).stdout.split('\n')[0]).toBe('FY2021\tclosed\tapproved 21');

    expect((await cli('cycle', 'open', '2022', '--db', published)).status).toBe(0);
    const refused = await cli('cycle', 'publish', '2022', '--note', '公表', '--db', published);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('projects/teiju-iju: draft');

    expect((await cli('cycle', 'publish', '2021', '--note', 'R8.12.3 修正', '--db', published)).stdout).toContain('version 2');
    const lines = (await cli('cycle', 'versions', '2021', '--db', published)).stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^v1\t\d{4}-\d{2}-\d{2}T[\d:.]+Z\tcli\t[0-9a-f]{64}\t初版 \/ First edition$/);
    expect(lines[1]).toMatch(/^v2\t.*\tR8\.12\.3 修正$/);
    const json = JSON.parse((await cli('cycle', 'versions', '2021', '--json', '--db', published)).stdout);
    expect(json.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(json[0].sha256).toBe(first.stdout.match(/[0-9a-f]{64}/)![0]);
  });
});
