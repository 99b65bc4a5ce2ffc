import { describe, expect, it } from 'vitest';
import { overStored } from './over-stored.js';

describe('overStored', () => {
  const cases: { name: string; posted: Record<string, string>; original?: Record<string, string>; stored: Record<string, string>; values: Record<string, string>; changed: string[] }[] = [
    { name: 'an untouched field takes the value stored now', posted: { a: '1' }, original: { a: '1' }, stored: { a: '2' }, values: { a: '2' }, changed: [] },
    { name: 'a typed field is the person’s', posted: { a: '3' }, original: { a: '1' }, stored: { a: '2' }, values: { a: '3' }, changed: ['a'] },
    { name: 'emptying a field is a change', posted: { a: '' }, original: { a: '1' }, stored: { a: '1' }, values: { a: '' }, changed: ['a'] },
    { name: 'a checkbox unchecked since stored checked', posted: { p: '' }, original: { p: '' }, stored: { p: 'true' }, values: { p: 'true' }, changed: [] },
    { name: 'without originals every field is changed', posted: { a: '1', b: '2' }, stored: { a: '9' }, values: { a: '1', b: '2' }, changed: ['a', 'b'] },
    { name: 'a field with no original is changed', posted: { a: '1', b: '2' }, original: { a: '1' }, stored: { a: '5', b: '7' }, values: { a: '5', b: '2' }, changed: ['b'] },
    { name: 'an untouched field no longer stored keeps what was posted', posted: { a: '1' }, original: { a: '1' }, stored: {}, values: { a: '1' }, changed: [] },
  ];
  it.each(cases)('$name', ({ posted, original, stored, values, changed }) => {
    const result = overStored(posted, original, stored);
    expect(result.values).toEqual(values);
    expect([...result.changed]).toEqual(changed);
  });
});
