// Users of an organization and their API tokens (workflow.md, "People and what they may do"):
// an admin of the organization (or the console, or the bootstrap token) adds, lists, changes,
// disables and enables them, sets passwords, and hands out and revokes tokens. A user that is
// disabled or whose password changes is signed out everywhere.
import { ROLES, type Context, type Role } from './context.js';
import { ServiceError } from './errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { demand } from './rights.js';
import { newApiToken, secretDigest } from './secrets.js';
import type { UserRow } from '../store/index.js';

export interface UserView {
  login: string;
  role: Role;
  bureau?: string;
  division?: string;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  login: string;
  role: string;
  bureau?: string | undefined;
  division?: string | undefined;
  /** Absent: the user signs in through the proxy or with a token only. */
  password?: string | undefined;
}

export interface UserChange {
  role?: string | undefined;
  bureau?: string | null | undefined;
  division?: string | null | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

const LOGIN = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** The organization a management action is done in: a user's own; the console's or bootstrap's as named. */
async function managedOrganization(ctx: Context): Promise<number> {
  const orgId = ctx.actor.kind === 'user' && ctx.orgRef === undefined ? ctx.actor.orgId : (await ctx.organization()).id;
  demand(ctx.actor, 'manage-users', { orgId });
  return orgId;
}

export async function addUser(ctx: Context, input: NewUser): Promise<UserView> {
  const orgId = await managedOrganization(ctx);
  if (!LOGIN.test(input.login)) {
    throw invalid('login', `ログイン名「${input.login}」は使えません（英数字と . _ @ -、64文字まで） / Login "${input.login}" is not allowed: letters, digits and . _ @ -, up to 64`);
  }
  const scope = checkedScope(input.role, input.bureau ?? null, input.division ?? null);
  const passwordHash = input.password === undefined ? null : await checkedHash(input.password);
  if (await ctx.store.users.byLogin(orgId, input.login)) {
    throw new ServiceError('conflict', `ユーザー「${input.login}」は既にいます / User "${input.login}" already exists`);
  }
  const now = Date.now();
  await ctx.store.users.insert({ org_id: orgId, login: input.login, ...scope, password_hash: passwordHash, disabled: 0, created_at: now, updated_at: now });
  return view(await existing(ctx, orgId, input.login));
}

export async function listUsers(ctx: Context): Promise<UserView[]> {
  const orgId = await managedOrganization(ctx);
  return (await ctx.store.users.list(orgId)).map(view);
}

export async function updateUser(ctx: Context, login: string, change: UserChange): Promise<UserView> {
  const orgId = await managedOrganization(ctx);
  const user = await existing(ctx, orgId, login);
  const scope = checkedScope(
    change.role ?? user.role,
    change.bureau === undefined ? user.bureau : change.bureau,
    change.division === undefined ? user.division : change.division,
  );
  const passwordHash = change.password === undefined ? user.password_hash : await checkedHash(change.password);
  const disabled = change.disabled === undefined ? user.disabled : change.disabled ? 1 : 0;
  await ctx.store.users.update(user.id, { ...scope, password_hash: passwordHash, disabled, updated_at: Date.now() });
  // Whoever held this user's sessions signs in again, with the new password or rights.
  if (change.password !== undefined || disabled === 1 || change.role !== undefined) await ctx.store.sessions.deleteForUser(user.id);
  return view(await existing(ctx, orgId, login));
}

export function setDisabled(ctx: Context, login: string, disabled: boolean): Promise<UserView> {
  return updateUser(ctx, login, { disabled });
}

export function setPassword(ctx: Context, login: string, password: string): Promise<UserView> {
  return updateUser(ctx, login, { password });
}

export interface IssuedToken {
  id: number;
  /** Shown once; only its SHA-256 is kept. */
  token: string;
}

export async function createToken(ctx: Context, login: string, label = ''): Promise<IssuedToken> {
  const orgId = await managedOrganization(ctx);
  const user = await existing(ctx, orgId, login);
  const token = newApiToken();
  const id = await ctx.store.tokens.insert({ hash: secretDigest(token), user_id: user.id, label, created_at: Date.now() });
  return { id, token };
}

export async function revokeToken(ctx: Context, login: string, id: number): Promise<void> {
  const orgId = await managedOrganization(ctx);
  const user = await existing(ctx, orgId, login);
  if (!(await ctx.store.tokens.revoke(user.id, id, Date.now()))) {
    throw new ServiceError('not-found', `ユーザー「${login}」に有効なトークン ${id} はありません / User "${login}" has no active token ${id}`);
  }
}

async function existing(ctx: Context, orgId: number, login: string): Promise<UserRow> {
  const user = await ctx.store.users.byLogin(orgId, login);
  if (!user) throw new ServiceError('not-found', `ユーザー「${login}」が見つかりません / User "${login}" not found`);
  return user;
}

/** A role with the scope it needs: a bureau for `bureau`, a division for `division`, none for the others. */
function checkedScope(role: string, bureau: string | null, division: string | null): { role: Role; bureau: string | null; division: string | null } {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw invalid('role', `役割「${role}」はありません（${ROLES.join(' / ')}） / No role "${role}": use ${ROLES.join(', ')}`);
  }
  const r = role as Role;
  if (r === 'bureau' && !bureau) throw invalid('bureau', '局の利用者には局が必要です（--bureau） / A bureau user needs a bureau (--bureau)');
  if (r === 'division' && !division) throw invalid('division', '課の利用者には課が必要です（--division） / A division user needs a division (--division)');
  if (r === 'admin' || r === 'viewer') return { role: r, bureau: null, division: null };
  return { role: r, bureau: bureau || null, division: r === 'division' ? division : null };
}

async function checkedHash(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw invalid('password', problem);
  return hashPassword(password);
}

function invalid(path: string, message: string): ServiceError {
  return new ServiceError('invalid', message, [{ path, message }]);
}

function view(row: UserRow): UserView {
  return {
    login: row.login,
    role: row.role as Role,
    ...(row.bureau !== null && { bureau: row.bureau }),
    ...(row.division !== null && { division: row.division }),
    disabled: row.disabled === 1,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
