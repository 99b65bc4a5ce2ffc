// The store's public face: open a database (SQLite, PostgreSQL or PGlite), migrated, and
// reach its data through the repositories on the Store (store.organizations, .documents,
// .projects, .search). Services import this module alone, never a store internal.
export { openStore, DEFAULT_SQLITE_PATH, type Store, type StoreOptions } from './open.js';
export type { DialectName } from './dialect.js';
export type { Handles } from './handles.js';
export type { OrganizationHead, OrganizationSummary, OrganizationsRepository } from './repositories/organizations.js';
export type { Applied, ApplyOptions, ApplyStage, Checkpoint, DocumentsRepository, Snapshot } from './repositories/documents.js';
export type { PolicySummary, ProjectFilter, ProjectList, ProjectPage, ProjectSummary, ProjectsRepository } from './repositories/projects.js';
export type { SearchRepository } from './repositories/search.js';
export type { UserRow, UsersRepository } from './repositories/users.js';
export type { SessionRow, SessionsRepository } from './repositories/sessions.js';
export type { TokenRow, TokensRepository } from './repositories/tokens.js';
export type { ChangeLogRepository, LogContext, LoggedChange, LogPage } from './repositories/change-log.js';
export type { CycleEntryRow, CycleRow, CycleScope, CyclesRepository, CycleTransitionRow } from './repositories/cycles.js';
export type { NewPublication, PublicationRow, PublicationsRepository } from './repositories/publications.js';
export type { SignInFailuresRepository } from './repositories/sign-in-failures.js';
export { InvalidDocumentError, StaleSnapshotError, unavailableCause, type UnavailableCause } from './errors.js';
export { searchDocument, type SearchField, type SearchKind, type SearchMatch } from './search.js';
export { MAX_QUERY_LENGTH, queryPlan, type QueryPlan, type Range } from './search-tokens.js';
export { backupDatabase, restoreDatabase, RestoreRefusedError, type BackupKind } from './backup.js';
