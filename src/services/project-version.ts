// A project's version (workflow.md, "Conflicts"): the SHA-256 of its stored record's canonical
// JSON (keys sorted at every level), base64url. No column holds it: any write that changes the
// project — a form, the API, any import, another instance, the CLI — changes its version by
// construction, and a write that changes nothing keeps it, so no save can forget to bump it.
// Reading one project to hash it costs what reading it costs; no save reads the organization.
import { createHash } from 'node:crypto';
import type { Project } from '../domain/model.js';
import { canonicalJson } from '../interchange/canonical-json.js';

export function projectVersion(project: Project): string {
  return createHash('sha256').update(canonicalJson(project)).digest('base64url');
}
