// /tasks (workflow.md, "Pages and API"): what waits for the signed-in user in the open cycle —
// a division's drafts (returned ones first, with the return's comment), a bureau's submitted
// entries and its policy evaluations, the admin's reviewed entries and the late ones — each with
// its deadline, 期限超過 when past, links to the project form and the list entry, and a form per
// move. The moves' POST routes answer 303 back here with a status line; a refusal (422 missing
// inputs, 409 wrong stage) is shown on this page with its paths, the typed comment kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { transition } from '../../services/cycles.js';
import { ServiceError } from '../../services/errors.js';
import { transitionPolicyEvaluation } from '../../services/policy-stages.js';
import { moveAllReady, myTasks, type MyTasks, type TaskEntry } from '../../services/tasks.js';
import { MOVE_LABELS, stageLabel, type IndicatorNames } from '../../services/views/cycle-labels.js';
import { entryThread } from '../../services/cycle-entry.js';
import { japanTime } from '../../services/views/history.js';
import { contextOf } from '../context.js';
import { En, yearLabel } from './dashboard-parts.js';
import { pageFormat, sendData } from './data.js';
import { organizationName } from './error-page.js';
import { Layout } from './layout.js';
import { encodePathSegment, orgOf, queryHref } from './page-query.js';
import { sendPage } from './render.js';
import { Deadline, entryStageAction, fiscalYearOf, MoveForms, policyStageAction, RefusalSummary, signInFirst, StageText, type Refusal } from './stage-forms.js';

const PATH = '/tasks';

interface PageProps {
  organization: string;
  org: string | undefined;
  role: string;
  tasks: MyTasks;
  csrf: string | undefined;
  status?: string | undefined;
  refusal?: Refusal | undefined;
}

function TasksPage(props: PageProps) {
  const { tasks } = props;
  const year = tasks.fiscalYear;
  return (
    <Layout title="作業一覧" titleEn="My tasks" organization={props.organization} path={PATH} org={props.org}>
      {props.status && (
        <p className="form-saved" role="status">
          {props.status}
        </p>
      )}
      {props.refusal && <RefusalSummary refusal={props.refusal} />}
      {year === undefined ? (
        <p>
          開いている評価サイクルはありません。 <En>No cycle is open.</En>
        </p>
      ) : (
        <>
          <p>
            {yearLabel(year)}の評価サイクル（本日 {tasks.today}）。 <En>The cycle of FY{year} (today {tasks.today}).</En>{' '}
            {props.role !== 'division' && <a href={queryHref(`/cycles/${year}`, { org: props.org })}>状況一覧 <En>Overview</En></a>}
          </p>
          <section aria-labelledby="waiting-title">
            <h2 id="waiting-title">
              対応待ちの事業 <En>Entries waiting for you</En>
            </h2>
            <BulkForm {...props} fiscalYear={year} />
            <EntryTable {...props} fiscalYear={year} entries={tasks.entries} caption="対応待ちの事業 / Entries waiting for you" />
          </section>
          {tasks.late.length > 0 && (
            <section aria-labelledby="late-title">
              <h2 id="late-title">
                期限超過 <En>Late</En>
              </h2>
              <EntryTable {...props} fiscalYear={year} entries={tasks.late} caption="期限超過の事業 / Late entries" />
            </section>
          )}
          {tasks.policyEvaluations.length > 0 && <PolicySection {...props} fiscalYear={year} />}
        </>
      )}
    </Layout>
  );
}

function BulkForm(props: PageProps & { fiscalYear: number }) {
  const to = props.role === 'division' ? 'submitted' : props.role === 'admin' ? 'approved' : undefined;
  if (to === undefined || props.tasks.entries.length === 0) return null;
  const ready = props.tasks.entries.filter((entry) => entry.moves.includes(to) && (to !== 'submitted' || entry.missing.length === 0)).length;
  return (
    <form method="post" action={queryHref(`${PATH}/bulk`, { org: props.org })} className="bulk-move">
      {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
      <input type="hidden" name="to" value={to} />
      <button type="submit" disabled={ready === 0}>
        {to === 'submitted' ? `未入力のない ${ready} 件をまとめて提出` : `局確認済の ${ready} 件をまとめて確定`}{' '}
        <En>{to === 'submitted' ? `Submit the ${ready} complete entries` : `Approve the ${ready} reviewed entries`}</En>
      </button>
    </form>
  );
}

function EntryTable(props: PageProps & { fiscalYear: number; entries: TaskEntry[]; caption: string }) {
  if (props.entries.length === 0) {
    return (
      <p>
        対応待ちの事業はありません。 <En>Nothing waits for you.</En>
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="tasks">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">事業 <En>Project</En></th>
            <th scope="col">局・課 <En>Bureau, division</En></th>
            <th scope="col">段階 <En>Stage</En></th>
            <th scope="col">未入力 <En>Missing</En></th>
            <th scope="col">期限 <En>Deadline</En></th>
            <th scope="col">差戻しのコメント <En>Return comment</En></th>
            <th scope="col">操作 <En>Actions</En></th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr key={entry.key} className={entry.returned ? 'returned' : undefined}>
              <th scope="row">
                <a href={queryHref(`/projects/${encodePathSegment(entry.key)}`, { org: props.org })}>{entry.name}</a>
                <br />
                <a href={queryHref(`/projects/${encodePathSegment(entry.key)}/edit`, { org: props.org, fiscalYear: props.fiscalYear })}>編集 <En>Edit</En></a>{' '}
                {props.role !== 'viewer' && (
                  <a href={queryHref('/tasks/entry', { org: props.org, fiscalYear: props.fiscalYear, bureau: entry.bureau, division: entry.division })}>一覧入力 <En>List entry</En></a>
                )}
              </th>
              <td>{entry.bureau ?? ''} {entry.division}</td>
              <td><StageText stage={entry.stage} /></td>
              <td>
                {entry.missing.length}
                {entry.sameAsLastYear.length > 0 && <> ・前年と同一 {entry.sameAsLastYear.length} <En>same as last year</En></>}
              </td>
              <td>
                <Deadline deadline={entry.deadline} overdue={entry.overdue} />
              </td>
              <td>
                {entry.returned && (
                  <>
                    {entry.returned.comment}
                    <br />
                    <small>
                      {entry.returned.actor}・<time dateTime={entry.returned.at}>{japanTime(entry.returned.at)}</time>
                    </small>
                  </>
                )}
              </td>
              <td>
                <MoveForms
                  action={entryStageAction(props.fiscalYear, entry.key, props.org)}
                  id={entry.key}
                  moves={entry.moves}
                  csrf={props.csrf}
                  comment={props.refusal?.target === entry.key ? props.refusal.comment : undefined}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PolicySection(props: PageProps & { fiscalYear: number }) {
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">
        局施策評価 <En>Policy evaluations</En>
      </h2>
      <div className="table-scroll">
        <table className="tasks">
          <thead>
            <tr>
              <th scope="col">施策 <En>Policy</En></th>
              <th scope="col">局 <En>Bureau</En></th>
              <th scope="col">段階 <En>Stage</En></th>
              <th scope="col">期限 <En>Deadline</En></th>
              <th scope="col">操作 <En>Actions</En></th>
            </tr>
          </thead>
          <tbody>
            {props.tasks.policyEvaluations.map((evaluation) => {
              const id = `${evaluation.policy}-${evaluation.bureau}`;
              return (
                <tr key={id}>
                  <th scope="row">
                    <a href={queryHref(`/policies/${encodePathSegment(evaluation.policy)}/evaluation`, { org: props.org, bureau: evaluation.bureau, fiscalYear: props.fiscalYear })}>
                      {evaluation.policy} {evaluation.title}
                    </a>
                  </th>
                  <td>{evaluation.bureau}</td>
                  <td><StageText stage={evaluation.stage} /></td>
                  <td>
                    <Deadline deadline={evaluation.deadline} overdue={evaluation.overdue} />
                  </td>
                  <td>
                    <MoveForms
                      action={policyStageAction(props.fiscalYear, props.org)}
                      id={id}
                      moves={evaluation.moves}
                      csrf={props.csrf}
                      hidden={{ policy: evaluation.policy, bureau: evaluation.bureau }}
                      comment={props.refusal?.target === id ? props.refusal.comment : undefined}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function roleOf(request: FastifyRequest): string {
  return request.actor.kind === 'user' ? request.actor.role : 'admin';
}

async function showTasks(request: FastifyRequest, reply: FastifyReply, extra: { status?: string; refusal?: Refusal } = {}, code = 200) {
  const tasks = await myTasks(contextOf(request));
  const props: PageProps = { organization: await organizationName(request), org: orgOf(request.query), role: roleOf(request), tasks, csrf: request.csrf, ...extra };
  return sendPage(reply, <TasksPage {...props} />, code);
}

const REFUSED: Record<string, number> = { invalid: 422, conflict: 409 };

/** Runs a move; a refusal of what was asked (missing inputs, wrong stage) comes back as this page with it, anything else as an error page. */
async function moving(request: FastifyRequest, reply: FastifyReply, target: string, comment: string | undefined, move: () => Promise<string>, names?: () => Promise<IndicatorNames>) {
  try {
    const status = await move();
    return reply.redirect(queryHref(PATH, { org: orgOf(request.query), status }), 303);
  } catch (error) {
    const code = error instanceof ServiceError ? REFUSED[error.kind] : undefined;
    if (!(error instanceof ServiceError) || code === undefined) throw error;
    const indicators = names && error.problems.length > 0 ? await names() : undefined;
    return showTasks(request, reply, { refusal: { message: error.message, problems: error.problems ?? [], target, comment, indicators } }, code);
  }
}

function movedText(name: string, to: string): string {
  const label = stageLabel(to);
  return `${name} を「${label.ja}」にしました / ${name}: ${label.en}`;
}

type FormBody = Record<string, string | undefined>;

export function registerTasks(app: FastifyInstance): void {
  app.get(PATH, { schema: { hide: true } }, async (request, reply) => {
    if (request.actor.kind === 'anonymous') return signInFirst(request, reply);
    const format = pageFormat(request.query);
    if (format !== 'html') {
      const tasks = await myTasks(contextOf(request));
      return sendData(reply, format, `tasks-${tasks.fiscalYear ?? 'none'}`, tasks, () => ({
        header: ['事業キー', '事業名', '局', '課', '段階', '未入力', '期限', '期限超過', '差戻しのコメント'],
        rows: [...tasks.entries, ...tasks.late].map((e) => [e.key, e.name, e.bureau ?? '', e.division, e.stage, e.missing.length, e.deadline ?? '', e.overdue ? 'yes' : '', e.returned?.comment ?? '']),
      }));
    }
    const status = (request.query as { status?: unknown }).status;
    return showTasks(request, reply, typeof status === 'string' && status.length <= 300 ? { status } : {});
  });

  app.post<{ Params: { fiscalYear: string; key: string } }>('/cycles/:fiscalYear/entries/:key/stage', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const key = request.params.key;
    const fiscalYear = fiscalYearOf(request.params.fiscalYear);
    return moving(
      request,
      reply,
      key,
      body.comment,
      async () => {
        const moved = await transition(contextOf(request), fiscalYear, key, { to: body.to ?? '', ...(body.comment !== undefined && { comment: body.comment }) });
        return movedText(key, moved.stage);
      },
      async () => (await entryThread(contextOf(request), fiscalYear, key)).indicators,
    );
  });

  app.post('/cycles/:fiscalYear/policy-evaluations/stage', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const move = { policy: body.policy ?? '', bureau: body.bureau ?? '', to: body.to ?? '', comment: body.comment };
    return moving(request, reply, `${move.policy}-${move.bureau}`, body.comment, async () => {
      const moved = await transitionPolicyEvaluation(contextOf(request), fiscalYearOf((request.params as { fiscalYear: string }).fiscalYear), move);
      return movedText(`${moved.policy}（${moved.bureau}）`, moved.stage);
    });
  });

  app.post(`${PATH}/bulk`, { schema: { hide: true } }, async (request, reply) => {
    const to = ((request.body ?? {}) as FormBody).to;
    if (to !== 'submitted' && to !== 'approved') throw new ServiceError('invalid', 'to は submitted か approved です / to must be submitted or approved');
    return moving(request, reply, MOVE_LABELS[to]!.ja, undefined, async () => {
      const { moved, refused } = await moveAllReady(contextOf(request), to);
      const label = stageLabel(to);
      const left = refused.length > 0 ? `（${refused.length} 件は移せませんでした: ${refused.map((r) => r.key).join(', ')}）` : '';
      return `${moved.length} 件を「${label.ja}」にしました${left} / ${moved.length} moved to ${label.en}`;
    });
  });
}
