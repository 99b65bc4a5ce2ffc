// Tests that need a Debian package (Chromium, poppler, LibreOffice, strace, pg_dump, nginx) ask for it here. Where
// the package is missing they are skipped with its name in the title; under
// HYOKA_REQUIRE_ALL=1 (set by .ci/run) a missing package fails the run instead.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export type DebianPackage = 'chromium' | 'poppler-utils' | 'libreoffice' | 'strace' | 'postgresql-client' | 'nginx-light';

const BINARIES: Record<DebianPackage, readonly string[]> = {
  chromium: ['chromium'],
  'poppler-utils': ['pdftotext', 'pdffonts', 'pdfinfo'],
  libreoffice: ['soffice'],
  strace: ['strace'],
  'postgresql-client': ['pg_dump', 'pg_restore'],
  'nginx-light': ['nginx'],
};

export interface PackageGate {
  available: boolean;
  /** For a describe title: `(needs Debian package chromium)`. */
  label: string;
}

function onPath(binary: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, binary), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/**
 * Whether a Debian package's programs are installed. Use as
 * `describe.skipIf(!gate.available)(\`… ${gate.label}\`, …)`.
 */
export function requirePackage(pkg: DebianPackage): PackageGate {
  const missing = BINARIES[pkg].filter((binary) => !onPath(binary));
  const label = `(needs Debian package ${pkg})`;
  if (missing.length > 0 && process.env.HYOKA_REQUIRE_ALL === '1') {
    throw new Error(`HYOKA_REQUIRE_ALL=1 but ${missing.join(', ')} not found: apt-get install ${pkg}`);
  }
  return { available: missing.length === 0, label };
}

export interface PostgresGate extends PackageGate {
  /** TEST_DATABASE_URL, when set. */
  url: string | undefined;
}

/**
 * Tests that need a real PostgreSQL server (terminating its connections, losing it): the
 * server named by TEST_DATABASE_URL. Without it they are skipped saying so; under
 * HYOKA_REQUIRE_ALL=1 a missing URL fails the run instead.
 */
export function requirePostgres(): PostgresGate {
  const url = process.env.TEST_DATABASE_URL || undefined;
  if (!url && process.env.HYOKA_REQUIRE_ALL === '1') {
    throw new Error('HYOKA_REQUIRE_ALL=1 but TEST_DATABASE_URL is not set: name a PostgreSQL server (postgres://…)');
  }
  return { available: url !== undefined, label: '(needs a PostgreSQL server in TEST_DATABASE_URL)', url };
}
