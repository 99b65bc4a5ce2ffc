// The parts of /changes: the year form, the counts, and one table per project listing each
// compared value of the two years side by side with its change in words.
import type { ReactNode } from 'react';
import { DASH, formatAmount, formatFiscalYear } from '../../services/pages.js';
import { projectHref } from './page-query.js';
import { SelectField } from './filters.js';
import { PRESENCE_LABELS, changeLabel, type ChangesView, type Compared, type ProjectChange } from '../../services/views/changes.js';

export interface YearQuery {
  from: number;
  to: number;
  changedOnly: boolean;
  errors: { from?: string; to?: string };
}

function En({ children }: { children: ReactNode }) {
  return (
    <span lang="en" className="en">
      {children}
    </span>
  );
}

export function ChangesForm({ years, query, org }: { years: number[]; query: YearQuery; org: string | undefined }) {
  const choices = [...new Set([...years, query.from, query.to])].sort((a, b) => a - b);
  const field = (name: 'from' | 'to', ja: string, en: string) => (
    <SelectField
      id={`changes-${name}`}
      name={name}
      label={[ja, en]}
      value={String(query[name])}
      options={choices.map((year) => ({ value: String(year), label: formatFiscalYear(year, { western: true }) }))}
      error={query.errors[name]}
    />
  );
  return (
    <form className="filters" method="get" action="/changes" aria-label="比較する年度 / Years to compare">
      {org !== undefined && <input type="hidden" name="org" value={org} />}
      {field('from', '比較元の年度', 'From')}
      {field('to', '比較先の年度', 'To')}
      <label htmlFor="changes-changed" className="checkbox">
        <span>
          変更のある事業のみ <En>Changed projects only</En>
        </span>
        <input type="checkbox" id="changes-changed" name="changed" value="1" defaultChecked={query.changedOnly} />
      </label>
      <button type="submit">
        比較する <span lang="en">Compare</span>
      </button>
    </form>
  );
}

export function ChangeCountList({ view, fromLabel, toLabel }: { view: ChangesView; fromLabel: string; toLabel: string }) {
  const c = view.counts;
  const items: [string, string, number][] = [
    ['追加された事業', 'Projects added', c.projectsAdded],
    ['削除された事業', 'Projects removed', c.projectsRemoved],
    ['変更のある事業', 'Projects changed', c.projectsChanged],
    ['追加された行', 'Rows added', c.rowsAdded],
    ['削除された行', 'Rows removed', c.rowsRemoved],
    ['予算額が変わった事業', 'Budgets changed', c.budgetsChanged],
    ['目標が変わった指標', 'Targets changed', c.targetsChanged],
    ['中期目標が変わった指標', 'Mid-term targets changed', c.midTermsChanged],
    ['事業評価が変わった行', 'Grades changed', c.gradesChanged],
    ['成果の方向性が変わった行', 'Courses changed', c.coursesChanged],
    ['強化・見直した内容が変わった行', 'Improvement texts changed', c.improvementsChanged],
  ];
  return (
    <section aria-labelledby="changes-summary">
      <h2 id="changes-summary">
        {fromLabel} → {toLabel} の変更の数 <En>Number of changes</En>
      </h2>
      <p className="note">
        両年度に値があって異なるものを数えます。片方の年度にしかない値（評価前の年度など）は各事業の表に示します。
        <En>Counted: values both years have that differ; a value one year lacks is shown in the tables below.</En>
      </p>
      <table>
        <caption className="visually-hidden">変更の数 / Number of changes</caption>
        <tbody>
          {items.map(([ja, en, count]) => (
            <tr key={en}>
              <th scope="row">
                {ja} <En>{en}</En>
              </th>
              <td className="number">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ProjectChangeTable({ project, fromLabel, toLabel, org }: { project: ProjectChange; fromLabel: string; toLabel: string; org: string | undefined }) {
  const { budget } = project;
  const budgetCompared: Compared = {
    from: budget.from === null ? null : formatAmount(budget.from),
    to: budget.to === null ? null : formatAmount(budget.to),
    changed: budget.changed,
  };
  const difference = budget.difference === null ? null : `${budget.difference > 0 ? '+' : ''}${formatAmount(budget.difference)}${budget.change ? `（${budget.change}）` : ''}`;
  return (
    <section aria-labelledby={`project-${project.key}`} className="project-change">
      <h3 id={`project-${project.key}`}>
        <a href={projectHref(project.key, { org })}>{project.name}</a>{' '}
        <span className="presence">
          （{project.division}・{PRESENCE_LABELS[project.presence]}{project.changed ? '・変更あり' : '・変更なし'}）
        </span>
      </h3>
      <div className="table-scroll" role="region" aria-labelledby={`project-${project.key}`} tabIndex={0}>
        <table className="changes-table">
          <caption className="visually-hidden">
            {project.name}の{fromLabel}と{toLabel}の比較 / {project.name}, FY comparison
          </caption>
          <thead>
            <tr>
              <th scope="col">項目 <En>Item</En></th>
              <th scope="col">{fromLabel}</th>
              <th scope="col">{toLabel}</th>
              <th scope="col">変更 <En>Change</En></th>
            </tr>
          </thead>
          <tbody>
            <CompareLine label="予算額(千円)" en="Budget" value={budgetCompared} note={difference} numeric />
            {project.indicators.map((indicator) => (
              <IndicatorLines key={indicator.key} indicator={indicator} />
            ))}
            {project.rows.map((row) => (
              <RowLines key={`${row.policy}-${row.no}`} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function IndicatorLines({ indicator }: { indicator: ProjectChange['indicators'][number] }) {
  return (
    <>
      <CompareLine label={`目標: ${indicator.name}`} en="Target" value={indicator.target} />
      <CompareLine label={`中期目標: ${indicator.name}`} en="Mid-term target" value={indicator.midTerm} />
      {indicator.revisions.map((revision, index) => (
        <tr key={index}>
          <th scope="row">
            ※中期目標改訂 <En>Mid-term revised</En>
            {revision.fiscalYear === undefined ? '（年度の記載なし）' : `（${formatFiscalYear(revision.fiscalYear, { letter: true })}）`}
          </th>
          <td>{revision.previous ?? DASH}</td>
          <td colSpan={2} className="text">【中期目標の変更内容】{revision.reason}</td>
        </tr>
      ))}
    </>
  );
}

function RowLines({ row }: { row: ProjectChange['rows'][number] }) {
  const head = `No. ${row.no}（${row.policy}）`;
  return (
    <>
      {row.presence !== 'kept' && (
        <tr>
          <th scope="row">{head}</th>
          <td colSpan={3}>{row.presence === 'added' ? '行が追加されました / row added' : '行が削除されました / row removed'}</td>
        </tr>
      )}
      <CompareLine label={`${head} 事業評価`} en="Grade" value={row.grade} />
      <CompareLine label={`${head} 成果の方向性`} en="Course" value={row.course} />
      <CompareLine label={`${head} 強化・見直した内容`} en="Improvement" value={row.improvement} text />
    </>
  );
}

function CompareLine({ label, en, value, note, numeric, text }: { label: string; en: string; value: Compared; note?: string | null; numeric?: boolean; text?: boolean }) {
  const className = numeric ? 'number' : text ? 'text' : undefined;
  return (
    <tr className={value.changed ? 'changed' : undefined}>
      <th scope="row">
        {label} <En>{en}</En>
      </th>
      <td className={className}>{value.from ?? DASH}</td>
      <td className={className}>{value.to ?? DASH}</td>
      <td>
        {value.changed ? <strong>{changeLabel(value)}</strong> : changeLabel(value)}
        {note ? ` ${note}` : ''}
      </td>
    </tr>
  );
}
