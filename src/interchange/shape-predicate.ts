// The shape half of validation, fast: schema.ts's zod schema compiled once into a plain
// yes/no check. zod builds a new object and issue list for every record, which for a
// 10,000-project document costs more than the rest of validation together; a document
// that passes this check passes zod, so zod runs only to word the problems of one that
// does not. Built from the same schema, the check cannot drift from it: a zod feature it
// does not know makes compiling fail at load, never accept what zod would refuse.
//
// The check is generated JavaScript, one function per object, list and union (as zod's
// own JIT does): composed closures cost an indirect call per field, most of the time.
// The text holds only names and constants taken from the schema, each written with
// JSON.stringify; nothing from a document is ever part of it.
import type { z } from 'zod';

export type Accepts = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  [key: string]: unknown;
}

function unsupported(what: string): never {
  throw new Error(`shape-predicate: zod ${what} is not supported; teach compileShape it (or keep it out of schema.ts)`);
}

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** A literal or enum value as JavaScript source: only JSON's own primitives. */
function constant(value: unknown): string {
  const ok = typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value));
  if (!ok) unsupported(`literal ${String(value)}`);
  return JSON.stringify(value);
}

class Compiler {
  private readonly functions: string[] = [];
  private readonly names = new Map<z.ZodType, string>();

  /** The source of the whole check, whose value is the root schema's function. */
  program(root: z.ZodType): string {
    const name = this.named(root);
    return `${this.functions.join('\n')}\nreturn ${name};`;
  }

  /** A function for the schema (shared where the schema object is), returning its name. */
  private named(schema: z.ZodType): string {
    const known = this.names.get(schema);
    if (known !== undefined) return known;
    const name = `f${this.names.size}`;
    this.names.set(schema, name);
    this.functions.push(`function ${name}(v) { ${this.body(schema)} }`);
    return name;
  }

  private body(schema: z.ZodType): string {
    const def = schema._zod.def as Def;
    if (def.type === 'object') return this.objectBody(def);
    if (def.type === 'array') return this.arrayBody(def);
    if (def.type === 'union') return this.unionBody(def);
    return `return ${this.test(schema, 'v')};`;
  }

  /** A loose object (unknown keys allowed, as `looseObject`); each known key checked by its schema. */
  private objectBody(def: Def): string {
    const catchall = def.catchall as z.ZodType | undefined;
    if (catchall === undefined || (catchall._zod.def as Def).type !== 'unknown') unsupported('object without an unknown catchall (strict or strip)');
    if (checksOf(def).length > 0) unsupported('object checks');
    const shape = def.shape as Record<string, z.ZodType>;
    const fields = Object.keys(shape).map((key) => {
      if (key === '__proto__') unsupported('object key __proto__');
      return `a = v[${JSON.stringify(key)}]; if (!(${this.test(shape[key]!, 'a')})) return false;`;
    });
    return `if (typeof v !== "object" || v === null || Array.isArray(v)) return false; let a; ${fields.join(' ')} return true;`;
  }

  private arrayBody(def: Def): string {
    let min = 0;
    for (const check of checksOf(def)) {
      if (check.check === 'min_length' && Number.isSafeInteger(check.minimum)) min = check.minimum as number;
      else unsupported(`array check ${check.check}`);
    }
    const element = this.test(def.element as z.ZodType, 'a');
    return `if (!Array.isArray(v) || v.length < ${min}) return false; for (let i = 0; i < v.length; i++) { const a = v[i]; if (!(${element})) return false; } return true;`;
  }

  /**
   * A discriminated union accepts what its options accept: each option fixes its own
   * discriminator, so the option the discriminator picks is the only one that can. An
   * exclusive union (discriminated, xor) refuses a value that two options accept.
   */
  private unionBody(def: Def): string {
    if (checksOf(def).length > 0) unsupported('union checks');
    const options = (def.options as z.ZodType[]).map((option) => this.test(option, 'v'));
    if (def.inclusive !== false) return `return ${options.map((o) => `(${o})`).join(' || ') || 'false'};`;
    return `let m = 0; ${options.map((o) => `if (${o}) m++;`).join(' ')} return m === 1;`;
  }

  /** A JavaScript expression, true when the variable `x` holds a value the schema accepts. */
  private test(schema: z.ZodType, x: string): string {
    const def = schema._zod.def as Def;
    if (!['number', 'string', 'array', 'object'].includes(def.type) && checksOf(def).length > 0) unsupported(`${def.type} checks`);
    switch (def.type) {
      case 'object':
      case 'array':
      case 'union':
        return `${this.named(schema)}(${x})`;
      case 'number':
        return this.numberTest(def, x);
      case 'string':
        return this.stringTest(def, x);
      case 'boolean':
        return `typeof ${x} === "boolean"`;
      case 'unknown':
        return 'true';
      case 'literal':
        return `(${(def.values as unknown[]).map((value) => `${x} === ${constant(value)}`).join(' || ') || 'false'})`;
      case 'enum':
        return `(${Object.values(def.entries as Record<string, unknown>).map((value) => `${x} === ${constant(value)}`).join(' || ') || 'false'})`;
      case 'optional':
        return `(${x} === undefined || ${this.test(def.innerType as z.ZodType, x)})`;
      default:
        return unsupported(`type ${def.type}`);
    }
  }

  /**
   * string: its length within max_length, counted as zod counts: in code points (a string
   * within the limit in UTF-16 units is within it in code points, so only a longer one is counted).
   */
  private stringTest(def: Def, x: string): string {
    const tests = [`typeof ${x} === "string"`];
    for (const check of checksOf(def)) {
      if (check.check === 'max_length' && Number.isSafeInteger(check.maximum)) {
        const maximum = constant(check.maximum);
        tests.push(`(${x}.length <= ${maximum} || [...${x}].length <= ${maximum})`);
      }
      else unsupported(`string check ${check.check}`);
    }
    return tests.length === 1 ? tests[0]! : `(${tests.join(' && ')})`;
  }

  /** number: finite (zod refuses NaN and ±Infinity), then its format and bounds. */
  private numberTest(def: Def, x: string): string {
    const tests = [`typeof ${x} === "number"`, `Number.isFinite(${x})`];
    for (const check of checksOf(def)) {
      const bound = check.value;
      if (check.check === 'number_format' && check.format === 'safeint') tests.push(`Number.isSafeInteger(${x})`);
      else if (check.check === 'greater_than' && typeof bound === 'number' && Number.isFinite(bound)) tests.push(`${x} ${check.inclusive ? '>=' : '>'} ${constant(bound)}`);
      else if (check.check === 'less_than' && typeof bound === 'number' && Number.isFinite(bound)) tests.push(`${x} ${check.inclusive ? '<=' : '<'} ${constant(bound)}`);
      else unsupported(`number check ${check.check}${check.format ? ` ${String(check.format)}` : ''}`);
    }
    return `(${tests.join(' && ')})`;
  }
}

/**
 * Compiles a zod schema (the kinds schema.ts uses) into a check that accepts exactly what it
 * accepts. Where code generation is disallowed (node --disallow-code-generation-from-strings)
 * the check accepts nothing, which only means that zod answers every time.
 */
export function compileShape(schema: z.ZodType): Accepts {
  const source = new Compiler().program(schema);
  try {
    return new Function(source)() as Accepts;
  } catch (error) {
    if (error instanceof EvalError) return () => false;
    throw error;
  }
}
