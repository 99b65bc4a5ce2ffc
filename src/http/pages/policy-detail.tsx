// One policy: its title, the bureau's grade and improvement text for the year, and its rows.
import { En, GradeText, Paragraphs, yearLabel } from './dashboard-parts.js';
import { pageHref, projectHref } from './page-query.js';
import type { PolicyView } from '../../services/views/policies.js';
import { policyEvaluationHref } from './policy-evaluation-edit.js';

interface Props {
  view: PolicyView;
  fiscalYear: number;
  org?: string | undefined;
  /** The bureaus whose evaluation of this policy the reader may edit: a link to each one's form. */
  editableBureaus?: readonly string[];
}

export function PolicyDetail({ view, fiscalYear, org, editableBureaus = [] }: Props) {
  return (
    <div className="policy-page">
      <p className="policy-title">{view.title || '（施策名の記載なし）'}</p>
      <p>
        <a href={pageHref('/policies', { org, fiscalYear })}>施策の一覧へ <En>All policies</En></a>
      </p>
      <section aria-labelledby="policy-grade-heading">
        <h2 id="policy-grade-heading">
          {yearLabel(fiscalYear)} 局施策評価 <En>Bureau grade</En>
        </h2>
        {view.evaluations.length === 0 ? (
          <p>
            この年度の局施策評価はありません <En>No bureau grade for this year</En>
          </p>
        ) : (
          view.evaluations.map((evaluation, i) => (
            <div key={i} className="policy-evaluation">
              <h3>
                {evaluation.bureau ?? '局の記載なし'}: <GradeText grade={evaluation.grade} />
              </h3>
              <h4>
                強化・見直した内容 <En>Improvement</En>
              </h4>
              <Paragraphs text={evaluation.improvement} />
            </div>
          ))
        )}
        {editableBureaus.length > 0 && (
          <ul className="edit-links">
            {editableBureaus.map((bureau) => (
              <li key={bureau}>
                <a href={policyEvaluationHref(view.code, bureau, { org, fiscalYear })}>
                  {bureau}の局施策評価を編集 <En>Edit the bureau’s evaluation</En>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="policy-rows-heading">
        <h2 id="policy-rows-heading">
          主な事業・取組 <En>Projects</En>
        </h2>
        {view.rows.length === 0 ? (
          <p>この施策に載る事業はありません <En>No projects under this policy</En></p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="policy-rows-caption" tabIndex={0}>
            <table>
              <caption id="policy-rows-caption">
                {view.code} の行 {view.rows.length}件 <En>rows: {view.rows.length}</En>
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="number">No.</th>
                  <th scope="col">主な事業・取組 <En>Project</En></th>
                  <th scope="col">所管課 <En>Division</En></th>
                  <th scope="col">事業評価 <En>Grade</En></th>
                  <th scope="col">提案評価 <En>Suggested grade</En></th>
                  <th scope="col">成果の方向性 <En>Course</En></th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr key={`${row.no}-${row.projectKey}`}>
                    <td className="number">{row.no}</td>
                    <td>
                      <a href={projectHref(row.projectKey, { org, fiscalYear })}>{row.projectName}</a>
                    </td>
                    <td>{row.division}</td>
                    <td>
                      <GradeText grade={row.grade} />
                    </td>
                    <td>
                      {row.suggestedGrade ?? '—'}
                      {row.suggestedGrade !== null && row.grade !== undefined && row.grade !== row.suggestedGrade && (
                        <>
                          {' '}（異なる <En>differs</En>）
                        </>
                      )}
                    </td>
                    <td>{row.course ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
