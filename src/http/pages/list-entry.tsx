// /tasks/entry (workflow.md, "Editing"): the division's list entry — one table with every input
// of its projects for a fiscal year, one form, one POST, saved at once. It works without
// JavaScript; /assets/list-entry.js adds moving from cell to cell by keyboard and pasting a
// block copied from Excel. On a problem the same table comes back with what was typed, each
// problem beside its cell and listed at the top; on a conflict, the values stored meanwhile.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../context.js';
import { listEntry, saveEntry, type EntryQuery } from '../../services/list-entry.js';
import { allCells, entryTable, versionField, CELL_COLUMNS, type EntryCell, type EntryProject, type EntryTable, type EvaluationUnit, type IndicatorLine } from '../../services/views/list-entry.js';
import type { FormBody } from '../../services/views/list-entry-form.js';
import { formatFiscalYear } from '../../services/pages.js';
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
  summary?: Summary | undefined;
}

/** An element id for a field name (a path may hold any character; an id list may not hold spaces). */
export function cellId(name: string): string {
  return `cell-${[...name].map((ch) => (/[A-Za-z0-9_-]/.test(ch) ? ch : `.${ch.codePointAt(0)!.toString(36)}`)).join('')}`;
}

const year = (fiscalYear: number) => formatFiscalYear(fiscalYear, { letter: true });

function EntryPage(props: PageProps) {
  const { table } = props;
  const keep = props.org === undefined ? {} : { org: props.org };
  return (
    <Layout title="一覧入力" titleEn="List entry" organization={props.organization} path={ENTRY_PATH} org={props.org} scripts={['/assets/list-entry.js']}>
      <Filters {...props} />
      {props.saved !== undefined && (
        <p className="form-saved" role="status">
          {props.saved > 0 ? `${props.saved} 件の事業を保存しました` : '変更はありませんでした'}{' '}
          <span lang="en">{props.saved > 0 ? `Saved ${props.saved} project(s)` : 'Nothing changed'}</span>
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
            <input key={project.key} type="hidden" name={versionField(project.key)} value={project.version} />
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
      <Choice name="fiscalYear" label={['年度', 'Fiscal year']} value={String(current)} options={props.years.map((y) => ({ value: String(y), label: `${year(y)} (${y})` }))} />
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

const KIND_LABELS: Record<EntryCell['kind'], string> = {
  actual: '実績',
  provisional: '速報値',
  grade: '事業評価',
  gradeReason: '評価の理由',
  course: '成果の方向性',
  improvement: '強化・見直した内容',
  budget: '予算額',
};

/** Where each cell is, for the summary's links and the conflict's list: project name and what the cell holds. */
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
          入力した値は残っています。保存済みの値と見比べ、もう一度保存すると入力した値で上書きします。{' '}
          <span lang="en">What you typed is kept. Compare it with the stored value; saving again keeps what you typed.</span>
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

const shownValue = (value: string) => (value === '' ? '（空 empty）' : value === 'true' ? '✓' : value);

function EntryGrid({ table }: { table: EntryTable }) {
  let line = 0;
  return (
    <table className="entry-table">
      <caption>
        {year(table.fiscalYear)}の実績と評価 <span lang="en" className="en">Actuals and evaluation of FY{table.fiscalYear}</span>
      </caption>
      <thead>
        <tr>
          <Head ja="事業" en="Project" />
          <Head ja="成果指標" en="Indicator" />
          <Head ja={`目標 ${year(table.fiscalYear)}`} en="Target" />
          <Head ja={`実績 ${year(table.fiscalYear)}`} en="Actual" />
          <Head ja="速報値" en="Provisional" />
          <Head ja="達成率" en="Rate" />
          <Head ja="提案" en="Suggested" />
          <Head ja="事業評価" en="Grade" />
          <Head ja="評価の理由（提案と異なるとき）" en="Reason (when it differs)" />
          <Head ja="前年度の方向性・内容" en="Last year" />
          <Head ja="成果の方向性" en="Course" />
          <Head ja="強化・見直した内容" en="Improvement" />
          {table.budgetYears.map((budgetYear) => (
            <Head key={budgetYear} ja={`予算額 ${year(budgetYear)}（千円）`} en="Budget (¥1,000)" />
          ))}
        </tr>
      </thead>
      {table.projects.map((project) => {
        const first = line;
        line += project.lines;
        return <ProjectRows key={project.key} project={project} table={table} firstLine={first} />;
      })}
    </table>
  );
}

function Head({ ja, en }: { ja: string; en: string }) {
  return (
    <th scope="col">
      {ja} <span lang="en" className="en">{en}</span>
    </th>
  );
}

function ProjectRows({ project, table, firstLine }: { project: EntryProject; table: EntryTable; firstLine: number }) {
  const rows = [];
  for (let i = 0; i < project.lines; i++) {
    const line = project.indicators[i];
    const unit = project.units[i];
    const unitSpan = i === project.units.length - 1 ? project.lines - i : 1;
    rows.push(
      <tr key={i}>
        {i === 0 && (
          <th scope="rowgroup" rowSpan={project.lines}>
            {project.name}
            <span className="entry-key">{project.key}</span>
          </th>
        )}
        {line ? (
          <IndicatorCells project={project} line={line} row={firstLine + i} />
        ) : (
          i === project.indicators.length && <td colSpan={5} rowSpan={project.lines - i} />
        )}
        {unit && <UnitCells project={project} unit={unit} table={table} row={firstLine + i} span={unitSpan} />}
        {i === 0 &&
          project.budgets.map((cell, j) => (
            <td key={cell.name} rowSpan={project.lines} className="number">
              <Input cell={cell} label={`${project.name} ${KIND_LABELS.budget} ${year(cell.fiscalYear)}`} row={firstLine} column={CELL_COLUMNS.length - 1 + j} numeric />
            </td>
          ))}
      </tr>,
    );
  }
  return <tbody>{rows}</tbody>;
}

function IndicatorCells({ project, line, row }: { project: EntryProject; line: IndicatorLine; row: number }) {
  const label = `${project.name} ${line.name}`;
  return (
    <>
      <th scope="row">
        {line.name}
        {line.unit && <span className="entry-unit">（{line.unit}）</span>}
      </th>
      <td className="number">{line.target}</td>
      <td className="number">
        <Input cell={line.actual} label={`${label} ${KIND_LABELS.actual}`} row={row} numeric={!line.textual} />
      </td>
      <td>
        <Input cell={line.provisional} label={`${label} ${KIND_LABELS.provisional}`} row={row} />
      </td>
      <td className="number">{line.rate}</td>
    </>
  );
}

function unitLabel(unit: EvaluationUnit, separator: string): string {
  return unit.nos.length > 0 ? `${separator}No. ${unit.nos.join(', ')} ` : separator;
}

function UnitCells({ project, unit, table, row, span }: { project: EntryProject; unit: EvaluationUnit; table: EntryTable; row: number; span: number }) {
  const label = `${project.name}${unitLabel(unit, ' ')}`;
  const differs = unit.suggestedGrade !== null && unit.grade.value !== '' && unit.grade.value !== unit.suggestedGrade;
  return (
    <>
      <td rowSpan={span} data-suggested={unit.suggestedGrade ?? ''}>
        {unit.nos.length > 0 && <span className="entry-unit">No. {unit.nos.join(', ')} </span>}
        {unit.suggestedGrade ?? '—'}
      </td>
      <td rowSpan={span}>
        <Select cell={unit.grade} label={`${label}${KIND_LABELS.grade}`} row={row} options={table.grades} suggested={unit.suggestedGrade ?? ''} />
      </td>
      <td rowSpan={span}>
        <Input cell={unit.gradeReason} label={`${label}${KIND_LABELS.gradeReason}`} row={row} />
        {/* The script shows it again whenever the grade chosen leaves the suggestion without a reason. */}
        <p className="entry-hint" id={`${cellId(unit.grade.name)}-hint`} hidden={!(differs && unit.gradeReason.value.trim() === '')}>
          提案と異なるため理由が必要です <span lang="en">A grade other than the suggestion needs a reason</span>
        </p>
      </td>
      <td rowSpan={span} className="entry-last">
        {unit.lastCourse ?? '—'}
        {unit.lastImprovement && <p>{unit.lastImprovement}</p>}
      </td>
      <td rowSpan={span}>
        <Select cell={unit.course} label={`${label}${KIND_LABELS.course}`} row={row} options={table.courses} />
      </td>
      <td rowSpan={span}>
        <Input cell={unit.improvement} label={`${label}${KIND_LABELS.improvement}`} row={row} multiline />
      </td>
    </>
  );
}

interface FieldProps {
  cell: EntryCell;
  label: string;
  row: number;
  column?: number;
}

/** The attributes every cell's control shares: its name, id, label, where it sits, and its problem. */
function fieldAttributes({ cell, row, column }: FieldProps) {
  const id = cellId(cell.name);
  const described = [cell.error && `${id}-error`, cell.stored !== undefined && `${id}-stored`].filter(Boolean).join(' ');
  return {
    id,
    name: cell.name,
    'data-row': row,
    'data-col': column ?? CELL_COLUMNS.indexOf(cell.kind),
    'aria-invalid': cell.error ? true : undefined,
    'aria-describedby': described || undefined,
  } as const;
}

function CellNotes({ cell }: { cell: EntryCell }) {
  const id = cellId(cell.name);
  return (
    <>
      {cell.error && (
        <span className="field-error" id={`${id}-error`}>
          {cell.error}
        </span>
      )}
      {cell.stored !== undefined && (
        <span className="entry-stored" id={`${id}-stored`}>
          保存済み <span lang="en">stored</span>: {shownValue(cell.stored)}
        </span>
      )}
    </>
  );
}

function Input(props: FieldProps & { numeric?: boolean; multiline?: boolean }) {
  const { cell, label } = props;
  const attributes = fieldAttributes(props);
  const control =
    cell.kind === 'provisional' ? (
      <input type="checkbox" value="true" defaultChecked={cell.value === 'true'} {...attributes} />
    ) : props.multiline ? (
      <textarea rows={2} defaultValue={cell.value} {...attributes} />
    ) : (
      <input type="text" defaultValue={cell.value} inputMode={props.numeric ? 'decimal' : undefined} size={props.numeric ? 10 : 16} {...attributes} />
    );
  return (
    <>
      <label htmlFor={attributes.id} className="visually-hidden">
        {label}
      </label>
      {control}
      <CellNotes cell={cell} />
    </>
  );
}

function Select(props: FieldProps & { options: readonly string[]; suggested?: string }) {
  const { cell, label, options, suggested } = props;
  const attributes = fieldAttributes(props);
  // A stored value the settings no longer list stays choosable, so that saving does not change it.
  const all = cell.value !== '' && !options.includes(cell.value) ? [...options, cell.value] : options;
  return (
    <>
      <label htmlFor={attributes.id} className="visually-hidden">
        {label}
      </label>
      <select defaultValue={cell.value} {...attributes} data-suggested={suggested}>
        <option value="">—</option>
        {all.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <CellNotes cell={cell} />
    </>
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

  const show = async (request: FastifyRequest, reply: FastifyReply, query: EntryQuery, saved?: number) => {
    const entry = await listEntry(contextOf(request), query);
    const table = entryTable(entry.sources, entry.settings, entry.fiscalYear);
    return sendPage(reply, <EntryPage {...(await pageBase(request, query, entry))} table={table} saved={saved} />);
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
    return show(request, reply, entryQuery(request.query), typeof raw.saved === 'string' ? Number(raw.saved) || 0 : undefined);
  });

  // Someone not signed in is refused by the service (401): what they typed cannot survive a detour to /login.
  app.post(ENTRY_PATH, { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const query = { ...entryQuery(request.query), fiscalYear: entryQuery({ fiscalYear: body.fiscalYear }).fiscalYear };
    if (query.fiscalYear === undefined) return show(request, reply, query);
    const outcome = await saveEntry(contextOf(request), body, query.fiscalYear);
    if (outcome.saved) {
      const org = orgOf(request.query);
      return reply.redirect(queryHref(ENTRY_PATH, { org, fiscalYear: query.fiscalYear, bureau: query.bureau, division: query.division, saved: outcome.count }), 303);
    }
    const entry = await listEntry(contextOf(request), query, { projects: false });
    const errors = new Map(outcome.problems.map((problem) => [problem.path, problem.message]));
    const table = entryTable(outcome.sources, outcome.settings, query.fiscalYear, { typed: outcome.typed, errors, stored: outcome.stored });
    const summary: Summary = { kind: outcome.kind, message: outcome.message, problems: outcome.problems };
    return sendPage(reply, <EntryPage {...(await pageBase(request, query, entry))} table={table} summary={summary} />, outcome.kind === 'conflict' ? 409 : 400);
  });
}
