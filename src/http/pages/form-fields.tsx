// The inputs of the editing forms (project, policy evaluation, settings): each shows the text
// as stored or as typed, its problems right beside it (Japanese with English), and — where
// the user may not change it — the value as plain text instead of an input, so it is not
// posted and the stored value stays. No script is needed for any of it.
import type { ReactNode } from 'react';
import type { FormField } from '../../services/views/form-field.js';
import type { Problem } from '../../services/errors.js';
import { En } from './dashboard-parts.js';

export type { FormField };

export interface Option {
  value: string;
  label: string;
}

/** A field's id: its name, which may hold any character but a space. */
export function fieldId(name: string): string {
  return `f-${name.replace(/\s/gu, '_')}`;
}

function Problems({ field }: { field: FormField }) {
  if (field.problems.length === 0) return null;
  return (
    <span className="field-problems" id={`${fieldId(field.name)}-problems`}>
      {field.problems.map((problem, i) => (
        <span key={i} className="form-error" role="alert">
          {problem}
        </span>
      ))}
    </span>
  );
}

function described(field: FormField) {
  return field.problems.length > 0 ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(field.name)}-problems` } : {};
}

interface InputProps {
  field: FormField;
  /** The label, Japanese then English; in a table cell, `label` is read aloud only. */
  label: string;
  en: string;
  /** In a table cell: no visible label (the column says it). */
  bare?: boolean;
  size?: number;
  inputMode?: 'decimal' | 'numeric' | 'text';
}

function Labelled({ field, label, en, bare, children }: Pick<InputProps, 'field' | 'label' | 'en' | 'bare'> & { children: ReactNode }) {
  const className = `field${field.problems.length > 0 ? ' field-invalid' : ''}${field.editable ? '' : ' field-read-only'}`;
  if (bare) {
    return (
      <span className={className}>
        {children}
        <Problems field={field} />
      </span>
    );
  }
  return (
    <div className={className}>
      <label htmlFor={fieldId(field.name)}>
        {label} <En>{en}</En>
      </label>
      {children}
      <Problems field={field} />
    </div>
  );
}

function ReadOnly({ field, text }: { field: FormField; text?: string }) {
  return (
    <span className="read-only" id={fieldId(field.name)}>
      {(text ?? field.value) || '—'}
    </span>
  );
}

export function TextInput(props: InputProps) {
  const { field, label, en, bare, size, inputMode } = props;
  return (
    <Labelled field={field} label={label} en={en} bare={bare}>
      {field.editable ? (
        <input
          id={fieldId(field.name)}
          name={field.name}
          defaultValue={field.value}
          size={size}
          inputMode={inputMode}
          {...(bare && { 'aria-label': `${label} ${en}` })}
          {...described(field)}
        />
      ) : (
        <ReadOnly field={field} />
      )}
    </Labelled>
  );
}

export function TextArea(props: InputProps & { rows?: number; required?: boolean }) {
  const { field, label, en, bare, rows, required } = props;
  return (
    <Labelled field={field} label={label} en={en} bare={bare}>
      {field.editable ? (
        <textarea
          id={fieldId(field.name)}
          name={field.name}
          defaultValue={field.value}
          rows={rows ?? 4}
          {...(required && { required: true })}
          {...(bare && { 'aria-label': `${label} ${en}` })}
          {...described(field)}
        />
      ) : (
        <ReadOnly field={field} />
      )}
    </Labelled>
  );
}

export function Select(props: InputProps & { options: readonly Option[] }) {
  const { field, label, en, bare, options } = props;
  const known = options.some((option) => option.value === field.value);
  const all = known ? options : [...options, { value: field.value, label: field.value }];
  return (
    <Labelled field={field} label={label} en={en} bare={bare}>
      {field.editable ? (
        <select id={fieldId(field.name)} name={field.name} defaultValue={field.value} {...(bare && { 'aria-label': `${label} ${en}` })} {...described(field)}>
          {all.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <ReadOnly field={field} text={all.find((option) => option.value === field.value)?.label} />
      )}
    </Labelled>
  );
}

/** Options from a list of labels (grades, courses), with an empty first choice. */
export function choices(values: readonly string[], empty = '—'): Option[] {
  return [{ value: '', label: empty }, ...values.map((value) => ({ value, label: value }))];
}

/** The hidden fields every editing form posts: the session's CSRF token and the form's own. */
export function Hidden({ csrf, fields }: { csrf?: string | undefined; fields: Record<string, string> }) {
  return (
    <>
      {csrf && <input type="hidden" name="_csrf" value={csrf} />}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function SaveButton({ children }: { children?: ReactNode }) {
  return (
    <p>
      <button type="submit">{children ?? <>保存 <En>Save</En></>}</button>
    </p>
  );
}

/** At the top of the form: problems that stand beside no input, and links to those that do. */
export function FormProblems({ problems, placed = [], children }: { problems: readonly Problem[]; placed?: readonly Problem[]; children?: ReactNode }) {
  if (problems.length === 0 && placed.length === 0) return children === undefined ? null : <NotSaved>{children}</NotSaved>;
  return (
    <NotSaved>
      {children}
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.path && <code>{problem.path}</code>} {problem.message}
          </li>
        ))}
        {placed.map((problem, i) => (
          <li key={`placed-${i}`}>
            <a href={`#${fieldId(problem.path)}`}>{problem.path}</a>: {problem.message}
          </li>
        ))}
      </ul>
    </NotSaved>
  );
}

function NotSaved({ children }: { children: ReactNode }) {
  return (
    <div className="form-problems" role="alert">
      <p className="form-error">
        保存できませんでした <En>Not saved</En>
      </p>
      {children}
    </div>
  );
}

/** The body of a posted form: each field's text (a repeated field keeps its first value); the form's own `_…` fields left out. */
export function postedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name.startsWith('_')) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[name] = first;
  }
  return values;
}
