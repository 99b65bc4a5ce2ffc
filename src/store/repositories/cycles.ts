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
  cycle_entries: {
    id: Generated<number>;
    cycle_id: number;
    project: string;
    stage: string;
    scope: CycleScope;
    /** JSON (migration 0008): path → the value the opening carried over from last year. */
    carried: Generated<string>;
    /** JSON (migration 0008): path → Confirmation. */
    confirmed: Generated<string>;
  };
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
  /** Path → the value the opening carried over from last year. */
  carried: Record<string, string>;
  /** Path → the confirmation that a flagged value stands. */
  confirmed: Record<string, Confirmation>;
}

/** A division's word that a flagged value (carried, or the same as last year's) stands. */
export interface Confirmation {
  /** The value confirmed: a later different value is no longer confirmed by it. */
  value: string;
  reason: string;
  by: string;
  at: number;
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
  return rows.map((row) => ({
    id: Number(row.id),
    project: row.project,
    stage: row.stage,
    scope: row.scope,
    carried: JSON.parse(row.carried),
    confirmed: JSON.parse(row.confirmed),
  }));
}

// Everything reads on the writer: a stage must be seen right after its transition.
export function cyclesRepository({ db, reader }: Handles) {
  return {
    async byYear(orgId: number, fiscalYear: number): Promise<CycleRow | undefined> {
      const row = await db.selectFrom('cycles').selectAll().where('org_id', '=', orgId).where('fiscal_year', '=', fiscalYear).executeTakeFirst();
      return row && cycleOf(row as Database['cycles'] & { id: number });
    },
    /** The open cycle as pages read it: on the reader, never waiting for an import holding the writer. */
    async openForReading(orgId: number): Promise<CycleRow | undefined> {
      const row = await reader.selectFrom('cycles').selectAll().where('org_id', '=', orgId).where('state', '=', 'open').executeTakeFirst();
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
      return rows.map(transitionOf);
    },
    /** The latest transition of each entry of the cycle that has one, by entry id (a to-do's return comment). */
    async latestTransitions(cycleId: number): Promise<Map<number, CycleTransitionRow>> {
      const rows = await db
        .selectFrom('cycle_transitions')
        .innerJoin('cycle_entries', 'cycle_entries.id', 'cycle_transitions.entry_id')
        .select(['cycle_transitions.entry_id', 'cycle_transitions.at', 'cycle_transitions.actor', 'cycle_transitions.from_stage', 'cycle_transitions.to_stage', 'cycle_transitions.comment'])
        .where('cycle_entries.cycle_id', '=', cycleId)
        .orderBy('cycle_transitions.id')
        .execute();
      return new Map(rows.map((row) => [Number(row.entry_id), transitionOf(row)]));
    },
    /** The policy evaluations of the cycle that have left `draft` (the others have no row). */
    async policyStages(cycleId: number): Promise<PolicyStageRow[]> {
      const rows = await db.selectFrom('policy_stages').select(['policy', 'bureau', 'stage']).where('cycle_id', '=', cycleId).orderBy('id').execute();
      return rows.map((row) => ({ policy: row.policy, bureau: row.bureau, stage: row.stage }));
    },
    /**
     * Moves a policy evaluation from `from` to `to` (no row yet: it is at `draft`), recording the
     * transition and logging it (channel `cycle`, path `policyEvaluations/POLICY/BUREAU/cycles/Y/stage`).
     * False (nothing written) when it is no longer at `from`.
     */
    policyTransition(
      orgId: number,
      evaluation: { cycleId: number; fiscalYear: number; policy: string; bureau: string },
      move: { from: string; to: string; actor: string; at: number; comment?: string | undefined },
    ): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const existing = await tx
          .selectFrom('policy_stages')
          .select(['id', 'stage'])
          .where('cycle_id', '=', evaluation.cycleId)
          .where('policy', '=', evaluation.policy)
          .where('bureau', '=', evaluation.bureau)
          .executeTakeFirst();
        let id: number;
        if (existing) {
          const result = await tx.updateTable('policy_stages').set({ stage: move.to }).where('id', '=', existing.id).where('stage', '=', move.from).executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) return false;
          id = Number(existing.id);
        } else {
          if (move.from !== 'draft') return false;
          const inserted = await tx
            .insertInto('policy_stages')
            .values({ cycle_id: evaluation.cycleId, policy: evaluation.policy, bureau: evaluation.bureau, stage: move.to })
            .returning('id')
            .executeTakeFirstOrThrow();
          id = Number(inserted.id);
        }
        const comment = move.comment ?? null;
        await tx
          .insertInto('policy_stage_transitions')
          .values({ policy_stage_id: id, at: move.at, actor: move.actor, from_stage: move.from, to_stage: move.to, comment })
          .execute();
        const path = `policyEvaluations/${encodeURIComponent(evaluation.policy)}/${encodeURIComponent(evaluation.bureau)}/cycles/${evaluation.fiscalYear}/stage`;
        await appendChanges(tx, orgId, [{ path, before: move.from, after: move.to }], { actor: move.actor, channel: 'cycle', comment: move.comment, at: move.at });
        return true;
      });
    },
    /** A policy evaluation's transitions in the cycle, oldest first. */
    async policyTransitions(cycleId: number, policy: string, bureau: string): Promise<CycleTransitionRow[]> {
      const rows = await db
        .selectFrom('policy_stage_transitions')
        .innerJoin('policy_stages', 'policy_stages.id', 'policy_stage_transitions.policy_stage_id')
        .select(['policy_stage_transitions.at', 'policy_stage_transitions.actor', 'policy_stage_transitions.from_stage', 'policy_stage_transitions.to_stage', 'policy_stage_transitions.comment'])
        .where('policy_stages.cycle_id', '=', cycleId)
        .where('policy_stages.policy', '=', policy)
        .where('policy_stages.bureau', '=', bureau)
        .orderBy('policy_stage_transitions.id')
        .execute();
      return rows.map(transitionOf);
    },
    /** Records, per project, the values the opening carried over (replacing what was recorded). */
    async setCarried(cycleId: number, carried: ReadonlyMap<string, Record<string, string>>): Promise<void> {
      if (carried.size === 0) return;
      await db.transaction().execute(async (tx) => {
        for (const [project, paths] of carried) {
          await tx.updateTable('cycle_entries').set({ carried: JSON.stringify(paths) }).where('cycle_id', '=', cycleId).where('project', '=', project).execute();
        }
      });
    },
    /**
     * Records the confirmation of one path of an entry, replacing an earlier one of the same
     * path, and logs it (channel `cycle`, the reason as comment) in one transaction.
     */
    confirm(orgId: number, entry: { id: number; project: string; fiscalYear: number }, path: string, confirmation: Confirmation): Promise<void> {
      return db.transaction().execute(async (tx) => {
        // `path` is the project's own (projects/KEY/…): the log names it below the entry's.
        const base = path.slice(0, path.indexOf('/', 'projects/'.length));
        const row = await tx.selectFrom('cycle_entries').select('confirmed').where('id', '=', entry.id).executeTakeFirstOrThrow();
        const confirmed: Record<string, Confirmation> = JSON.parse(row.confirmed);
        const before = confirmed[path];
        confirmed[path] = confirmation;
        await tx.updateTable('cycle_entries').set({ confirmed: JSON.stringify(confirmed) }).where('id', '=', entry.id).execute();
        await appendChanges(
          tx,
          orgId,
          [{ path: `${base}/cycles/${entry.fiscalYear}/confirmed/${path.slice(base.length + 1)}`, before: before?.value, after: confirmation.value }],
          { actor: confirmation.by, channel: 'cycle', comment: confirmation.reason || undefined, at: confirmation.at },
        );
      });
    },
  };
}

function transitionOf(row: { at: number; actor: string; from_stage: string; to_stage: string; comment: string | null }): CycleTransitionRow {
  return { at: Number(row.at), actor: row.actor, from: row.from_stage, to: row.to_stage, ...(row.comment !== null && { comment: row.comment }) };
}

/** A policy evaluation's stage in a cycle (migration 0009): rows only for those past `draft`. */
export interface PolicyStageRow {
  policy: string;
  bureau: string;
  stage: string;
}

export interface PolicyStageTables {
  policy_stages: { id: Generated<number>; cycle_id: number; policy: string; bureau: string; stage: string };
  policy_stage_transitions: {
    id: Generated<number>;
    policy_stage_id: number;
    at: number;
    actor: string;
    from_stage: string;
    to_stage: string;
    comment: string | null;
  };
}
