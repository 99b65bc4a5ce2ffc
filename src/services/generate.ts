// A national dataset for measurements: N synthetic organizations (interchange/generate.ts, one
// seed each, so codes 900001, 900002, …) imported into the database, two at a time — each
// import is one organization's transaction, so two overlap without waiting for each other.
import { generateDocument } from '../interchange/generate.js';
import { authorize } from './authorization.js';
import { createContext, type Context } from './context.js';
import { importValue } from './documents.js';
import { ServiceError } from './errors.js';
import { publishDecided } from './publications.js';

/** The fiscal year a generated organization evaluates (interchange/generate.ts's default). */
export const GENERATED_FISCAL_YEAR = 2021;

export interface GenerateIntoOptions {
  organizations: number;
  /** Projects of each organization. */
  projects: number;
  /** The first organization's seed (default 1); the others follow. */
  firstSeed?: number;
  /** Also publish each one's fiscal year as decided (its cycle's version 1), as anonymous readers then see it. */
  publish?: boolean;
  /** Imports at once (default 2). */
  concurrency?: number;
  onOrganization?: (done: number) => void;
}

export async function generateInto(ctx: Context, options: GenerateIntoOptions): Promise<{ organizations: number; projects: number }> {
  authorize(ctx, 'import-replace');
  const { organizations, projects } = options;
  if (!Number.isSafeInteger(organizations) || organizations < 1 || !Number.isSafeInteger(projects) || projects < 0) {
    throw new ServiceError('invalid', '団体数は 1 以上、事業数は 0 以上の整数です / Organizations take a whole number ≥ 1, projects ≥ 0');
  }
  const firstSeed = options.firstSeed ?? 1;
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < organizations; i = next++) {
      const { report } = await importValue(ctx, generateDocument({ projects, seed: firstSeed + i }), { comment: 'hyoka generate' });
      if (options.publish) {
        const organization = createContext(ctx.store, ctx.actor, report.organization.code ?? report.organization.name);
        await publishDecided(organization, GENERATED_FISCAL_YEAR, { note: '生成データ / Generated data' });
      }
      options.onOrganization?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return { organizations, projects: organizations * projects };
}
