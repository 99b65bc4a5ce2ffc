// Random edits of a document, of every kind a change set must carry: values changed, unknown
// fields added and removed, records added (with what hangs below them) and removed, lists
// reordered, lists written `[]` or dropped. Driven by a list of numbers, so that fast-check
// draws (and shrinks) the edits. The edited document keeps the store's keys unique.
import fc from 'fast-check';
import type { HyokaDocument } from '../src/domain/model.js';
import { documentArbitrary } from './factories.js';

type Fields = Record<string, unknown>;

/** Lists below each record, with how to give a copy of one element a new key. */
const LISTS: Record<string, [list: string, rekey: (copy: Fields, siblings: Fields[]) => void, optional: boolean][]> = {
  document: [
    ['policies', (c) => (c.code = `${String(c.code)}+`), false],
    ['projects', (c) => (c.key = `${String(c.key)}+`), false],
    ['policyEvaluations', (c, all) => (c.fiscalYear = nextYear(all)), true],
  ],
  projects: [
    ['budgets', (c, all) => (c.fiscalYear = nextYear(all)), true],
    ['personnelCosts', (c, all) => (c.fiscalYear = nextYear(all)), true],
    ['indicators', (c) => (c.key = `${String(c.key)}+`), true],
    ['evaluations', (c, all) => (c.fiscalYear = nextYear(all)), true],
    ['placements', (c, all) => (c.no = Math.max(...all.map((p) => p.no as number)) + 1), false],
  ],
  placements: [
    ['personnelCosts', (c, all) => (c.fiscalYear = nextYear(all)), true],
    ['evaluations', (c, all) => (c.fiscalYear = nextYear(all)), true],
  ],
  indicators: [['periods', (c, all) => (c.fiscalYear = nextYear(all)), true]],
};

const nextYear = (all: Fields[]) => Math.max(2000, ...all.map((r) => r.fiscalYear as number)) + 1;

// Not `bureau`: it is part of a policy evaluation's key.
const TEXT_FIELDS = ['title', 'name', 'summary', 'unit', 'grade', 'improvement'];

class Editor {
  private at = 0;
  constructor(private readonly choices: readonly number[]) {}

  private next(): number {
    return this.choices.length === 0 ? 0 : this.choices[this.at++ % this.choices.length]!;
  }

  record(kind: string, record: Fields): void {
    switch (this.next() % 7) {
      case 0:
        record['x-edit'] = this.next();
        break;
      case 1:
        for (const field of TEXT_FIELDS) if (typeof record[field] === 'string') record[field] = `${record[field] as string}改`;
        break;
      case 2:
        if ('actual' in record || kind === 'periods') record.actual = this.next();
        if (typeof record.amount === 'number') record.amount = (record.amount as number) + 1;
        break;
      case 3:
        for (const field of ['memo', 'メモ', 'x-source', 'reviewedBy', '__proto__']) if (Object.hasOwn(record, field)) delete record[field];
        break;
      default:
    }
    for (const [name, rekey, optional] of LISTS[kind] ?? []) this.list(name, record, rekey, optional);
  }

  private list(name: string, owner: Fields, rekey: (copy: Fields, siblings: Fields[]) => void, optional: boolean): void {
    const items = owner[name] as Fields[] | undefined;
    const choice = this.next() % 9;
    if (items && items.length > 0) {
      // Policies stay: rows and policy evaluations name them.
      if (choice === 0 && name !== 'policies' && (name !== 'placements' || items.length > 1)) items.splice(this.next() % items.length, 1);
      if (choice === 1) items.reverse();
      if (choice === 2) {
        const copy = structuredClone(items[this.next() % items.length]!);
        rekey(copy, items);
        items.splice(this.next() % (items.length + 1), 0, copy);
      }
    }
    if (optional && choice === 3) {
      if (items === undefined || items.length > 0) owner[name] = [];
      else delete owner[name];
    }
    for (const item of (owner[name] as Fields[] | undefined) ?? []) this.record(name, item);
  }
}

/** A document and an edit of it (the same organization). */
export function editedDocumentArbitrary(): fc.Arbitrary<[HyokaDocument, HyokaDocument]> {
  return fc.tuple(documentArbitrary(), fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 })).map(([doc, choices]) => {
    const edited = structuredClone(doc) as unknown as Fields;
    const editor = new Editor(choices);
    editor.record('document', edited);
    return [doc, edited as unknown as HyokaDocument];
  });
}
