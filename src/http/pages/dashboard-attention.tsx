// The dashboard's rows needing attention (the worst few, linking the whole list), and the
// comparison with the previous fiscal year.
import type { ReactNode } from 'react';
import { ChartFigure } from './chart.js';
import { barChartOption } from './dashboard-charts.js';
import { En, nosText, yearLabel } from './dashboard-parts.js';
import { pageHref, projectHref } from './page-query.js';
import { ATTENTION_LABELS, type AttentionItem } from '../../services/views/dashboard-attention.js';
import type { DashboardView } from '../../services/views/dashboard.js';
import { formatAmount } from '../../services/pages.js';

export function AttentionSection({ view, org, showBureau }: { view: DashboardView; org?: string | undefined; showBureau: boolean }) {
  const total = view.attentionTotal.toLocaleString('en-US');
  const all = pageHref('/attention', { org, fiscalYear: view.fiscalYear, ...(view.bureau !== undefined && { bureau: view.bureau }) });
  return (
    <section aria-labelledby="attention-heading">
      <h2 id="attention-heading">
        要注意の行 <En>Rows needing attention</En>
      </h2>
      <p>
        目標に届かない指標（達成率100%未満・未達成）、実績のない目標、データ点検（check）の指摘です。目標から遠いものから順に示します。{' '}
        <En>Indicators behind target (rate under 100% or not achieved), targets without an actual, and data-check findings, furthest behind first.</En>
      </p>
      {view.attentionTotal === 0 ? (
        <p>ありません <En>None</En></p>
      ) : (
        <>
          <AttentionTable
            items={view.attention}
            org={org}
            showBureau={showBureau}
            fiscalYear={view.fiscalYear}
            caption={
              view.attention.length < view.attentionTotal ? (
                <>
                  {yearLabel(view.fiscalYear)} 要注意の行 {total}件のうち上位{view.attention.length}件 <En>The {view.attention.length} worst of {total}</En>
                </>
              ) : (
                <>
                  {yearLabel(view.fiscalYear)} 要注意の行 {total}件 <En>{total} items</En>
                </>
              )
            }
          />
          <p>
            <a href={all}>
              要注意の行をすべて見る（{total}件） <En>All {total} rows needing attention</En>
            </a>
          </p>
        </>
      )}
    </section>
  );
}

export interface AttentionTableProps {
  items: readonly AttentionItem[];
  caption: ReactNode;
  org?: string | undefined;
  fiscalYear: number;
  /** Several bureaus listed: each numbers its rows from No. 1, so the bureau says which No. 1. */
  showBureau: boolean;
}

/** The rows needing attention as a table: kind (in words), bureau, No., project, indicator, detail. */
export function AttentionTable({ items, caption, org, fiscalYear, showBureau }: AttentionTableProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="attention-caption" tabIndex={0}>
      <table className="attention">
        <caption id="attention-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">区分 <En>Kind</En></th>
            {showBureau && <th scope="col">局 <En>Bureau</En></th>}
            <th scope="col">No.</th>
            <th scope="col">事業 <En>Project</En></th>
            <th scope="col">指標・対象 <En>Indicator or subject</En></th>
            <th scope="col">内容 <En>Detail</En></th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => {
            const [ja, en] = ATTENTION_LABELS[item.kind];
            return (
              <tr key={i}>
                <td>
                  <span className={`attention-kind attention-${item.kind}`}>{ja}</span> <En>{en}</En>
                </td>
                {showBureau && <td>{item.bureaus.join('・') || '—'}</td>}
                <td className="number">{nosText(item.nos)}</td>
                <td>{item.projectKey !== undefined ? <a href={projectHref(item.projectKey, { org, fiscalYear })}>{item.projectName}</a> : '—'}</td>
                <td>{item.subject}</td>
                <td>{item.detail}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ComparisonSection({ view }: { view: DashboardView }) {
  const current = yearLabel(view.fiscalYear);
  const previous = yearLabel(view.previousYear);
  const { comparison } = view;
  if (!comparison) {
    return (
      <section aria-labelledby="comparison-heading">
        <h2 id="comparison-heading">
          前年度との比較 <En>Compared with the previous year</En>
        </h2>
        <p>
          {previous}は評価されていないため、比較はありません <En>FY{view.previousYear} was not evaluated: there is nothing to compare</En>
        </p>
      </section>
    );
  }
  const labels = comparison.grades.map((entry) => entry.grade ?? '未評価');
  const { budget } = comparison;
  const previousGraded = comparison.grades.some((entry) => entry.grade !== null && entry.previous > 0);
  return (
    <section aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">
        前年度との比較 <En>Compared with the previous year</En>
      </h2>
      {!previousGraded && (
        <p>
          {previous}の事業評価はありません <En>No grades for FY{view.previousYear}</En>
        </p>
      )}
      <ChartFigure
        caption={`事業評価別の行数: ${previous}と${current} / Rows by grade, FY${view.previousYear} and FY${view.fiscalYear}`}
        option={barChartOption(labels, [
          { name: previous, data: comparison.grades.map((entry) => entry.previous) },
          { name: current, data: comparison.grades.map((entry) => entry.current) },
        ])}
        size={{ width: 560, height: 280 }}
        table={
          <table>
            <caption>
              事業評価別の行数（前年度との比較） <En>Rows by grade, compared with the year before</En>
            </caption>
            <thead>
              <tr>
                <th scope="col">事業評価 <En>Grade</En></th>
                <th scope="col" className="number">{previous}</th>
                <th scope="col" className="number">{current}</th>
                <th scope="col" className="number">増減 <En>Change</En></th>
              </tr>
            </thead>
            <tbody>
              {comparison.grades.map((entry, i) => (
                <tr key={labels[i]}>
                  <th scope="row">{labels[i]}</th>
                  <td className="number">{entry.previous}</td>
                  <td className="number">{entry.current}</td>
                  <td className="number">{signed(entry.current - entry.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <table>
        <caption>
          予算額合計（千円） <En>Total budget (thousand yen)</En>
        </caption>
        <thead>
          <tr>
            <th scope="col">評価年度 <En>Evaluated year</En></th>
            <th scope="col">予算年度 <En>Budget year</En></th>
            <th scope="col" className="number">予算額 <En>Budget</En></th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{previous}</th>
            <td>{yearLabel(budget.previous.fiscalYear)}</td>
            <td className="number">{formatAmount(budget.previous.amount)}</td>
          </tr>
          <tr>
            <th scope="row">{current}</th>
            <td>{yearLabel(budget.current.fiscalYear)}</td>
            <td className="number">{formatAmount(budget.current.amount)}</td>
          </tr>
          <tr>
            <th scope="row">増減 <En>Change</En></th>
            <td></td>
            <td className="number">{signed(budget.current.amount - budget.previous.amount, formatAmount)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function signed(n: number, format: (n: number) => string = String): string {
  return n > 0 ? `+${format(n)}` : n < 0 ? `−${format(-n)}` : '±0';
}
