// Plan (the policies the project serves, its summary and SDG goals) and Do (budgets,
// 事業費の増減, personnel costs as the rows print them, total cost by year) of a project page.
import { En, Paragraphs, yearLabel } from './dashboard-parts.js';
import { policyHref } from './page-query.js';
import type { CostYear, ProjectView } from '../../services/views/project.js';
import { formatAmount, formatSdgs } from '../../services/pages.js';

export function PlanSection({ view, org }: { view: ProjectView; org?: string | undefined }) {
  const { plan } = view;
  const rowsDiffer = plan.placements.some((placement) => placement.summary !== plan.summary);
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">
        Plan 計画 <En>policies, summary, SDG goals</En>
      </h2>
      <h3>事業・取組概要 <En>Summary</En></h3>
      <Paragraphs text={plan.summary} />
      <p>
        SDGsゴール <En>SDG goals</En>: {plan.sdgs.length === 0 ? '—' : `${formatSdgs(plan.sdgs)}（${plan.sdgs.map((goal) => `ゴール${goal}`).join('、')}）`}
      </p>
      <div className="table-scroll" role="region" aria-labelledby="plan-caption" tabIndex={0}>
        <table className="plan-rows">
          <caption id="plan-caption">
            施策と行 <En>Policies served, by row</En>
          </caption>
          <thead>
            <tr>
              <th scope="col" className="number">No.</th>
              <th scope="col">施策 <En>Policy</En></th>
              <th scope="col">SDGs</th>
              {rowsDiffer && <th scope="col">行の概要 <En>Summary of the row</En></th>}
            </tr>
          </thead>
          <tbody>
            {plan.placements.map((placement) => (
              <tr key={`${placement.no}-${placement.policyCode}`}>
                <td className="number">{placement.no}</td>
                <td>
                  <a className="policy-code" href={policyHref(placement.policyCode, { org, fiscalYear: view.fiscalYear })}>
                    {placement.policyCode}
                  </a>{' '}
                  {placement.policyTitle}
                </td>
                <td className="sdgs">{placement.sdgs.length === 0 ? '—' : placement.sdgs.join(', ')}</td>
                {rowsDiffer && <td>{placement.summary === plan.summary ? '（事業の概要と同じ / as above）' : placement.summary}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function DoSection({ view }: { view: ProjectView }) {
  return (
    <section aria-labelledby="do">
      <h2 id="do">
        Do 実行 <En>budgets and costs</En>
      </h2>
      {view.costs.length === 0 ? (
        <p>予算額の記載はありません <En>No budgets</En></p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="do-caption" tabIndex={0}>
          <table>
            <caption id="do-caption">
              年度別の事業費（千円） <En>Costs by year (thousand yen)</En>
            </caption>
            <thead>
              <tr>
                <th scope="col">年度 <En>Fiscal year</En></th>
                <th scope="col" className="number">予算額 <En>Budget</En></th>
                <th scope="col">事業費の増減 <En>Change</En></th>
                <th scope="col" className="number">人件費(目安) <En>Personnel cost</En></th>
                <th scope="col" className="number">総コスト <En>Total cost</En></th>
              </tr>
            </thead>
            <tbody>
              {view.costs.map((cost) => (
                <tr key={cost.fiscalYear}>
                  <th scope="row">{yearLabel(cost.fiscalYear)}</th>
                  <td className="number">{formatAmount(cost.budget)}</td>
                  <td>{cost.change ?? '—'}</td>
                  <td className="number">
                    <PersonnelCosts cost={cost} />
                  </td>
                  <td className="number">{formatAmount(cost.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="note">
        人件費(目安)はシートの行に記載の額です。行ごとに額が異なるときは行番号（No.）ごとに示し、その合計を「合計」として示します。
        総コスト = 予算額 + 人件費(目安)（行ごとに異なるときはその合計）。両方がある年度のみ。{' '}
        <En>
          Personnel costs as the sheet's rows print them: where rows differ, each row's figure (No.) and their sum, labelled as the total. Total cost =
          budget + personnel cost (their sum where rows differ), for years that have both.
        </En>
      </p>
    </section>
  );
}

/** One figure as it stands; several (rows with their own) each with its rows, then their labelled total. */
function PersonnelCosts({ cost }: { cost: CostYear }) {
  const shares = cost.personnelCosts;
  if (shares.length === 0) return <>—</>;
  if (shares.length === 1) return <>{formatAmount(shares[0]!.amount)}</>;
  return (
    <ul className="cost-shares">
      {shares.map((share) => (
        <li key={share.nos.join(' ')}>
          No. {share.nos.join('・')}: {formatAmount(share.amount)}
        </li>
      ))}
      <li className="cost-total">
        合計 <En>Total</En>: {formatAmount(cost.personnelCostTotal)}
      </li>
    </ul>
  );
}
