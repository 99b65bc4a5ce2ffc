// The pages people read: server-rendered HTML under their own error handling (an error is a
// page, not JSON, and so is a path that is no page: error-page.tsx), plus the assets they
// load. Each page lives in its own module and is registered below; every page also answers
// ?format=json|csv with what it shows.
import type { FastifyPluginAsync } from 'fastify';
import { registerAssets } from './assets.js';
import { registerDownloads } from './downloads.js';
import { registerDashboard } from './dashboard.js';
import { registerAttentionList } from './dashboard-attention-list.js';
import { registerPolicies } from './policies.js';
import { registerProject } from './project.js';
import { registerSheet } from './sheet.js';
import { registerSdgs } from './sdgs.js';
import { registerChanges } from './changes.js';
import { registerSearch } from './search.js';
import { registerPdf } from './pdf.js';
import { installPageErrors } from './error-page.js';
import { registerSignIn } from './sign-in.js';
import { registerAdminUsers } from './admin-users.js';
import { registerProjectEdit } from './project-edit.js';
import { registerPolicyEvaluationEdit } from './policy-evaluation-edit.js';
import { registerAdminSettings } from './admin-settings.js';
import { registerListEntry } from './list-entry.js';
import { registerHistory } from './history.js';
import { registerImportPage } from './import.js';
import { registerVersions } from './versions.js';
import { registerCyclePublish } from './cycle-publish.js';
import { registerTasks } from './tasks.js';
import { registerCycleOverview } from './cycle-overview.js';
import { registerEditionSwitch } from './edition-switch.js';
import formbody from '@fastify/formbody';

export const registerPages: FastifyPluginAsync = async (app) => {
  installPageErrors(app);
  // The account forms post application/x-www-form-urlencoded.
  await app.register(formbody);
  registerAssets(app);
  registerPdf(app);
  registerDashboard(app);
  registerAttentionList(app);
  registerPolicies(app);
  registerProject(app);
  registerSheet(app);
  registerSdgs(app);
  registerChanges(app);
  registerSearch(app);
  registerDownloads(app);
  registerSignIn(app);
  registerAdminUsers(app);
  registerProjectEdit(app);
  registerPolicyEvaluationEdit(app);
  registerAdminSettings(app);
  registerListEntry(app);
  registerHistory(app);
  registerTasks(app);
  registerCycleOverview(app);
  registerImportPage(app);
  registerVersions(app);
  registerCyclePublish(app);
  registerEditionSwitch(app);
};
