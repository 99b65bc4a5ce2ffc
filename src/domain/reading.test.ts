import { describe, expect, it } from 'vitest';
import { failure, quote, success } from './reading.js';

describe('reading', () => {
  it('carries a value, or a message in Japanese then English', () => {
    expect(success(3)).toEqual({ ok: true, value: 3 });
    expect(failure('読めません', 'unreadable')).toEqual({ ok: false, error: '読めません / unreadable' });
  });

  it.each([
    ['十', '「十」'],
    ['', '「」'],
    ['あ'.repeat(40), `「${'あ'.repeat(40)}」`],
    ['あ'.repeat(41), `「${'あ'.repeat(40)}…」`],
    ['𠮷'.repeat(41), `「${'𠮷'.repeat(40)}…」`], // counted in characters, not UTF-16 units
  ])('quotes %j', (text, quoted) => {
    expect(quote(text)).toBe(quoted);
  });
});
