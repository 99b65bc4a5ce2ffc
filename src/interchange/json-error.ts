// Where a JSON text first goes wrong. JSON.parse says only sometimes ("at position 8"),
// and never in lines and columns, which is what a person editing the file needs.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** The offset of the first syntax error (the text's length when it ends early), or undefined when the text is valid JSON. */
export function syntaxErrorOffset(text: string): number | undefined {
  let at = 0;
  const fail = (): never => {
    throw new SyntaxAt(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at += 1;
  };
  const word = (w: string) => {
    if (!text.startsWith(w, at)) fail();
    at += w.length;
  };
  const string = () => {
    at += 1;
    for (;;) {
      const c = text[at];
      if (c === undefined) fail();
      if (c === '"') {
        at += 1;
        return;
      }
      if (c === '\\') {
        const e = text[at + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(at + 2, at + 6))) fail();
          at += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) fail();
        at += 2;
        continue;
      }
      if ((c as string).charCodeAt(0) < 0x20) fail();
      at += 1;
    }
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    if (c === 't') return word('true');
    if (c === 'f') return word('false');
    if (c === 'n') return word('null');
    NUMBER.lastIndex = at;
    if (!NUMBER.test(text)) fail();
    at = NUMBER.lastIndex;
  };
  const container = (close: string, object: boolean) => {
    at += 1;
    space();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      if (object) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at += 1;
      }
      value();
      space();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === close) {
        at += 1;
        return;
      }
      fail();
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxAt) return Math.min(error.offset, text.length);
    return 0; // nested too deeply to scan: point at the start
  }
}

/** 1-based line and column (in characters) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line += 1;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
