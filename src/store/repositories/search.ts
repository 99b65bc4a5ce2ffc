// The search index of an organization's texts, built lazily per revision (search.ts).
import type { HyokaDocument } from '../../domain/model.js';
import type { Handles } from '../handles.js';
import { indexedRevision, refreshSearchIndex, searchIndex, type SearchMatch } from '../search.js';
import type { QueryPlan } from '../search-tokens.js';
import { inSnapshot } from '../snapshot.js';

export type SearchRepository = ReturnType<typeof searchRepository>;

export function searchRepository(handles: Handles) {
  return {
    /**
     * The revision the index was built from (null: never), and — when that is `revision` —
     * the index's matches, read in the same snapshot so hits and document agree.
     */
    find(orgId: number, revision: number, plan: QueryPlan): Promise<{ built: number | null; matches?: SearchMatch[] }> {
      return inSnapshot(handles, async (db) => {
        const built = await indexedRevision(db, orgId);
        return built === revision ? { built, matches: await searchIndex(db, handles.dialect, orgId, plan) } : { built };
      });
    },

    /** Brings the index up to `revision`, built from `document` (fails at once, busy, while another process writes). */
    refresh(orgId: number, revision: number, document: HyokaDocument): Promise<void> {
      return refreshSearchIndex(handles.db, handles.dialect, orgId, revision, document);
    },
  };
}
