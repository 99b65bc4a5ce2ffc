// domain is pure: no IO, and no state kept between calls. A module-level `let` or `var` is
// state every caller shares (and a reason the same call could answer differently).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);
const modules = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('domain modules', () => {
  it.each(modules)('%s keeps no module-level variable', (name) => {
    const text = readFileSync(new URL(name, here), 'utf8');
    expect(text.split('\n').filter((line) => /^(let|var)\s/.test(line))).toEqual([]);
  });
});
