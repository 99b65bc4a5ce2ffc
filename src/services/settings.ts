// The organization's settings (/admin/settings; admin only): read, previewed against the stored
// document (what would read differently), and saved as an admin's edit of the organization's
// document through the one write path — validated whole (a grade in use must stay in the
// scale), written in one transaction, every changed value in the change log (channel `form`).
import type { HyokaDocument, Settings } from '../domain/model.js';
import type { Problem } from '../interchange/messages.js';
import { validateDocument } from '../interchange/validate.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { ServiceError } from './errors.js';
import { exportDocument } from './export.js';
import { importDocument } from './import.js';
import { parseSettingsForm, settingsEffect, type SettingsEffect, type SettingsValues } from './views/settings-form.js';

async function storedDocument(ctx: Context): Promise<HyokaDocument> {
  authorize(ctx, 'manage-settings', { orgId: (await ctx.organization()).id });
  return exportDocument(ctx);
}

/** The stored overrides (admin only). */
export async function readSettings(ctx: Context): Promise<Settings | undefined> {
  return (await storedDocument(ctx)).settings;
}

export interface SettingsPreview {
  settings: Settings;
  /** Problems of the inputs (keyed by field) and of the document under the new settings (by path). */
  problems: Problem[];
  /** What would read differently; absent when the inputs cannot be read. */
  effect?: SettingsEffect;
}

/** The effect of the typed settings on the stored document, nothing written. */
export async function previewSettings(ctx: Context, values: Partial<SettingsValues>): Promise<SettingsPreview> {
  const stored = await storedDocument(ctx);
  return preview(stored, values);
}

function preview(stored: HyokaDocument, values: Partial<SettingsValues>): SettingsPreview & { document?: HyokaDocument } {
  const { settings, problems } = parseSettingsForm(stored.settings, values);
  if (problems.length > 0) return { settings, problems };
  const desired = { ...stored, settings };
  const validation = validateDocument(desired);
  if (!validation.ok) return { settings, problems: validation.problems };
  return { settings, problems: [], effect: settingsEffect(stored, settings), document: validation.document };
}

/** Tries before a save that keeps meeting other edits gives up. */
const ATTEMPTS = 3;

/**
 * Saves the typed settings, or refuses them (400) with the problems and nothing written. The
 * document is written whole (replace), so a dry run first checks that it changes the settings
 * alone: an edit saved since the document was read is read again, never undone.
 */
export async function saveSettings(ctx: Context, values: Partial<SettingsValues>): Promise<SettingsPreview> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const stored = await storedDocument(ctx);
    const result = preview(stored, values);
    if (!result.document) {
      throw new ServiceError('invalid', '設定を保存できません / The settings cannot be saved', result.problems);
    }
    const options = { mode: 'replace', channel: 'form', comment: '設定の変更 / settings changed' } as const;
    const dry = await importDocument(ctx, result.document, { ...options, dryRun: true, listChanges: Number.POSITIVE_INFINITY });
    if (dry.changes?.changes.some((change) => !change.path.startsWith('settings')) === true) continue;
    await importDocument(ctx, result.document, options);
    return { settings: result.settings, problems: [], ...(result.effect && { effect: result.effect }) };
  }
  throw new ServiceError('conflict', '保存する間に他の変更が続きました。もう一度保存してください / Other edits kept arriving while saving: save again');
}
