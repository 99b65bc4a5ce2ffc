// Small pieces the dashboard, policy and project pages share: English beside Japanese, a
// grade written out (never a colour alone), row numbers, and the year chooser.
import type { ReactNode } from 'react';
import { formatFiscalYear } from '../../services/pages.js';
import { Filters, type FilterChoices, type FilterReading, type FiltersProps } from './filters.js';

export function En({ children }: { children: ReactNode }) {
  return (
    <span lang="en" className="en">
      {children}
    </span>
  );
}

/** `R3年度 (2021)` */
export function yearLabel(fiscalYear: number): string {
  return formatFiscalYear(fiscalYear, { letter: true, western: true });
}

/** A grade as text; the class only adds a border style, the word carries the meaning. */
export function GradeText({ grade }: { grade: string | null | undefined }) {
  if (grade === undefined || grade === null) return <span className="grade grade-none">—</span>;
  return <span className="grade">{grade}</span>;
}

/** The final grade beside the suggested one, with the reason where they differ. */
export function GradeWithSuggestion({ grade, suggested }: { grade?: string | undefined; suggested: string | null }) {
  const differs = suggested !== null && grade !== undefined && grade !== suggested;
  return (
    <>
      <GradeText grade={grade} />
      <span className="suggested">
        {' '}
        （提案 <En>suggested</En>: {suggested ?? '—'}
        {differs ? ' ≠' : ''}）
      </span>
    </>
  );
}

/** `No. 5, 9, 29` */
export function nosText(nos: readonly number[]): string {
  return nos.length === 0 ? '—' : `No. ${nos.join(', ')}`;
}

/** Text whose line breaks are paragraphs (improvement and summary texts). */
export function Paragraphs({ text }: { text: string | undefined }) {
  if (text === undefined || text.trim() === '') return <p>—</p>;
  return (
    <>
      {text.split('\n').map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}

export interface YearFormProps {
  action: string;
  choices: FilterChoices;
  reading: FilterReading;
  org?: string | undefined;
  /** Default: the fiscal year alone. */
  fields?: FiltersProps['fields'];
}

/** The fiscal-year chooser (a plain GET form), keeping ?org=. */
export function YearForm({ action, choices, reading, org, fields = ['fiscalYear'] }: YearFormProps) {
  return (
    <Filters action={action} choices={choices} reading={reading} fields={fields}>
      {org !== undefined && <input type="hidden" name="org" value={org} />}
    </Filters>
  );
}
