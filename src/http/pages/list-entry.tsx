// /tasks/entry (workflow.md, "Editing"): the division's list entry — one table with every input
// of its projects for a fiscal year, one form, one POST, saved at once. It works without
// JavaScript; /assets/list-entry.js adds moving from cell to cell by keyboard and pasting a
// block copied from Excel. On a problem the same table comes back with what was typed, each
// problem beside its cell and listed at the top; on a conflict, the values stored meanwhile.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Fragment } from 'react';
import { contextOf } from '../context.js';
import { listEntry, saveEntry, type EntryQuery } from '../../services/list-entry.js';
import { allCells, entryTable, entryYears, originalField, versionField, type EntryTable } from '../../services/views/list-entry.js';
import type { FormBody } from '../../services/views/list-entry-form.js';
import { cellId, EntryGrid, KIND_LABELS, shownValue, unitLabel, year } from './list-entry-grid.js';
import { organizationName } from './error-page.js';
import { Layout } from './layout.js';
import { orgOf, queryHref } from './page-query.js';
import { sendPage } from './render.js';

export const ENTRY_PATH = '/tasks/entry';

interface Summary {
  kind: 'invalid' | 'conflict';
  message: string;
  /** Problems by field name, each linked to its cell when the table has one. */
  problems: { path: string; message: string }[];
}

interface PageProps {
  organization: string;
  org: string | undefined;
  query: EntryQuery;
  years: number[];
  bureaus: string[];
  divisions: string[];
  needsFilter: boolean;
  table: EntryTable;
  csrf: string | undefined;
  saved?: number | undefined;
  /** Values confirmed by the save (carried courses, 変更なし). */
  confirmed?: number | undefined;
  summary?: Summary | undefined;
}

function EntryPage(props: PageProps) {
  const { table } = props;
  const keep = props.org === undefined ? {} : { org: props.org };
  return (
    <Layout title="一覧入力" titleEn="List entry" organization={props.organization} path={ENTRY_PATH} org={props.org} scripts={['/assets/list-entry.js']}>
      <Filters {...props} />
      {props.saved !== undefined && (
        <p className="form-saved" role="status">
          {props.saved > 0 ? `${props.saved} 件の事業を保存しました` : props.confirmed ? '' : '変更はありませんでした'}
          {props.confirmed ? `${props.confirmed} 件を確認済みにしました` : ''}{' '}
          <span lang="en">
            {props.saved > 0 ? `Saved ${props.saved} project(s)` : props.confirmed ? '' : 'Nothing changed'}
            {props.confirmed ? ` Confirmed ${props.confirmed} value(s)` : ''}
          </span>
        </p>
      )}
      {props.summary && <ErrorSummary summary={props.summary} table={table} />}
      {props.needsFilter ? (
        <p>
          局または課を選んでください。 <span lang="en">Choose a bureau or a division.</span>
        </p>
      ) : table.projects.length === 0 ? (
        <p>
          入力する事業はありません。 <span lang="en">No projects to enter.</span>
        </p>
      ) : (
        <form method="post" action={queryHref(ENTRY_PATH, { ...keep, bureau: props.query.bureau, division: props.query.division })} className="list-entry" noValidate>
          {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
          <input type="hidden" name="fiscalYear" value={table.fiscalYear} />
          {table.projects.map((project) => (
            <Fragment key={project.key}>
              <input type="hidden" name={versionField(project.key)} value={project.version} />
              <input type="hidden" name={originalField(project.key)} value={JSON.stringify(Object.fromEntries(allCells(project).map((cell) => [cell.name, cell.original])))} />
            </Fragment>
          ))}
          <p className="entry-help">
            矢印キー・Enter でセルを移動、Excel から列やブロックを貼り付けられます。{' '}
            <span lang="en">Arrow keys and Enter move between cells; a column or block copied from Excel can be pasted.</span>
          </p>
          <div className="table-scroll" role="region" aria-label="一覧入力 / List entry" tabIndex={0}>
            <EntryGrid table={table} />
          </div>
          <button type="submit">
            まとめて保存 <span lang="en">Save all</span>
          </button>
        </form>
      )}
    </Layout>
  );
}

function Filters(props: PageProps) {
  const current = props.table.fiscalYear;
  return (
    <form className="filters" method="get" action={ENTRY_PATH}>
      {props.org !== undefined && <input type="hidden" name="org" value={props.org} />}
      {/* Before a bureau or division is chosen, the years of its projects are not known: the list opens on its latest. */}
      {!props.needsFilter && (
        <Choice name="fiscalYear" label={['年度', 'Fiscal year']} value={String(current)} options={props.years.map((y) => ({ value: String(y), label: `${year(y)} (${y})` }))} />
      )}
      {props.bureaus.length > 0 && (
        <Choice name="bureau" label={['局', 'Bureau']} value={props.query.bureau ?? ''} options={[{ value: '', label: '—' }, ...props.bureaus.map((b) => ({ value: b, label: b }))]} />
      )}
      {props.divisions.length > 0 && (
        <Choice name="division" label={['課', 'Division']} value={props.query.division ?? ''} options={[{ value: '', label: '—' }, ...props.divisions.map((d) => ({ value: d, label: d }))]} />
      )}
      <button type="submit">
        表示 <span lang="en">Show</span>
      </button>
    </form>
  );
}

function Choice(props: { name: string; label: readonly [string, string]; value: string; options: { value: string; label: string }[] }) {
  return (
    <label>
      <span>
        {props.label[0]} <span lang="en" className="en">{props.label[1]}</span>
      </span>
      <select name={props.name} defaultValue={props.value}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function cellPlaces(table: EntryTable): Map<string, string> {
  const places = new Map<string, string>();
  for (const project of table.projects) {
    for (const line of project.indicators) {
      places.set(line.actual.name, `${project.name}：${line.name} ${KIND_LABELS.actual}`);
      places.set(line.provisional.name, `${project.name}：${line.name} ${KIND_LABELS.provisional}`);
    }
    for (const unit of project.units) {
      for (const cell of [unit.grade, unit.gradeReason, unit.course, unit.improvement]) places.set(cell.name, `${project.name}${unitLabel(unit, '：')}${KIND_LABELS[cell.kind]}`);
    }
    for (const cell of project.budgets) places.set(cell.name, `${project.name}：${KIND_LABELS.budget} ${year(cell.fiscalYear)}`);
  }
  return places;
}

function ErrorSummary({ summary, table }: { summary: Summary; table: EntryTable }) {
  const places = cellPlaces(table);
  const cells = new Map(table.projects.flatMap((project) => allCells(project)).map((cell) => [cell.name, cell]));
  return (
    <div className="error-summary" role="alert" aria-labelledby="entry-errors-title" tabIndex={-1} id="entry-errors">
      <h2 id="entry-errors-title">
        {summary.kind === 'conflict' ? '他の人が先に保存しました' : '入力を確認してください'}{' '}
        <span lang="en" className="en">
          {summary.kind === 'conflict' ? 'Changed meanwhile' : 'Check your input'}
        </span>
      </h2>
      <p>{summary.message}</p>
      {summary.kind === 'conflict' && (
        <p>
          変更した値は残っています。変更していないセルは保存済みの値になりました。両方が変更したセルは保存済みの値と見比べてください。もう一度保存すると両方の変更を保存します。{' '}
          <span lang="en">
            What you changed is kept; the cells you did not change now show the stored values. Compare the cells you both changed with the stored value; saving again keeps both people’s changes.
          </span>
        </p>
      )}
      <ul>
        {summary.problems.map((problem, i) => {
          const place = places.get(problem.path);
          const cell = cells.get(problem.path);
          const detail =
            summary.kind === 'conflict' && cell
              ? `入力 yours: ${shownValue(cell.value)} ／ 保存済み stored: ${shownValue(cell.stored ?? cell.value)}`
              : problem.message;
          return (
            <li key={`${problem.path}-${i}`}>
              {place ? <a href={`#${cellId(problem.path)}`}>{place}</a> : <code>{problem.path}</code>}: {detail}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function entryQuery(query: unknown): EntryQuery {
  const raw = (query ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const fiscalYear = Number(text(raw.fiscalYear));
  return {
    fiscalYear: Number.isInteger(fiscalYear) && fiscalYear >= 1900 && fiscalYear <= 2200 ? fiscalYear : undefined,
    bureau: text(raw.bureau),
    division: text(raw.division),
  };
}

export function registerListEntry(app: FastifyInstance): void {
  const signInFirst = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(`/login?${new URLSearchParams({ next: request.url }).toString()}`, 303);

  const show = async (request: FastifyRequest, reply: FastifyReply, query: EntryQuery, saved?: number, confirmed?: number) => {
    const entry = await listEntry(contextOf(request), query);
    const table = entryTable(entry.sources, entry.settings, entry.fiscalYear, { ...(entry.cycle && { cycle: entry.cycle }), reviewer: entry.reviewer });
    return sendPage(reply, <EntryPage {...(await pageBase(request, query, entry))} table={table} saved={saved} confirmed={confirmed} />);
  };

  const pageBase = async (request: FastifyRequest, query: EntryQuery, entry: Awaited<ReturnType<typeof listEntry>>) => ({
    organization: await organizationName(request),
    org: orgOf(request.query),
    query,
    years: entry.years,
    bureaus: entry.bureaus,
    divisions: entry.divisions,
    needsFilter: entry.needsFilter,
    csrf: request.csrf,
  });

  app.get(ENTRY_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (request.actor.kind === 'anonymous') return signInFirst(request, reply);
    const raw = request.query as Record<string, unknown>;
    const count = (value: unknown) => (typeof value === 'string' ? Number(value) || 0 : undefined);
    return show(request, reply, entryQuery(request.query), count(raw.saved), count(raw.confirmed));
  });

  // Someone not signed in is refused by the service (401): what they typed cannot survive a detour to /login.
  app.post(ENTRY_PATH, { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const query = { ...entryQuery(request.query), fiscalYear: entryQuery({ fiscalYear: body.fiscalYear }).fiscalYear };
    if (query.fiscalYear === undefined) return show(request, reply, query);
    const outcome = await saveEntry(contextOf(request), body, query.fiscalYear);
    if (outcome.saved) {
      const org = orgOf(request.query);
      const confirmed = outcome.confirmed > 0 ? outcome.confirmed : undefined;
      return reply.redirect(queryHref(ENTRY_PATH, { org, fiscalYear: query.fiscalYear, bureau: query.bureau, division: query.division, saved: outcome.count, confirmed }), 303);
    }
    const entry = await listEntry(contextOf(request), query, { projects: false });
    const errors = new Map(outcome.problems.map((problem) => [problem.path, problem.message]));
    const table = entryTable(outcome.sources, outcome.settings, query.fiscalYear, {
      typed: outcome.typed,
      errors,
      stored: outcome.stored,
      original: outcome.original,
      ...(entry.cycle && { cycle: entry.cycle }),
      reviewer: entry.reviewer,
    });
    const summary: Summary = { kind: outcome.kind, message: outcome.message, problems: outcome.problems };
    const { years } = entryYears(outcome.sources.map((source) => source.project), query.fiscalYear);
    const page = { ...(await pageBase(request, query, entry)), years };
    return sendPage(reply, <EntryPage {...page} table={table} summary={summary} />, outcome.kind === 'conflict' ? 409 : 400);
  });
}
