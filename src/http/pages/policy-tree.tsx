// The policy tree as nested lists: the levels of the codes (I → I-2 → I-2-(1)) and, at each
// policy, its bureau grade and its rows with their grades.
import { En, GradeText, yearLabel } from './dashboard-parts.js';
import { policyHref, projectHref } from './page-query.js';
import { gradeTally, type PoliciesView, type PolicyTreeNode, type PolicyView } from '../../services/views/policies.js';

interface TreeProps {
  view: PoliciesView;
  grades: readonly string[];
  org?: string | undefined;
}

export function PolicyTree({ view, grades, org }: TreeProps) {
  return (
    <section aria-labelledby="tree-heading">
      <h2 id="tree-heading">
        {yearLabel(view.fiscalYear)}の施策体系 <En>Policy tree, FY{view.fiscalYear}</En>
      </h2>
      <p>
        施策ごとに局施策評価と、その施策に載る事業の事業評価を示します。 <En>Each policy with its bureau grade and the grades of its rows.</En>
      </p>
      {view.tree.length === 0 ? (
        <p>施策がありません <En>No policies</En></p>
      ) : (
        <Nodes nodes={view.tree} context={{ fiscalYear: view.fiscalYear, grades, org }} />
      )}
    </section>
  );
}

interface NodeContext {
  fiscalYear: number;
  grades: readonly string[];
  org?: string | undefined;
}

function Nodes({ nodes, context }: { nodes: readonly PolicyTreeNode[]; context: NodeContext }) {
  return (
    <ul className="policy-tree">
      {nodes.map((node) => (
        <li key={node.code}>
          {node.policy ? <PolicyItem policy={node.policy} context={context} /> : <span className="policy-level">{node.code}</span>}
          {node.children.length > 0 && <Nodes nodes={node.children} context={context} />}
        </li>
      ))}
    </ul>
  );
}

function PolicyItem({ policy, context }: { policy: PolicyView; context: NodeContext }) {
  const { fiscalYear, grades, org } = context;
  const tally = gradeTally(policy.rows, grades);
  return (
    <div className="policy-item">
      <a href={policyHref(policy.code, { org, fiscalYear })}>
        <span className="policy-code">{policy.code}</span> {policy.title}
      </a>
      <p className="policy-grades">
        局施策評価 <En>Bureau grade</En>:{' '}
        {policy.evaluations.length === 0 ? (
          <GradeText grade={undefined} />
        ) : (
          policy.evaluations.map((evaluation, i) => (
            <span key={i}>
              {i > 0 && '、'}
              {evaluation.bureau && policy.evaluations.length > 1 ? `${evaluation.bureau} ` : ''}
              <GradeText grade={evaluation.grade} />
            </span>
          ))
        )}
        {' ／ '}事業評価 <En>Project grades</En>: {tally.length === 0 ? '—' : tally.map((entry) => `${entry.grade} ${entry.rows}`).join('、')}
      </p>
      {policy.rows.length > 0 && (
        <ul className="policy-rows">
          {policy.rows.map((row) => (
            <li key={`${row.no}-${row.projectKey}`}>
              No. {row.no} <a href={projectHref(row.projectKey, { org, fiscalYear })}>{row.projectName}</a>: <GradeText grade={row.grade} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
