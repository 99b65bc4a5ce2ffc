// Action (course, grade beside the suggested grade, reason, improvement; one block per group
// of rows that share an evaluation) and the project's evaluations of earlier years.
import { En, GradeWithSuggestion, nosText, Paragraphs, yearLabel } from './dashboard-parts.js';
import type { ActionView, ProjectView } from '../../services/views/project.js';

export function ActionSection({ view }: { view: ProjectView }) {
  return (
    <section aria-labelledby="action">
      <h2 id="action">
        Action 改善 <En>grade, course and improvement, FY{view.fiscalYear}</En>
      </h2>
      <p>{yearLabel(view.fiscalYear)}の事業評価 <En>Evaluation of FY{view.fiscalYear}</En></p>
      {view.actions.length === 0 ? (
        <p>この年度の事業評価はありません <En>No evaluation for this year</En></p>
      ) : (
        view.actions.map((action) => <ActionBlock key={action.nos.join('-')} action={action} several={view.actions.length > 1} />)
      )}
    </section>
  );
}

export function EarlierSection({ view }: { view: ProjectView }) {
  return (
    <section aria-labelledby="earlier">
      <h2 id="earlier">
        過去の評価 <En>Earlier years</En>
      </h2>
      {view.earlier.length === 0 ? (
        <p>
          {yearLabel(view.fiscalYear)}より前の事業評価はありません <En>No evaluations before FY{view.fiscalYear}</En>
        </p>
      ) : (
        view.earlier.map((action) => <ActionBlock key={`${action.fiscalYear}-${action.nos.join('-')}`} action={action} several withYear />)
      )}
    </section>
  );
}

interface ActionBlockProps {
  action: ActionView;
  several: boolean;
  withYear?: boolean;
}

function ActionBlock({ action, several, withYear }: ActionBlockProps) {
  const title = [withYear ? yearLabel(action.fiscalYear) : '', several || withYear ? nosText(action.nos) : ''].filter(Boolean).join(' ');
  return (
    <div className="action">
      {title !== '' && <h3>{title}</h3>}
      <dl className="action-facts">
        <div>
          <dt>事業評価 <En>Grade</En></dt>
          <dd>
            <GradeWithSuggestion grade={action.grade} suggested={action.suggestedGrade} />
          </dd>
        </div>
        {action.gradeReason !== undefined && (
          <div>
            <dt>評価の理由 <En>Reason for the grade</En></dt>
            <dd>{action.gradeReason}</dd>
          </div>
        )}
        <div>
          <dt>成果の方向性 <En>Course</En></dt>
          <dd>{action.course ?? '—'}</dd>
        </div>
        <div>
          <dt>強化・見直した内容 <En>Improvement</En></dt>
          <dd>
            <Paragraphs text={action.improvement} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
