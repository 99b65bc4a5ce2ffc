// The dashboard's charts with their tables: grades, achievement rates, budgets.
import { ChartFigure } from './chart.js';
import { barChartOption } from './dashboard-charts.js';
import { En, yearLabel } from './dashboard-parts.js';
import type { BudgetShare, DashboardView } from '../../services/views/dashboard.js';
import { formatAmount } from '../../services/pages.js';

const UNGRADED = '未評価';

export function GradeSection({ view }: { view: DashboardView }) {
  const labels = view.grades.map((count) => count.grade ?? UNGRADED);
  return (
    <section aria-labelledby="grades-heading">
      <h2 id="grades-heading">
        事業評価別の行数 <En>Rows by grade</En>
      </h2>
      <ChartFigure
        caption={`${yearLabel(view.fiscalYear)} 事業評価別の行数 / Rows by grade`}
        option={barChartOption(labels, [{ name: '行数', data: view.grades.map((count) => count.rows) }])}
        size={{ width: 560, height: 260 }}
        table={
          <table>
            <caption>事業評価別の行数 <En>Rows by grade</En></caption>
            <thead>
              <tr>
                <th scope="col">事業評価 <En>Grade</En></th>
                <th scope="col" className="number">行数 <En>Rows</En></th>
              </tr>
            </thead>
            <tbody>
              {view.grades.map((count, i) => (
                <tr key={labels[i]}>
                  <th scope="row">{labels[i]}</th>
                  <td className="number">{count.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}

export function RateSection({ view }: { view: DashboardView }) {
  return (
    <section aria-labelledby="rates-heading">
      <h2 id="rates-heading">
        達成率の分布 <En>Achievement rates</En>
      </h2>
      <p>
        {yearLabel(view.fiscalYear)}の成果指標ごとに数えています（複数の行に載る指標も1件）。達成率のない目標（定性・順位・実績なし等）:{' '}
        {view.periodsWithoutRate}件 <En>Each indicator counted once; targets without a rate: {view.periodsWithoutRate}</En>
      </p>
      <ChartFigure
        caption={`${yearLabel(view.fiscalYear)} 達成率の分布 / Achievement rates`}
        option={barChartOption(view.rateBins.map((bin) => bin.label), [{ name: '指標数', data: view.rateBins.map((bin) => bin.periods) }])}
        size={{ width: 560, height: 260 }}
        table={
          <table>
            <caption>達成率の分布 <En>Achievement rates</En></caption>
            <thead>
              <tr>
                <th scope="col">達成率 <En>Rate</En></th>
                <th scope="col" className="number">指標数 <En>Indicators</En></th>
              </tr>
            </thead>
            <tbody>
              {view.rateBins.map((bin) => (
                <tr key={bin.label}>
                  <th scope="row">{bin.label}</th>
                  <td className="number">{bin.periods}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">達成率なし <En>No rate</En></th>
                <td className="number">{view.periodsWithoutRate}</td>
              </tr>
            </tbody>
          </table>
        }
      />
    </section>
  );
}

export function BudgetSection({ view }: { view: DashboardView }) {
  const year = yearLabel(view.budgetYear);
  return (
    <section aria-labelledby="budget-heading">
      <h2 id="budget-heading">
        {year}予算額 <En>Budget of FY{view.budgetYear}</En>
      </h2>
      <p>
        {yearLabel(view.fiscalYear)}評価のシートに載る予算額（千円）。SDGsゴール別では、事業をそのゴールごとに数えるため合計を超えます。{' '}
        <En>Thousand yen; by SDG goal a project counts under each of its goals, so the goals add up to more than the total.</En>
      </p>
      <BudgetFigure id="bureau" caption={`${year} 局別予算額 / Budget by bureau`} nameHeader={['局', 'Bureau']} shares={view.budgetByBureau} label={(name) => name} />
      <BudgetFigure id="sdg" caption={`${year} SDGsゴール別予算額 / Budget by SDG goal`} nameHeader={['SDGsゴール', 'SDG goal']} shares={view.budgetBySdg} label={(name) => `ゴール${name}`} />
    </section>
  );
}

interface BudgetFigureProps {
  id: string;
  caption: string;
  nameHeader: readonly [string, string];
  shares: readonly BudgetShare[];
  label: (name: string) => string;
}

function BudgetFigure({ id, caption, nameHeader, shares, label }: BudgetFigureProps) {
  if (shares.length === 0) return <p id={`budget-${id}`}>{caption}: 予算額がありません <En>no budget</En></p>;
  const height = Math.max(160, 48 + shares.length * 28);
  return (
    <ChartFigure
      caption={caption}
      option={barChartOption(shares.map((share) => label(share.name)), [{ name: '予算額（千円）', data: shares.map((share) => share.amount) }], { horizontal: true, format: formatAmount })}
      size={{ width: 640, height }}
      table={
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{nameHeader[0]} <En>{nameHeader[1]}</En></th>
              <th scope="col" className="number">事業数 <En>Projects</En></th>
              <th scope="col" className="number">予算額（千円） <En>Budget</En></th>
            </tr>
          </thead>
          <tbody>
            {shares.map((share) => (
              <tr key={share.name}>
                <th scope="row">{label(share.name)}</th>
                <td className="number">{share.projects}</td>
                <td className="number">{formatAmount(share.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
