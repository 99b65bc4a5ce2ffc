// The filter form shared by the sheet, the search and the dashboard: fiscal year, bureau,
// division, policy, grade and SDG goal, as a plain GET form (works without JavaScript; the
// URL is the state, so a filtered view can be shared). A bad value is reported at its field.
import type { ReactNode } from 'react';
import { formatFiscalYear, resolveProfile, rowSdgs } from '../../services/pages.js';
import type { HyokaDocument, SheetFilter } from '../../services/pages.js';

/** Shared between requests (cached per document): read only. */
export interface FilterChoices {
  readonly fiscalYears: readonly number[];
  readonly bureaus: readonly string[];
  readonly divisions: readonly string[];
  readonly policies: readonly { code: string; title: string }[];
  readonly grades: readonly string[];
  readonly sdgs: readonly number[];
}

// The computed document is cached per revision (services/computed.ts), so its choices are
// worked out once per revision, not per request; a new revision is a new object.
const choicesOf = new WeakMap<HyokaDocument, FilterChoices>();

/** The values each filter offers: those the document holds, newest year first. */
export function filterChoices(doc: HyokaDocument): FilterChoices {
  let choices = choicesOf.get(doc);
  if (choices === undefined) {
    choices = collectChoices(doc);
    choicesOf.set(doc, choices);
  }
  return choices;
}

function collectChoices(doc: HyokaDocument): FilterChoices {
  const years = new Set<number>();
  const bureaus = new Set<string>();
  const divisions = new Set<string>();
  const sdgs = new Set<number>();
  for (const project of doc.projects) {
    if (project.bureau) bureaus.add(project.bureau);
    divisions.add(project.division);
    for (const placement of project.placements) {
      for (const goal of rowSdgs(project, placement)) sdgs.add(goal);
      for (const evaluation of placement.evaluations ?? []) years.add(evaluation.fiscalYear);
    }
    for (const evaluation of project.evaluations ?? []) years.add(evaluation.fiscalYear);
    for (const indicator of project.indicators ?? []) for (const period of indicator.periods ?? []) years.add(period.fiscalYear);
  }
  for (const evaluation of doc.policyEvaluations ?? []) if (evaluation.bureau) bureaus.add(evaluation.bureau);
  const ja = (a: string, b: string) => a.localeCompare(b, 'ja');
  return {
    fiscalYears: [...years].sort((a, b) => b - a),
    bureaus: [...bureaus].sort(ja),
    divisions: [...divisions].sort(ja),
    policies: doc.policies.map(({ code, title }) => ({ code, title })),
    grades: resolveProfile(doc.settings).grades,
    sdgs: [...sdgs].sort((a, b) => a - b),
  };
}

export interface FilterValues extends SheetFilter {
  fiscalYear?: number;
}

export interface FilterReading {
  values: FilterValues;
  /** Field name → message (Japanese / English), for fields whose value could not be used. */
  errors: Record<string, string>;
}

type Query = Record<string, unknown>;

function text(query: Query, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the filter fields of a query string; never throws, reports each bad field. */
export function readFilters(query: unknown): FilterReading {
  const q = (query ?? {}) as Query;
  const values: FilterValues = {};
  const errors: Record<string, string> = {};
  const year = text(q, 'fiscalYear');
  if (year !== undefined) {
    if (/^\d{4}$/.test(year)) values.fiscalYear = Number(year);
    else errors.fiscalYear = `年度は西暦4桁で指定してください (例: 2021) / Give the fiscal year as four digits, e.g. 2021`;
  }
  const sdg = text(q, 'sdg');
  if (sdg !== undefined) {
    const goal = Number(sdg);
    if (Number.isInteger(goal) && goal >= 1 && goal <= 17) values.sdg = goal;
    else errors.sdg = `SDGsゴールは1〜17の番号です / An SDG goal is a number from 1 to 17`;
  }
  for (const name of ['bureau', 'division', 'policy', 'grade'] as const) {
    const value = text(q, name);
    if (value !== undefined) values[name] = value;
  }
  return { values, errors };
}

export interface FiltersProps {
  action: string;
  choices: FilterChoices;
  reading: FilterReading;
  /** Which fields to show, in this order. */
  fields: readonly ('fiscalYear' | 'bureau' | 'division' | 'policy' | 'grade' | 'sdg')[];
  /** Extra fields placed first (the search box). */
  children?: ReactNode;
}

const LABELS = {
  fiscalYear: ['年度', 'Fiscal year'],
  bureau: ['局', 'Bureau'],
  division: ['所管課', 'Division'],
  policy: ['施策', 'Policy'],
  grade: ['事業評価', 'Grade'],
  sdg: ['SDGsゴール', 'SDG goal'],
} as const;

export function Filters({ action, choices, reading, fields, children }: FiltersProps) {
  const options = (field: FiltersProps['fields'][number]): { value: string; label: string }[] => {
    switch (field) {
      case 'fiscalYear':
        return choices.fiscalYears.map((year) => ({ value: String(year), label: formatFiscalYear(year, { western: true }) }));
      case 'bureau':
        return choices.bureaus.map((value) => ({ value, label: value }));
      case 'division':
        return choices.divisions.map((value) => ({ value, label: value }));
      case 'policy':
        return choices.policies.map((policy) => ({ value: policy.code, label: `${policy.code} ${policy.title}` }));
      case 'grade':
        return choices.grades.map((value) => ({ value, label: value }));
      case 'sdg':
        return choices.sdgs.map((goal) => ({ value: String(goal), label: `ゴール${goal}` }));
    }
  };
  return (
    <form className="filters" method="get" action={action} role="search" aria-label="絞り込み / Filters">
      {children}
      {fields.map((field) => {
        const current = reading.values[field];
        return (
          <SelectField
            key={field}
            id={`filter-${field}`}
            name={field}
            label={LABELS[field]}
            value={current === undefined ? '' : String(current)}
            options={[{ value: '', label: field === 'fiscalYear' ? '最新 / latest' : 'すべて / all' }, ...options(field)]}
            error={reading.errors[field]}
          />
        );
      })}
      <button type="submit">絞り込む <span lang="en">Apply</span></button>
    </form>
  );
}

export interface SelectFieldProps {
  id: string;
  name: string;
  /** Japanese, English */
  label: readonly [string, string];
  value: string;
  options: readonly { value: string; label: string }[];
  /** Shown under the field and tied to it (aria-describedby), with aria-invalid. */
  error?: string | undefined;
}

/** A labelled drop-down of a GET form, its error tied to it. */
export function SelectField({ id, name, label, value, options, error }: SelectFieldProps) {
  return (
    <label htmlFor={id}>
      <span>
        {label[0]} <span lang="en" className="en">{label[1]}</span>
      </span>
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </label>
  );
}
