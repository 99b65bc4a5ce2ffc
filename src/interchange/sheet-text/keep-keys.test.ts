import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../../domain/model.js';
import { changeSetOf } from '../change-set.js';
import { changeList } from '../change-list.js';
import { generateDocument } from '../generate.js';
import { validateDocument } from '../validate.js';
import { keepStoredKeys } from './keep-keys.js';
import { readSheetText } from './read.js';

const demo = JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8')) as HyokaDocument;
const sheet = readFileSync(new URL('../../../data/kitakyushu.sheet.txt', import.meta.url), 'utf8');

/** The document as a sheet draft names it: projects p1…, indicators i1… (rows' indicator keys with them). */
function asDraft(doc: HyokaDocument): HyokaDocument {
  return {
    ...doc,
    projects: doc.projects.map((project, p) => {
      const keys = new Map((project.indicators ?? []).map((indicator, i) => [indicator.key, `i${i + 1}`]));
      return {
        ...project,
        key: `p${p + 1}`,
        ...(project.indicators && { indicators: project.indicators.map((indicator) => ({ ...indicator, key: keys.get(indicator.key)! })) }),
        placements: project.placements.map((placement) => (placement.indicators ? { ...placement, indicators: placement.indicators.map((key) => keys.get(key)!) } : placement)),
      };
    }),
  };
}

const project = (key: string, name: string, division: string, indicators: string[] = []): Project => ({
  key,
  name,
  bureau: '企画調整局',
  division,
  placements: [{ policy: 'I-1', no: Number(key.replace(/\D/g, '')) || 1, ...(indicators.length > 0 && { indicators: indicators.map((_, i) => `i${i + 1}`) }) }],
  indicators: indicators.map((name, i) => ({ key: `i${i + 1}`, name, unit: '件' })),
});
const doc = (projects: Project[]): HyokaDocument => ({ format: 'hyoka/1', organization: { name: '試験市' }, policies: [{ code: 'I-1', title: '施策' }], projects });

describe('keepStoredKeys', () => {
  it('leaves a draft alone when nothing is stored', () => {
    const draft = asDraft(demo);
    expect(keepStoredKeys(undefined, draft).document).toBe(draft);
  });

  it('gives the demo’s own draft back its keys: the same document', () => {
    const kept = keepStoredKeys(demo, asDraft(demo));
    expect(kept.document).toEqual(demo);
    expect(kept.projects.p3).toBe('tabunka');
    expect(kept.indicators.p3).toEqual({ i1: 'ninchido', i2: 'kurashi' });
  });

  it.each<[string, Project[], Project[], string[], Record<string, string>]>([
    ['by name and division', [project('x1', '事業A', '甲課'), project('x2', '事業A', '乙課')], [project('p1', '事業A', '乙課'), project('p2', '事業A', '甲課')], ['x2', 'x1'], { p1: 'x2', p2: 'x1' }],
    ['not across divisions', [project('x1', '事業A', '甲課')], [project('p1', '事業A', '乙課')], ['p1'], {}],
    ['spaces and full-width forms alike', [project('x1', '事業Ａ 推進', '甲課')], [project('p1', '事業A　推進 ', '甲課')], ['x1'], { p1: 'x1' }],
    ['a long name one character off (the text layer)', [project('x1', '多文化共生ワンストップインフォメーションセンター運営事業', '甲課')], [project('p1', '多文化共生ワンストップインフォーメーションセンター運営事業', '甲課')], ['x1'], { p1: 'x1' }],
    ['a short name one character off is another project', [project('x1', '事業A', '甲課')], [project('p1', '事業B', '甲課')], ['p1'], {}],
    ['the exact name before a similar one', [project('x1', '多文化共生ワンストップセンター運営事業', '甲課'), project('x2', '多文化共生ワンストップセンター運営事業2', '甲課')], [project('p1', '多文化共生ワンストップセンター運営事業2', '甲課')], ['x2'], { p1: 'x2' }],
    ['each stored project once, in order', [project('x1', '事業A', '甲課'), project('x2', '事業A', '甲課')], [project('p1', '事業A', '甲課'), project('p2', '事業A', '甲課'), project('p3', '事業A', '甲課')], ['x1', 'x2', 'p3'], { p1: 'x1', p2: 'x2' }],
    ['a new project whose draft key a stored one has', [project('p1', '事業A', '甲課')], [project('p1', '事業B', '甲課'), project('p2', '事業A', '甲課')], ['p1-2', 'p1'], { p2: 'p1' }],
  ])('matches projects %s', (_name, stored, draft, keys, renamed) => {
    const kept = keepStoredKeys(doc(stored), doc(draft));
    expect(kept.document.projects.map((p) => p.key)).toEqual(keys);
    expect(kept.projects).toEqual(renamed);
  });

  it('matches indicators by name within the project, renaming the rows’ keys with them', () => {
    const stored = doc([{ ...project('x1', '事業A', '甲課'), indicators: [{ key: 'users', name: '利用者数', unit: '人' }, { key: 'i1', name: '満足度', unit: '%' }] }]);
    const draft = doc([project('p1', '事業A', '甲課', ['満足度', '新しい指標', '利用者数'])]);
    const kept = keepStoredKeys(stored, draft);
    const [only] = kept.document.projects;
    expect(only!.indicators!.map((i) => i.key)).toEqual(['i1', 'i2', 'users']);
    expect(only!.placements[0]!.indicators).toEqual(['i1', 'i2', 'users']);
    expect(kept.indicators).toEqual({ p1: { i3: 'users' } });
    // "i1" was the draft's 満足度 already; the new indicator keeps i2, which nothing stored uses.
    expect(validateDocument(kept.document).ok).toBe(true);
  });

  it('a dry run of the demo’s sheet against the demo shows no project or indicator added or removed', () => {
    const { document: draft } = readSheetText(sheet, { organization: '北九州市', bureau: '企画調整局' });
    const kept = keepStoredKeys(demo, draft);
    const result = changeSetOf(demo, kept.document);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { counts } = result.changeSet;
    expect(counts.projects).toMatchObject({ added: 0, removed: 0 });
    expect(counts.indicators).toMatchObject({ added: 0, removed: 0 });
    expect(counts.placements).toMatchObject({ added: 0, removed: 0 });
    // Without the stored keys every project would be new and every stored one removed.
    const raw = changeSetOf(demo, draft);
    if (raw.ok) expect(raw.changeSet.counts.projects.removed).toBe(21);
    // What remains lists real differences only: no path names a draft key.
    expect(changeList(result.changeSet).changes.filter((change) => /projects\/p\d+(\/|$)|indicators\/i\d+(\/|$)/.test(change.path))).toEqual([]);
  });

  it('properties: a stored document’s own draft comes back as it; keys stay unique; only keys change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 30 }), (seed, storedCount, dropped) => {
        const stored = generateDocument({ projects: storedCount, seed });
        const other = generateDocument({ projects: 6, seed: seed + 1 });
        expect(keepStoredKeys(stored, asDraft(stored)).document).toEqual(stored);
        // A draft of some stored projects (every third one left out) and some unknown ones.
        const codes = new Set(stored.policies.map((policy) => policy.code));
        const policies = [...stored.policies, ...other.policies.filter((policy) => !codes.has(policy.code))];
        const draft = asDraft({ ...stored, policies, projects: [...stored.projects.filter((_, i) => (i + dropped) % 3 !== 0), ...other.projects.map((p) => ({ ...p, placements: p.placements.map((row) => ({ ...row, no: row.no + 1000 })) }))] });
        const kept = keepStoredKeys(stored, draft).document;
        const keys = kept.projects.map((p) => p.key);
        expect(new Set(keys).size).toBe(keys.length);
        const unkeyed = (d: HyokaDocument) => asDraft(d).projects.map((p) => ({ ...p, key: '' }));
        expect(unkeyed(kept)).toEqual(unkeyed(draft));
        expect(validateDocument(draft).ok).toBe(true);
        expect(validateDocument(kept).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
