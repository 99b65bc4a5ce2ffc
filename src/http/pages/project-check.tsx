// Check: each indicator over the years (baseline, targets, actuals, rates, progress toward
// the mid-term target, revisions), with a chart of target against actual where there are numbers.
import { ChartFigure } from './chart.js';
import { barChartOption } from './dashboard-charts.js';
import { En, nosText, yearLabel } from './dashboard-parts.js';
import type { IndicatorView } from '../../services/views/project-indicators.js';
import type { ProjectView } from '../../services/views/project.js';
import { formatFiscalYear, formatNumber } from '../../services/pages.js';

export function CheckSection({ view }: { view: ProjectView }) {
  return (
    <section aria-labelledby="check">
      <h2 id="check">
        Check 評価 <En>indicators</En>
      </h2>
      {view.indicators.length === 0 ? (
        <p>成果指標はありません <En>No indicators</En></p>
      ) : (
        view.indicators.map((indicator, i) => <IndicatorBlock key={indicator.key} indicator={indicator} index={i} />)
      )}
    </section>
  );
}

function IndicatorBlock({ indicator, index }: { indicator: IndicatorView; index: number }) {
  const id = `indicator-${index + 1}`;
  const table = <IndicatorTable indicator={indicator} captionId={`${id}-caption`} />;
  return (
    <article className="indicator" aria-labelledby={id}>
      <h3 id={id}>
        {indicator.name}
        {indicator.unit && <span className="unit">（{indicator.unit}）</span>}
      </h3>
      <dl className="indicator-facts">
        <div>
          <dt>行 <En>Rows</En></dt>
          <dd>{nosText(indicator.nos)}</dd>
        </div>
        <div>
          <dt>現状値(基準値) <En>Baseline</En></dt>
          <dd>{indicator.baseline}</dd>
        </div>
        <div>
          <dt>中期目標 <En>Mid-term target</En></dt>
          <dd>{indicator.midTerm}</dd>
        </div>
        {indicator.better === 'lower' && (
          <div>
            <dt>向き <En>Direction</En></dt>
            <dd>低いほど良い <En>lower is better</En></dd>
          </div>
        )}
      </dl>
      {indicator.revisions.length > 0 && (
        <div className="revisions">
          <h4>※中期目標改訂 <En>Mid-term target revised</En></h4>
          <ul>
            {indicator.revisions.map((revision, i) => (
              <li key={i}>
                {revision.fiscalYear !== undefined && `${formatFiscalYear(revision.fiscalYear, { letter: true })}: `}
                {revision.previous !== undefined && `改訂前 ${revision.previous}。`}
                【中期目標の変更内容】{revision.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {indicator.chartable ? (
        <ChartFigure
          caption={`${indicator.name}: 目標と実績 / Target and actual`}
          option={barChartOption(
            indicator.periods.map((period) => yearLabel(period.fiscalYear)),
            [
              { name: '目標', data: indicator.periods.map((period) => period.targetValue ?? null) },
              { name: '実績', data: indicator.periods.map((period) => period.actualValue ?? null) },
            ],
            { format: (value) => formatNumber(value) },
          )}
          size={{ width: 520, height: 240 }}
          table={table}
        />
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          {table}
        </div>
      )}
    </article>
  );
}

function IndicatorTable({ indicator, captionId }: { indicator: IndicatorView; captionId: string }) {
  return (
    <table>
      <caption id={captionId}>
        年度別の目標・実績・達成率 <En>Targets, actuals and rates by year</En>
      </caption>
      <thead>
        <tr>
          <th scope="col">年度 <En>Fiscal year</En></th>
          <th scope="col">目標 <En>Target</En></th>
          <th scope="col">実績 <En>Actual</En></th>
          <th scope="col" className="number">達成率 <En>Rate</En></th>
          <th scope="col">達成 <En>Achieved</En></th>
          <th scope="col" className="number">中期目標に対する進捗 <En>Mid-term progress</En></th>
        </tr>
      </thead>
      <tbody>
        {indicator.periods.map((period) => (
          <tr key={period.fiscalYear}>
            <th scope="row">{yearLabel(period.fiscalYear)}</th>
            <td>{period.target}</td>
            <td>{period.actual}</td>
            <td className="number">{period.rate}</td>
            <td>{period.achieved === null ? '—' : period.achieved ? '達成 ' : '未達成 '}{period.achieved !== null && <En>{period.achieved ? 'yes' : 'no'}</En>}</td>
            <td className="number">{period.midTermProgress}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
