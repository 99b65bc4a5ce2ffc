// What `npm ci` promises a new user: the Node.js version the README states is one every
// locked package supports (no EBADENGINE warning), and every install script npm would run is
// approved in package.json's allowScripts (no install-scripts warning).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
  hasInstallScript?: boolean;
  dev?: boolean;
  optional?: boolean;
}

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string }; allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, LockedPackage> };
const readme = readFileSync(new URL('README.md', root), 'utf8');

type Version = [number, number, number];

/** `>=20.19` → 20.19.0: the oldest Node.js the project says it runs on. */
function minimumOf(range: string): Version {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`engines.node should be ">=X.Y", got "${range}"`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether `version` satisfies an npm engines range, for the forms packages write there:
 * `||` of space-separated comparators, each `>= > <= < = ^ ~` or none, with partial
 * versions (`20`, `20.x`, `12.*`) and `*`.
 */
function admits(range: string, version: Version): boolean {
  return range.split('||').some((set) => {
    const comparators = set.trim().replace(/([<>=^~]+)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return comparators.every((comparator) => admitsOne(comparator, version));
  });
}

function admitsOne(comparator: string, version: Version): boolean {
  const match = /^([<>]=?|=|\^|~)?v?(\*|x|\d+)(?:\.(\*|x|\d+))?(?:\.(\*|x|\d+))?/.exec(comparator);
  if (!match) throw new Error(`unreadable engines comparator "${comparator}"`);
  const op = match[1] ?? '=';
  const parts = [match[2], match[3], match[4]].map((part) => (part === undefined || part === '*' || part === 'x' ? undefined : Number(part)));
  const given = parts.findIndex((part) => part === undefined);
  const known = given === -1 ? 3 : given;
  if (known === 0) return true; // `*`
  const low = [0, 1, 2].map((i) => parts[i] ?? 0) as Version;
  // The first version past the partial one: 20.x → 21.0.0; 20.19 → 20.20.0.
  const next = (depth: number): Version => [0, 1, 2].map((i) => (i < depth - 1 ? low[i]! : i === depth - 1 ? low[i]! + 1 : 0)) as Version;
  const high = known === 3 ? undefined : next(known);
  switch (op) {
    case '>=':
      return compare(version, low) >= 0;
    case '>':
      return high ? compare(version, high) >= 0 : compare(version, low) > 0;
    case '<':
      return compare(version, low) < 0;
    case '<=':
      return high ? compare(version, high) < 0 : compare(version, low) <= 0;
    case '^':
      return compare(version, low) >= 0 && compare(version, next(low[0] === 0 ? 2 : 1)) < 0;
    case '~':
      return compare(version, low) >= 0 && compare(version, next(Math.min(known, 2))) < 0;
    default:
      return compare(version, low) >= 0 && (high ? compare(version, high) < 0 : compare(version, low) === 0);
  }
}

describe('installing with npm ci', () => {
  const minimum = minimumOf(pkg.engines.node);

  it('reads engine ranges as npm does', () => {
    expect(admits('>=22', [20, 19, 0])).toBe(false);
    expect(admits('>=18', [20, 19, 0])).toBe(true);
    expect(admits('^20.19.0 || >=22.12.0', [20, 19, 0])).toBe(true);
    expect(admits('^20.19.0 || >=22.12.0', [21, 0, 0])).toBe(false);
    expect(admits('20.x || 22.x', [20, 19, 0])).toBe(true);
    expect(admits('10.* || >= 12.*', [20, 19, 0])).toBe(true);
    expect(admits('^10 || ^12 || >=14', [13, 0, 0])).toBe(false);
    expect(admits('*', [20, 19, 0])).toBe(true);
  });

  it('states one Node.js version, in the README and in package.json, that every locked package supports', () => {
    expect(readme).toContain(`Node.js ${minimum[0]}.${minimum[1]} or later`);
    const refused = Object.entries(lock.packages)
      .filter(([name, locked]) => name !== '' && locked.engines?.node !== undefined && !admits(locked.engines.node, minimum))
      .map(([name, locked]) => `${name}@${locked.version}: node ${locked.engines!.node}`);
    expect(refused).toEqual([]);
  });

  it('approves every install script npm would run (allowScripts), so npm ci prints no warning about them', () => {
    const scripted = Object.entries(lock.packages)
      .filter(([, locked]) => locked.hasInstallScript === true && locked.optional !== true)
      .map(([name]) => name.replace(/^.*node_modules\//, ''));
    expect(scripted.length).toBeGreaterThan(0);
    expect(scripted.filter((name) => pkg.allowScripts?.[name] !== true)).toEqual([]);
  });

  it('light-my-request (app.inject, which every page and API test uses) sends cookies with the cookie version pinned for Node 20', async () => {
    const app = Fastify();
    app.get('/', async (request) => ({ cookie: request.headers.cookie }));
    try {
      const response = await app.inject({ url: '/', cookies: { session: 'a b', other: '1' } });
      expect(response.json()).toEqual({ cookie: 'session=a%20b; other=1' });
    } finally {
      await app.close();
    }
  });
});
