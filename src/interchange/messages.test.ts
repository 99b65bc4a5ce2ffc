import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { type Problem, problemsOfIssue, shown } from './messages.js';

function problems(schema: z.ZodType, input: unknown): Problem[] {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? [] : result.error.issues.flatMap((issue) => problemsOfIssue(issue));
}

describe("zod's issues in our words", () => {
  it('follows a union into the option the value was meant for', () => {
    const schema = z.object({ t: z.union([z.number(), z.object({ kind: z.literal('rank'), atMost: z.number() })]) });
    expect(problems(schema, { t: { kind: 'rank', atMost: 'x' } })).toEqual([
      { path: 't.atMost', message: '数値で書いてください ("x" と書かれています) / must be a number, not "x"' },
    ]);
  });

  it('falls back to a plain message when the value fits no option and more than one was possible', () => {
    const schema = z.object({ t: z.union([z.object({ a: z.number() }), z.object({ b: z.number() })]) });
    expect(problems(schema, { t: {} })).toEqual([{ path: 't', message: '値が正しくありません ({} と書かれています) / invalid value: {}' }]);
  });

  it.each<[z.ZodType, unknown, string]>([
    [z.number().gt(0), 0, '0 より大きくしてください (0 と書かれています) / must be more than 0, not 0'],
    [z.number().lt(5), 5, '5 より小さくしてください (5 と書かれています) / must be less than 5, not 5'],
    [z.array(z.string()).min(2), ['a'], '少なくとも 2 件必要です / needs at least 2 item(s)'],
    [z.string(), undefined, '必須の項目です。値を書いてください / this field is required'],
    [z.literal('x'), undefined, '必須の項目です。値を書いてください / this field is required'],
    [z.string().regex(/^a$/), 'b', '値が正しくありません ("b" と書かれています) / invalid value: "b"'],
  ])('%#: %j', (schema, input, message) => {
    expect(problems(schema, input)).toEqual([{ path: '', message }]);
  });
});

describe('shown', () => {
  it.each<[unknown, string]>([
    ['十', '"十"'],
    [1.5, '1.5'],
    [undefined, 'undefined'],
    [{ a: [1] }, '{"a":[1]}'],
    ['x'.repeat(50), `"${'x'.repeat(39)}…`],
  ])('%j', (value, text) => {
    expect(shown(value)).toBe(text);
  });
});
