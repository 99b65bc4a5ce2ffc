// The query parameter of every API read that says which edition it reads (services/public-view.ts).
import { z } from 'zod';
import { EDITIONS } from '../../services/public-view.js';

/** What a read answers: anonymous readers the published versions; the organization's users choose (default working). */
export const editionQuery = z.object({
  edition: z
    .enum(EDITIONS)
    .optional()
    .describe('published: the latest published version of the fiscal year (what anonymous readers get) | working: the current data, drafts included (the organization’s users; their default)'),
});
