// The PDCA sheet as an HTML table, laid out as the paper: the seed's columns in its order,
// the 施策 cell spanning its policy group, every row's own cells spanning its indicator
// lines, and each indicator on three lines (目標 / 実績 / 達成率). One table per bureau; each
// policy group is one <tbody>, so print can keep a group on one page where it fits; the
// period cells name their headers (year, line, indicator, No.) because a screen reader
// cannot infer them through the row spans. Ids carry the table's prefix: a page holds
// several bureaus' tables.
import type { ReactNode } from 'react';
import { DASH, formatAmount, formatSdgs } from '../../services/pages.js';
import type { SheetIndicator } from '../../services/pages.js';
import { projectHref, type LinkOptions } from './page-query.js';
import { PERIOD_LINES, type BureauSheetView, type PolicyGroupView, type SheetLabels, type SheetRowView } from '../../services/views/sheet.js';

const INDICATOR_COLUMNS = 7;

function En({ children }: { children: ReactNode }) {
  return (
    <span lang="en" className="en">
      {children}
    </span>
  );
}

export interface SheetTableProps {
  section: BureauSheetView;
  labels: SheetLabels;
  caption: string;
  /** '' for the page's first table, so its ids stay short; unique per table. */
  idPrefix: string;
  /** What the project links keep (?org=, a chosen year). */
  links: LinkOptions;
}

export function SheetTable({ section, labels, caption, idPrefix, links }: SheetTableProps) {
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <div className="table-scroll sheet-scroll" role="region" aria-labelledby={id('sheet-caption')} tabIndex={0}>
      <table className="pdca-sheet">
        <caption id={id('sheet-caption')}>{caption}</caption>
        <colgroup>
          {['policy', 'no', 'sdgs', 'project', 'division', 'summary', 'indicator', 'line', 'baseline'].map((name) => (
            <col key={name} className={`col-${name}`} />
          ))}
          {labels.periods.map((label) => (
            <col key={label} className="col-period" />
          ))}
          {['midterm', 'course'].map((name) => (
            <col key={name} className={`col-${name}`} />
          ))}
          {labels.budgets.map((label) => (
            <col key={label} className="col-budget" />
          ))}
          {['change', 'personnel', 'grade', 'improvement', 'policy-grade', 'policy-improvement'].map((name) => (
            <col key={name} className={`col-${name}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} id={id('h-policy')}>施策番号・施策名 <En>Policy</En></th>
            <th scope="col" rowSpan={2} id={id('h-no')}>No.</th>
            <th scope="col" rowSpan={2}>SDGsゴール番号 <En>SDGs</En></th>
            <th scope="col" rowSpan={2}>主な事業・取組 <En>Project</En></th>
            <th scope="col" rowSpan={2}>所管課名 <En>Division</En></th>
            <th scope="col" rowSpan={2}>事業・取組概要 <En>Summary</En></th>
            <th scope="colgroup" colSpan={INDICATOR_COLUMNS}>事業評価の成果指標（目標・実績） <En>Indicators</En></th>
            <th scope="col" rowSpan={2}>成果の方向性 <En>Course</En></th>
            {labels.budgets.map((label) => (
              <th scope="col" rowSpan={2} key={label} className="number">{label}</th>
            ))}
            <th scope="col" rowSpan={2}>事業費の増減 <En>Budget change</En></th>
            <th scope="col" rowSpan={2} className="number">人件費(目安)金額(千円) <En>Personnel cost</En></th>
            <th scope="col" rowSpan={2}>{labels.grade} <En>Grade</En></th>
            <th scope="col" rowSpan={2} className="text-column">{labels.improvement} <En>Improvement</En></th>
            <th scope="col" rowSpan={2}>{labels.policyGrade} <En>Policy grade</En></th>
            <th scope="col" rowSpan={2} className="text-column">{labels.improvement} <En>Policy improvement</En></th>
          </tr>
          <tr>
            <th scope="col" id={id('h-indicator')}>指標名等 <En>Indicator</En></th>
            <th scope="col" id={id('h-line')}><span className="visually-hidden">区分 / line: </span>目標/実績/達成率</th>
            <th scope="col">現状値(基準値) <En>Baseline</En></th>
            {labels.periods.map((label, index) => (
              <th scope="col" key={label} id={id(`h-period-${index}`)}>{label}</th>
            ))}
            <th scope="col">中期目標 <En>Mid-term</En></th>
          </tr>
        </thead>
        {section.groups.map((group, index) => (
          <PolicyGroup key={`${group.policy.code}-${index}`} group={group} id={id(`g${index}`)} headerPrefix={idPrefix} links={links} />
        ))}
      </table>
    </div>
  );
}

function PolicyGroup({ group, id, headerPrefix, links }: { group: PolicyGroupView; id: string; headerPrefix: string; links: LinkOptions }) {
  const lines = group.rows.flatMap((rowView, rowIndex) => rowLinesOf(rowView, `${id}-r${rowIndex}`, headerPrefix, links));
  const first = lines[0]!;
  first.cells = [
    <th scope="rowgroup" rowSpan={group.lines} className="policy" key="policy">
      <span className="policy-code">{group.policy.code}</span> {group.policy.title}
    </th>,
    ...first.cells,
    <td rowSpan={group.lines} key="policy-grade">{group.policyGrade ?? DASH}</td>,
    <td rowSpan={group.lines} key="policy-improvement" className="text-column">
      <Paragraphs text={group.policyImprovement} />
    </td>,
  ];
  return (
    <tbody className="policy-group">
      {lines.map((line) => (
        <tr key={line.key} className={line.rowStart ? 'row-start' : undefined}>{line.cells}</tr>
      ))}
    </tbody>
  );
}

/** One table line: its cells, and whether a sheet row (No.) starts on it. */
interface Line {
  key: string;
  cells: ReactNode[];
  rowStart: boolean;
}

/** The table lines of one sheet row: its own cells on the first line, spanning all of them. */
function rowLinesOf({ row, lines }: SheetRowView, id: string, headerPrefix: string, links: LinkOptions): Line[] {
  const noId = `${id}-no`;
  const leading = [
    <th scope="row" rowSpan={lines} id={noId} key="no" className="number">{row.no}</th>,
    <td rowSpan={lines} key="sdgs" aria-label={row.sdgs.length ? `ゴール ${row.sdgs.join('、')}` : 'なし'}>{row.sdgs.length ? formatSdgs(row.sdgs) : DASH}</td>,
    <td rowSpan={lines} key="project">
      <a href={projectHref(row.projectKey, links)}>{row.projectName}</a>
    </td>,
    <td rowSpan={lines} key="division">{row.division}</td>,
    <td rowSpan={lines} key="summary" className="text-column"><Paragraphs text={row.summary} /></td>,
  ];
  const trailing = [
    <td rowSpan={lines} key="course">{row.course ?? DASH}</td>,
    ...row.budgets.map((amount, index) => (
      <td rowSpan={lines} key={`budget-${index}`} className="number">{formatAmount(amount)}</td>
    )),
    <td rowSpan={lines} key="change">{row.budgetChange ?? DASH}</td>,
    <td rowSpan={lines} key="personnel" className="number">{formatAmount(row.personnelCost)}</td>,
    <td rowSpan={lines} key="grade">
      {row.grade ?? DASH}
      {row.suggestedGrade !== null && row.suggestedGrade !== row.grade && (
        <span className="suggested"> (目安 {row.suggestedGrade} <En>suggested</En>)</span>
      )}
    </td>,
    <td rowSpan={lines} key="improvement" className="text-column"><Paragraphs text={row.improvement} /></td>,
  ];
  const out: Line[] = [];
  if (row.indicators.length === 0) {
    out.push({ key: `${id}-l0`, cells: [...leading, <td colSpan={INDICATOR_COLUMNS} key="none">{DASH}</td>, ...trailing], rowStart: true });
  }
  row.indicators.forEach((indicator, indicatorIndex) => {
    const indicatorId = `${id}-i${indicatorIndex}`;
    PERIOD_LINES.forEach((line, lineIndex) => {
      const lineId = `${indicatorId}-${line.key}`;
      const cells: ReactNode[] = [];
      if (lineIndex === 0) {
        cells.push(
          <th scope="row" rowSpan={3} key="indicator" id={indicatorId} className="indicator">
            {indicator.name}
          </th>,
        );
      }
      cells.push(<th scope="row" key="line" id={lineId} className="line-label">{line.ja}</th>);
      if (lineIndex === 0) cells.push(<td rowSpan={3} key="baseline">{indicator.baseline}</td>);
      indicator.periods.forEach((period, periodIndex) => {
        cells.push(
          <td key={`p${periodIndex}`} headers={`${noId} ${indicatorId} ${headerPrefix}h-period-${periodIndex} ${lineId}`} className={line.key === 'rate' ? 'number' : undefined}>
            {period[line.key]}
          </td>,
        );
      });
      if (lineIndex === 0) cells.push(<td rowSpan={3} key="midterm"><MidTermCell indicator={indicator} /></td>);
      const first = indicatorIndex === 0 && lineIndex === 0;
      out.push({ key: lineId, cells: first ? [...leading, ...cells, ...trailing] : cells, rowStart: first });
    });
  });
  return out;
}

function MidTermCell({ indicator }: { indicator: SheetIndicator }) {
  return (
    <>
      {indicator.midTerm}
      {indicator.revisions.length > 0 && (
        <span className="revision">
          ※中期目標改訂 <En>revised</En>
          {indicator.revisions.map((reason, index) => (
            <span key={index} className="revision-reason">【中期目標の変更内容】{reason}</span>
          ))}
        </span>
      )}
    </>
  );
}

/** Free text with its line breaks kept as paragraphs. */
function Paragraphs({ text }: { text: string | undefined }) {
  if (text === undefined || text.trim() === '') return <>{DASH}</>;
  return (
    <>
      {text.split('\n').map((paragraph, index) => (
        <span className="paragraph" key={index}>{paragraph}</span>
      ))}
    </>
  );
}
