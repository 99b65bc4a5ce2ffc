// /cycles/:fiscalYear/publish (workflow.md, "Publication"): the office publishes a cycle. While
// an entry is neither 確定 (approved) nor skipped the page lists those entries and offers no
// form; otherwise a form with a required 注記 (the note every page of that year will show)
// posts, with its CSRF token, and the new version's page follows (post, redirect, get). A
// refusal — an entry moved back meanwhile, an empty note — shows the page again with it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asServiceError, ServiceError, type Problem } from '../../services/errors.js';
import { formatFiscalYear } from '../../services/pages.js';
import { publishCycle } from '../../services/publications.js';
import { publishReadiness, type PublishReadiness } from '../../services/versions.js';
import { formFields, unplacedProblems } from '../../services/views/form-field.js';
import { contextOf } from '../context.js';
import { En } from './dashboard-parts.js';
import { organizationName } from './error-page.js';
import { FormProblems, Hidden, TextArea } from './form-fields.js';
import { Layout } from './layout.js';
import { orgOf, queryHref } from './page-query.js';
import { signInFirst } from './project-edit.js';
import { StageText } from './stage-forms.js';
import { sendPage } from './render.js';

interface Params {
  Params: { fiscalYear: string };
}

interface PageProps {
  readiness: PublishReadiness;
  note: string;
  problems: Problem[];
  org: string | undefined;
  csrf: string | undefined;
}

function Pending({ readiness, org }: Pick<PageProps, 'readiness' | 'org'>) {
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading">
        確定していない事業 <En>Entries not approved</En>
      </h2>
      <p role="status">
        {readiness.pending.length}件の事業が確定（または評価対象外）になっていないため、公表できません。
        <En> {readiness.pending.length} entries are neither approved nor skipped: the cycle cannot be published yet.</En>
      </p>
      <table>
        <caption>
          確定していない事業 <En>Entries not approved</En>
        </caption>
        <thead>
          <tr>
            <th scope="col">事業 <En>Project</En></th>
            <th scope="col">段階 <En>Stage</En></th>
          </tr>
        </thead>
        <tbody>
          {readiness.pending.map((entry) => (
            <tr key={entry.key}>
              <td><a href={queryHref(`/projects/${encodeURIComponent(entry.key)}`, { org })}>{entry.key}</a></td>
              <td><StageText stage={entry.stage} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PublishForm({ readiness, note, problems, org, csrf }: PageProps) {
  const fields = formFields({ note }, problems);
  const next = (readiness.published.at(-1)?.version ?? 0) + 1;
  return (
    <form className="edit-form" method="post" action={queryHref(`/cycles/${readiness.fiscalYear}/publish`, { org })}>
      <Hidden csrf={csrf} fields={{}} />
      <p>
        現在のデータ（計算済み）を第{next}版として固定し、公表します。公表した版は変更できません。
        <En> The organization’s data as it stands (computed) becomes version {next}, published; a version never changes.</En>
      </p>
      <TextArea field={fields.note} label="注記（例：R5.11.2 修正：速報値を確定値に更新）" en="Note, shown on every page of the year" rows={3} required />
      <p>
        <button type="submit">公表する <En>Publish</En></button>
      </p>
    </form>
  );
}

function PublishPage(props: PageProps) {
  const { readiness, problems, org } = props;
  const unplaced = unplacedProblems(['note'], problems).filter((problem) => !problem.path.startsWith('projects/'));
  return (
    <>
      <p>
        {readiness.state === 'open' ? '評価サイクルは進行中です。' : '評価サイクルは終了しています（訂正版を公表できます）。'}
        <En>{readiness.state === 'open' ? ' The cycle is open.' : ' The cycle is closed: a correction may still be published.'}</En>
      </p>
      {readiness.published.length > 0 && (
        <p>
          公表済み: 第{readiness.published.at(-1)!.version}版まで。{' '}
          <a href={queryHref(`/versions/${readiness.fiscalYear}`, { org })}>公表版の一覧 <En>Published versions</En></a>
        </p>
      )}
      <FormProblems problems={unplaced} />
      {readiness.pending.length > 0 ? <Pending readiness={readiness} org={org} /> : <PublishForm {...props} />}
    </>
  );
}

/** The year of the path; anything else is no page. */
export function yearOf(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new ServiceError('not-found', `「${text}」は年度ではありません / ${text} is not a fiscal year`);
  return Number(text);
}

export function registerCyclePublish(app: FastifyInstance): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, fiscalYear: number, note: string, problems: Problem[], status = 200) => {
    const readiness = await publishReadiness(contextOf(request), fiscalYear);
    const org = orgOf(request.query);
    const year = formatFiscalYear(fiscalYear, { letter: true });
    return sendPage(
      reply,
      <Layout title={`${year}の公表`} titleEn={`Publish FY${fiscalYear}`} organization={await organizationName(request)} org={org} path={request.url.split('?')[0] ?? '/'}>
        <PublishPage readiness={readiness} note={note} problems={problems} org={org} csrf={request.csrf} />
      </Layout>,
      status,
    );
  };

  app.get<Params>('/cycles/:fiscalYear/publish', { schema: { hide: true } }, async (request, reply) => {
    const refused = signInFirst(request, reply);
    if (refused) return refused;
    return show(request, reply, yearOf(request.params.fiscalYear), '', []);
  });

  app.post<Params>('/cycles/:fiscalYear/publish', { schema: { hide: true } }, async (request, reply) => {
    const fiscalYear = yearOf(request.params.fiscalYear);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const note = typeof body.note === 'string' ? body.note : '';
    try {
      const published = await publishCycle(contextOf(request), fiscalYear, { note });
      return reply.redirect(queryHref(`/versions/${fiscalYear}`, { org: orgOf(request.query), published: published.version }), 303);
    } catch (error) {
      const service = asServiceError(error);
      if (service?.kind !== 'invalid' && service?.kind !== 'conflict') throw error;
      return show(request, reply, fiscalYear, note, service.problems.length > 0 ? service.problems : [{ path: '', message: service.message }], service.kind === 'conflict' ? 409 : 400);
    }
  });
}
