// Cycles (migration 0006; workflow.md, "The cycle"): a fiscal year's evaluation, its entries
// (one per project: stage, scope) and every transition of an entry. Opening a cycle closes the
// organization's open one; a transition moves an entry only from the stage the caller read,
// recording it and logging it (channel `cycle`) in one transaction.
import type { Generated, Kysely } from 'kysely';
import { appendChanges } from '../change-log.js';
import type { Handles } from '../handles.js';
import type { Database } from '../schema.js';

export interface CycleTables {
  cycles: {
    id: Generated<number>;
    org_id: number;
    fiscal_year: number;
    state: 'open' | 'closed';
    /** JSON. */
    deadlines: string;
    opened_at: number;
    opened_by: string;
  };
  cycle_entries: { id: Generated<number>; cycle_id: number; project: string; stage: string; scope: CycleScope };
  cycle_transitions: {
    id: Generated<number>;
    entry_id: number;
    at: number;
    actor: string;
    from_stage: string;
    to_stage: string;
    comment: string | null;
  };
}

export type CycleScope = 'full' | 'light' | 'skip';

export interface CycleRow {
  id: number;
  fiscalYear: number;
  state: 'open' | 'closed';
  deadlines: unknown;
  openedAt: number;
  openedBy: string;
}

export interface CycleEntryRow {
  id: number;
  project: string;
  stage: string;
  scope: CycleScope;
}

export interface CycleTransitionRow {
  at: number;
  actor: string;
  from: string;
  to: string;
  comment?: string;
}

export type CyclesRepository = ReturnType<typeof cyclesRepository>;

function cycleOf(row: Database['cycles'] & { id: number }): CycleRow {
  return {
    id: Number(row.id),
    fiscalYear: Number(row.fiscal_year),
    state: row.state,
    deadlines: JSON.parse(row.deadlines),
    openedAt: Number(row.opened_at),
    openedBy: row.opened_by,
  };
}

async function entriesOf(db: Kysely<Database>, cycleId: number): Promise<CycleEntryRow[]> {
  const rows = await db.selectFrom('cycle_entries').selectAll().where('cycle_id', '=', cycleId).orderBy('id').execute();
  return rows.map((row) => ({ id: Number(row.id), project: row.project, stage: row.stage, scope: row.scope }));
}

// Everything reads on the writer: a stage must be seen right after its transition.
export function cyclesRepository({ db }: Handles) {
  return {
    async byYear(orgId: number, fiscalYear: number): Promise<CycleRow | undefined> {
      const row = await db.selectFrom('cycles').selectAll().where('org_id', '=', orgId).where('fiscal_year', '=', fiscalYear).executeTakeFirst();
      return row && cycleOf(row as Database['cycles'] & { id: number });
    },
    /** The organization's open cycle, if any. */
    async open(orgId: number): Promise<CycleRow | undefined> {
      const row = await db.selectFrom('cycles').selectAll().where('org_id', '=', orgId).where('state', '=', 'open').executeTakeFirst();
      return row && cycleOf(row as Database['cycles'] & { id: number });
    },
    /** Opens a cycle with its entries (all in `stage`, scope full), closing the open one. */
    create(
      orgId: number,
      cycle: { fiscalYear: number; deadlines: unknown; at: number; by: string },
      projects: readonly string[],
      stage: string,
    ): Promise<number> {
      return db.transaction().execute(async (tx) => {
        await tx.updateTable('cycles').set({ state: 'closed' }).where('org_id', '=', orgId).where('state', '=', 'open').execute();
        const { id } = await tx
          .insertInto('cycles')
          .values({
            org_id: orgId,
            fiscal_year: cycle.fiscalYear,
            state: 'open',
            deadlines: JSON.stringify(cycle.deadlines),
            opened_at: cycle.at,
            opened_by: cycle.by,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const cycleId = Number(id);
        for (let start = 0; start < projects.length; start += 500) {
          const rows = projects.slice(start, start + 500).map((project) => ({ cycle_id: cycleId, project, stage, scope: 'full' as const }));
          await tx.insertInto('cycle_entries').values(rows).execute();
        }
        return cycleId;
      });
    },
    entries(cycleId: number): Promise<CycleEntryRow[]> {
      return entriesOf(db, cycleId);
    },
    /** Sets the scope of the entries of these projects; answers how many there were. */
    async setScope(cycleId: number, projects: readonly string[], scope: CycleScope): Promise<number> {
      if (projects.length === 0) return 0;
      const result = await db.updateTable('cycle_entries').set({ scope }).where('cycle_id', '=', cycleId).where('project', 'in', projects).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    /**
     * Moves an entry from `from` to `to`, recording the transition and logging it on the
     * organization's change log. False (nothing written) when the entry is no longer at `from`.
     */
    transition(
      orgId: number,
      entry: { id: number; project: string; fiscalYear: number },
      move: { from: string; to: string; actor: string; at: number; comment?: string | undefined },
    ): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const result = await tx.updateTable('cycle_entries').set({ stage: move.to }).where('id', '=', entry.id).where('stage', '=', move.from).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        const comment = move.comment ?? null;
        await tx
          .insertInto('cycle_transitions')
          .values({ entry_id: entry.id, at: move.at, actor: move.actor, from_stage: move.from, to_stage: move.to, comment })
          .execute();
        const path = `projects/${entry.project}/cycles/${entry.fiscalYear}/stage`;
        await appendChanges(tx, orgId, [{ path, before: move.from, after: move.to }], { actor: move.actor, channel: 'cycle', comment: move.comment, at: move.at });
        return true;
      });
    },
    /** Closes a cycle (its versions stay published; a correction may still be published). */
    async close(cycleId: number): Promise<void> {
      await db.updateTable('cycles').set({ state: 'closed' }).where('id', '=', cycleId).execute();
    },
    /** An entry's transitions, oldest first. */
    async transitions(entryId: number): Promise<CycleTransitionRow[]> {
      const rows = await db.selectFrom('cycle_transitions').selectAll().where('entry_id', '=', entryId).orderBy('id').execute();
      return rows.map((row) => ({
        at: Number(row.at),
        actor: row.actor,
        from: row.from_stage,
        to: row.to_stage,
        ...(row.comment !== null && { comment: row.comment }),
      }));
    },
  };
}
