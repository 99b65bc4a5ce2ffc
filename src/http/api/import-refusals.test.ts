// POST /api/v1/import refuses what the CLI refuses, the same way: a file that would empty
// the organization (unless confirmed), with 400 and what goes; hostile bytes, with 400 and
// the CLI's message. Each test opens the demo in a database of its own.
import { afterEach, describe, expect, it } from 'vitest';
import { exportDocument } from '../../services/export.js';
import { openDemoApp, type DemoApp } from '../../../test/demo-app.js';
import { testContext } from '../../services/test-context.js';
import { CLI } from '../../services/context.js';

const TOKEN = 'refusals-admin-token';
const EMPTIED = JSON.stringify({ format: 'hyoka/1', organization: { name: '北九州市', code: '401005' }, policies: [], projects: [] });

let opened: DemoApp | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function demo(): Promise<DemoApp> {
  opened = await openDemoApp({ adminToken: TOKEN });
  return opened;
}

function post(app: DemoApp, query: string, payload: Buffer | string, contentType = 'application/json') {
  return app.app.inject({ method: 'POST', url: `/api/v1/import?${query}`, payload, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': contentType } });
}

const projectCount = async (app: DemoApp) => (await exportDocument(testContext(app.store, CLI, '401005'))).projects.length;

describe('POST /api/v1/import and large removals', () => {
  it('refuses an empty or unreadable sheet text with 400, saying what it could not read', async () => {
    const app = await demo();
    for (const body of ['', '\t'.repeat(100_000)]) {
      const response = await post(app, 'format=sheet-text&org=北九州市&bureau=企画調整局', body, 'text/plain');
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.message).toContain('No project row could be read');
      expect(error.problems.map((p: { message: string }) => p.message).join('\n')).toContain('no row (a project line with a No.) could be read');
    }
    expect(await projectCount(app)).toBe(21);
  });

  it('refuses a document that removes most of the organization, naming how much goes', async () => {
    const app = await demo();
    const response = await post(app, 'format=json', EMPTIED);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems).toEqual([
      { path: 'projects', message: '事業 21 件中 21 件が削除されます / 21 of 21 projects would be removed' },
      { path: 'policies', message: '施策 22 件中 22 件が削除されます / 22 of 22 policies would be removed' },
    ]);
    expect(await projectCount(app)).toBe(21);
  });

  it('imports it once confirmed with the token of a preview that showed what goes', async () => {
    const app = await demo();
    const preview = await post(app, 'dryRun=true', EMPTIED);
    expect(preview.statusCode).toBe(200);
    const { report, confirmToken } = preview.json();
    expect(report.largeRemoval).toMatchObject({ projects: { removed: 21, of: 21 }, policies: { removed: 22, of: 22 } });
    const confirmed = await post(app, `confirm=${confirmToken}`, EMPTIED);
    expect(confirmed.statusCode).toBe(200);
    expect(await projectCount(app)).toBe(0);
  });

  it('imports it with allowRemovals=true', async () => {
    const app = await demo();
    expect((await post(app, 'allowRemovals=false', EMPTIED)).statusCode).toBe(400);
    const allowed = await post(app, 'allowRemovals=true', EMPTIED);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().report.largeRemoval.projects).toEqual({ removed: 21, of: 21 });
    expect(await projectCount(app)).toBe(0);
  });
});
