// The list entry's table (/tasks/entry): a real <table> with column and row headers, one line
// per project and indicator, each input labelled (visually hidden where the header says it),
// its problem and the value stored meanwhile tied to it, and data-col / data-row for the
// script that moves between cells. The page (list-entry.tsx) wraps it in its one form.
import { CELL_COLUMNS, type EntryCell, type EntryProject, type EntryTable, type EvaluationUnit, type IndicatorLine } from '../../services/views/list-entry.js';
import { formatFiscalYear } from '../../services/pages.js';
import { CourseMark, SameTextMark, TextDiffView } from './carry-marks.js';

/** An element id for a field name (a path may hold any character; an id list may not hold spaces). */
export function cellId(name: string): string {
  return `cell-${[...name].map((ch) => (/[A-Za-z0-9_-]/.test(ch) ? ch : `.${ch.codePointAt(0)!.toString(36)}`)).join('')}`;
}

export const year = (fiscalYear: number) => formatFiscalYear(fiscalYear, { letter: true });

export const KIND_LABELS: Record<EntryCell['kind'], string> = {
  actual: '実績',
  provisional: '速報値',
  grade: '事業評価',
  gradeReason: '評価の理由',
  course: '成果の方向性',
  improvement: '強化・見直した内容',
  budget: '予算額',
};

/** Where each cell is, for the summary's links and the conflict's list: project name and what the cell holds. */

export const shownValue = (value: string) => (value === '' ? '（空 empty）' : value === 'true' ? '✓' : value);

export function EntryGrid({ table }: { table: EntryTable }) {
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

export function unitLabel(unit: EvaluationUnit, separator: string): string {
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
        {unit.diff ? (
          <TextDiffView parts={unit.diff} label={`前年度との差分 / Difference from last year: ${label}${KIND_LABELS.improvement}`} />
        ) : (
          unit.lastImprovement && <p>{unit.lastImprovement}</p>
        )}
      </td>
      <td rowSpan={span}>
        <Select cell={unit.course} label={`${label}${KIND_LABELS.course}`} row={row} options={table.courses} />
        <CourseMark carried={unit.carried} confirmed={unit.confirmed.course} field={unit.confirm.course} label={`${label}${KIND_LABELS.course}`} />
      </td>
      <td rowSpan={span}>
        <Input cell={unit.improvement} label={`${label}${KIND_LABELS.improvement}`} row={row} multiline />
        <SameTextMark
          same={unit.sameAsLastYear}
          confirmed={unit.confirmed.improvement}
          field={unit.confirm.improvement}
          label={`${label}${KIND_LABELS.improvement}`}
          error={unit.improvement.error}
        />
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
