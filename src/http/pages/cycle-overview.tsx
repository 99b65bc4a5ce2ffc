// /cycles/:fiscalYear (workflow.md, "The cycle"): the office's overview — per bureau and division
// the entries at each stage (skip apart), late ones, data-quality findings, missing inputs and
// texts copied from last year; then the entries a page at a time, each linked. The admin also
// gets the forms to open the next cycle and to set scopes in bulk, and links to publication.
// /cycles goes to the open cycle's overview. ?format=json|csv answers the same view.
import type { FastifyInstance } from 'fastify';
import { cycleBoard, cycleYears, BOARD_PAGE_SIZE, type CycleBoard, type BoardGroup } from '../../services/cycle-board.js';
import { openCycle, SCOPES, setScopes, type CycleScope } from '../../services/cycles.js';
import { ServiceError } from '../../services/errors.js';
import { stageLabel } from '../../services/views/cycle-labels.js';
import { contextOf } from '../context.js';
import { En, yearLabel } from './dashboard-parts.js';
import { pageFormat, sendData } from './data.js';
import { organizationName } from './error-page.js';
import { Layout } from './layout.js';
import { encodePathSegment, orgOf, queryHref } from './page-query.js';
import { paging, Pager, readPage } from './pager.js';
import { sendPage } from './render.js';
import { Deadline, fiscalYearOf, signInFirst, StageText } from './stage-forms.js';

interface PageProps {
  organization: string;
  org: string | undefined;
  board: CycleBoard;
  admin: boolean;
  csrf: string | undefined;
  url: string;
  status?: string | undefined;
}

function OverviewPage(props: PageProps) {
  const { board } = props;
  const path = `/cycles/${board.fiscalYear}`;
  const columns = [...board.stages, 'skip'];
  return (
    <Layout title={`${yearLabel(board.fiscalYear)} 評価サイクルの状況`} titleEn="Cycle overview" organization={props.organization} path={path} org={props.org}>
      {props.status && (
        <p className="form-saved" role="status">
          {props.status}
        </p>
      )}
      <p>
        {board.state === 'open' ? '実施中' : '終了'} <En>{board.state}</En>・本日 {board.today}
        {board.bureau !== undefined && <>・{board.bureau}のみ <En>{board.bureau} only</En></>}・期限: 課 {board.deadlines.division ?? '—'} / 局 {board.deadlines.bureau ?? '—'}{' '}
        <En>Deadlines: divisions, bureaus</En>
      </p>
      {props.admin && (
        <p>
          <a href={queryHref(`${path}/publish`, { org: props.org })}>公表 <En>Publish</En></a>・
          <a href={queryHref(`/versions/${board.fiscalYear}`, { org: props.org })}>公表版の一覧 <En>Published versions</En></a>
        </p>
      )}
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">
          局・課ごとの段階 <En>Stages by bureau and division</En>
        </h2>
        <div className="table-scroll">
          <table className="cycle-counts">
            <thead>
              <tr>
                <th scope="col">局 <En>Bureau</En></th>
                <th scope="col">課 <En>Division</En></th>
                {columns.map((stage) => (
                  <th scope="col" key={stage}>
                    {stageLabel(stage).ja} <En>{stageLabel(stage).en}</En>
                  </th>
                ))}
                <th scope="col">期限超過 <En>Late</En></th>
                <th scope="col">データ点検 <En>Findings</En></th>
                <th scope="col">未入力 <En>Missing inputs</En></th>
                <th scope="col">前年と同一 <En>Same as last year</En></th>
              </tr>
            </thead>
            <tbody>
              {board.groups.map((group) => (
                <CountRow group={group} columns={columns} key={`${group.bureau}/${group.division}`} />
              ))}
            </tbody>
            <tfoot>
              <CountRow group={{ ...board.totals, bureau: '計', division: `${board.totals.entries} 件` }} columns={columns} />
            </tfoot>
          </table>
        </div>
      </section>
      {board.late.length > 0 && (
        <section aria-labelledby="late-title">
          <h2 id="late-title">
            期限超過 <En>Late</En>（{board.late.length}）
          </h2>
          <ul className="late-entries">
            {board.late.slice(0, BOARD_PAGE_SIZE).map((entry) => (
              <li key={entry.key}>
                <a href={queryHref(`/projects/${encodePathSegment(entry.key)}`, { org: props.org })}>{entry.name}</a>（{entry.division}・{stageLabel(entry.stage).ja}・期限 {entry.deadline}）
              </li>
            ))}
          </ul>
        </section>
      )}
      <EntriesSection {...props} />
      {board.policyEvaluations.length > 0 && (
        <section aria-labelledby="policy-title">
          <h2 id="policy-title">
            局施策評価 <En>Policy evaluations</En>
          </h2>
          <ul>
            {board.policyEvaluations.map((evaluation) => (
              <li key={`${evaluation.policy}/${evaluation.bureau}`}>
                {evaluation.policy}（{evaluation.bureau}）: <StageText stage={evaluation.stage} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.admin && <AdminForms {...props} />}
    </Layout>
  );
}

function CountRow({ group, columns }: { group: BoardGroup; columns: string[] }) {
  return (
    <tr>
      <th scope="row">{group.bureau}</th>
      <td>{group.division}</td>
      {columns.map((stage) => (
        <td key={stage}>{group.counts[stage] ?? 0}</td>
      ))}
      <td>{group.late}</td>
      <td>{group.findings}</td>
      <td>{group.missing}</td>
      <td>{group.sameAsLastYear}</td>
    </tr>
  );
}

function EntriesSection(props: PageProps) {
  const { board } = props;
  const pages = paging(board.totals.entries, BOARD_PAGE_SIZE, board.page);
  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">
        事業ごとの状況 <En>Entries</En>
      </h2>
      <div className="table-scroll">
        <table className="cycle-entries">
          <thead>
            <tr>
              <th scope="col">事業 <En>Project</En></th>
              <th scope="col">局・課 <En>Bureau, division</En></th>
              <th scope="col">段階 <En>Stage</En></th>
              <th scope="col">範囲 <En>Scope</En></th>
              <th scope="col">未入力 <En>Missing</En></th>
              <th scope="col">前年と同一 <En>Same as last year</En></th>
              <th scope="col">データ点検 <En>Findings</En></th>
              <th scope="col">期限 <En>Deadline</En></th>
            </tr>
          </thead>
          <tbody>
            {board.entries.map((entry) => (
              <tr key={entry.key}>
                <th scope="row">
                  <a href={queryHref(`/projects/${encodePathSegment(entry.key)}`, { org: props.org })}>{entry.name}</a>
                </th>
                <td>{entry.bureau ?? ''} {entry.division}</td>
                <td><StageText stage={entry.stage} /></td>
                <td>{entry.scope}</td>
                <td>{entry.missing.length}</td>
                <td>{entry.sameAsLastYear.length}</td>
                <td>
                  {entry.findings > 0 ? (
                    <a href={queryHref(`/projects/${encodePathSegment(entry.key)}`, { org: props.org, fiscalYear: board.fiscalYear })}>{entry.findings}</a>
                  ) : (
                    0
                  )}
                </td>
                <td>
                  <Deadline deadline={entry.deadline} overdue={entry.overdue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager paging={pages} url={props.url} label="事業" />
    </section>
  );
}

function AdminForms(props: PageProps) {
  const { board } = props;
  const csrf = props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />;
  const choice = (name: string, label: string, en: string, options: string[]) => (
    <label>
      {label} <En>{en}</En>
      <select name={name} defaultValue="">
        <option value="">（すべて / all）</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      {board.state === 'open' && (
        <section aria-labelledby="scopes-title">
          <h2 id="scopes-title">
            評価範囲の一括設定 <En>Set scopes in bulk</En>
          </h2>
          <form method="post" action={queryHref(`/cycles/${board.fiscalYear}/scopes`, { org: props.org })} className="filters">
            {csrf}
            <label>
              範囲 <En>Scope</En>
              <select name="scope" defaultValue="full">
                {SCOPES.map((scope) => (
                  <option key={scope} value={scope}>
                    {scope}
                  </option>
                ))}
              </select>
            </label>
            {choice('bureau', '局', 'Bureau', board.choices.bureaus)}
            {choice('division', '課', 'Division', board.choices.divisions)}
            {choice('policy', '施策', 'Policy', board.choices.policies)}
            <button type="submit">
              設定 <En>Set</En>
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="open-title">
        <h2 id="open-title">
          次の評価サイクルを開始 <En>Open the next cycle</En>
        </h2>
        <form method="post" action={queryHref('/cycles', { org: props.org })} className="filters">
          {csrf}
          <label>
            年度（西暦） <En>Fiscal year</En>
            <input type="number" name="fiscalYear" defaultValue={board.fiscalYear + 1} min={1900} max={2200} required />
          </label>
          <label>
            課の期限 <En>Divisions’ deadline</En>
            <input type="date" name="division" />
          </label>
          <label>
            局の期限 <En>Bureaus’ deadline</En>
            <input type="date" name="bureau" />
          </label>
          <button type="submit">
            開始 <En>Open</En>
          </button>
        </form>
      </section>
    </>
  );
}

type FormBody = Record<string, string | undefined>;
const filled = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);


export function registerCycleOverview(app: FastifyInstance): void {
  app.get('/cycles', { schema: { hide: true } }, async (request, reply) => {
    if (request.actor.kind === 'anonymous') return signInFirst(request, reply);
    const { open } = await cycleYears(contextOf(request));
    if (open === undefined) throw new ServiceError('not-found', '開いている評価サイクルはありません / No cycle is open');
    return reply.redirect(queryHref(`/cycles/${open}`, { org: orgOf(request.query) }), 303);
  });

  app.get<{ Params: { fiscalYear: string } }>('/cycles/:fiscalYear', { schema: { hide: true } }, async (request, reply) => {
    if (request.actor.kind === 'anonymous') return signInFirst(request, reply);
    const reading = readPage(request.query);
    const board = await cycleBoard(contextOf(request), fiscalYearOf(request.params.fiscalYear), { page: reading.page });
    const format = pageFormat(request.query);
    if (format !== 'html') {
      return sendData(reply, format, `cycle-${board.fiscalYear}`, board, () => ({
        header: ['局', '課', ...[...board.stages, 'skip'].map((stage) => stageLabel(stage).ja), '期限超過', 'データ点検', '未入力', '前年と同一'],
        rows: board.groups.map((g) => [g.bureau, g.division, ...[...board.stages, 'skip'].map((stage) => g.counts[stage] ?? 0), g.late, g.findings, g.missing, g.sameAsLastYear]),
      }));
    }
    const status = (request.query as { status?: unknown }).status;
    const admin = request.actor.kind !== 'user' || request.actor.role === 'admin';
    const props: PageProps = {
      organization: await organizationName(request),
      org: orgOf(request.query),
      board,
      admin,
      csrf: request.csrf,
      url: request.url,
      ...(typeof status === 'string' && status.length <= 300 && { status }),
    };
    return sendPage(reply, <OverviewPage {...props} />);
  });

  app.post('/cycles', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const deadlines = { ...(filled(body.division) && { division: filled(body.division) }), ...(filled(body.bureau) && { bureau: filled(body.bureau) }) };
    const opened = await openCycle(contextOf(request), fiscalYearOf(body.fiscalYear), { deadlines });
    const status = `${opened.fiscalYear}年度のサイクルを開始しました（${opened.entries} 件） / Opened FY${opened.fiscalYear} with ${opened.entries} entries`;
    return reply.redirect(queryHref(`/cycles/${opened.fiscalYear}`, { org: orgOf(request.query), status }), 303);
  });

  app.post<{ Params: { fiscalYear: string } }>('/cycles/:fiscalYear/scopes', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const year = fiscalYearOf(request.params.fiscalYear);
    const selection = {
      scope: (body.scope ?? '') as CycleScope,
      ...(filled(body.bureau) && { bureau: filled(body.bureau) }),
      ...(filled(body.division) && { division: filled(body.division) }),
      ...(filled(body.policy) && { policy: filled(body.policy) }),
    };
    const { updated } = await setScopes(contextOf(request), year, selection);
    const status = `${updated} 件の範囲を ${selection.scope} にしました / ${updated} entries set to ${selection.scope}`;
    return reply.redirect(queryHref(`/cycles/${year}`, { org: orgOf(request.query), status }), 303);
  });
}
