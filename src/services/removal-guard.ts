// An import replaces an organization's data, so a file that reads as (almost) nothing — an
// empty text, a sheet of tabs, a workbook with empty tables — would delete (almost)
// everything stored. The rule: an import into a stored organization that would remove more
// than half of its projects or more than half of its policies (all of them included) is
// refused unless removals are allowed explicitly (CLI --allow-removals; API
// allowRemovals=true, or the confirmToken of a preview, which shows what goes).
import type { RecordCounts, RecordKind } from '../interchange/change-set.js';
import { ServiceError } from './errors.js';

/** The kinds whose loss is "most of an organization": everything else hangs below them. */
const GUARDED = ['projects', 'policies'] as const satisfies readonly RecordKind[];
type Guarded = (typeof GUARDED)[number];

const WORDS: Record<Guarded, readonly [string, string]> = { projects: ['事業', 'projects'], policies: ['施策', 'policies'] };

export interface Removal {
  removed: number;
  /** Records of the kind the organization held before the import. */
  of: number;
}

/** What a preview shows, and a refusal names, when an import would remove most of an organization. */
export interface LargeRemoval {
  projects: Removal;
  policies: Removal;
  message: string;
}

/** More than half of the stored records of the kind (so all of one, or 2 of 3). */
const isLarge = ({ removed, of }: Removal): boolean => removed * 2 > of;

/** The large removal the counts describe, or undefined when the import keeps most of the organization. */
export function largeRemoval(counts: Readonly<Record<RecordKind, RecordCounts>>, organization: string): LargeRemoval | undefined {
  const removals = Object.fromEntries(
    GUARDED.map((kind) => {
      const c = counts[kind];
      return [kind, { removed: c.removed, of: c.removed + c.updated + c.unchanged }];
    }),
  ) as Record<Guarded, Removal>;
  if (!GUARDED.some((kind) => isLarge(removals[kind]))) return undefined;
  return { ...removals, message: wording(removals, organization, '', '') };
}

function wording(removals: Record<Guarded, Removal>, organization: string, jaTail: string, enTail: string): string {
  const ja = GUARDED.map((kind) => `${WORDS[kind][0]} ${removals[kind].of} 件中 ${removals[kind].removed} 件`).join('、');
  const en = GUARDED.map((kind) => `${removals[kind].removed} of ${removals[kind].of} ${WORDS[kind][1]}`).join(' and ');
  return (
    `この取込みは「${organization}」の${ja}を削除します。${jaTail}取り込むには削除を認めてください (CLI: --allow-removals、API: allowRemovals=true かプレビューの confirmToken) / ` +
    `This import removes ${en} of ${organization}${enTail}; to import it, allow the removals (CLI: --allow-removals; API: allowRemovals=true or the preview's confirmToken)`
  );
}

/** The refusal of a large removal that was not allowed: nothing is written. */
export function removalRefusal(removal: LargeRemoval, organization: string): ServiceError {
  const problems = GUARDED.filter((kind) => isLarge(removal[kind])).map((kind) => ({
    path: kind,
    message: `${WORDS[kind][0]} ${removal[kind].of} 件中 ${removal[kind].removed} 件が削除されます / ${removal[kind].removed} of ${removal[kind].of} ${WORDS[kind][1]} would be removed`,
  }));
  return new ServiceError('invalid', wording(removal, organization, '何も書き込んでいません。', '; nothing was written'), problems);
}
