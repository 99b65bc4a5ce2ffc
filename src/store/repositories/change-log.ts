// The change log (change-log.ts): appended by every write in its own transaction, read back
// per project and per organization, newest first, a page at a time.
import type { Change } from '../../interchange/change-set.js';
import { appendChanges, readChanges, type LogContext, type LoggedChange, type LogPage } from '../change-log.js';
import type { Handles } from '../handles.js';

export type { LogContext, LoggedChange, LogPage };

export type ChangeLogRepository = ReturnType<typeof changeLogRepository>;

export function changeLogRepository({ db }: Handles) {
  return {
    /**
     * Appends entries on their own (a write that is not a change set: a cycle's transition, a
     * publication). Writes of documents log inside their transaction (documents.apply).
     */
    append(orgId: number, changes: readonly Change[], log: LogContext): Promise<void> {
      return db.transaction().execute((tx) => appendChanges(tx, orgId, changes, log));
    },
    // Read on the writer: a history read right after a save must show it (SQLite's reader may lag a commit behind).
    /** One project's entries, newest first. */
    forProject(orgId: number, key: string, page: LogPage): Promise<LoggedChange[]> {
      return readChanges(db, orgId, page, key);
    },
    /** The organization's entries, newest first. */
    forOrganization(orgId: number, page: LogPage): Promise<LoggedChange[]> {
      return readChanges(db, orgId, page);
    },
  };
}
