// /history (workflow.md, "History"): the organization's recent changes for its signed-in users
// (the office, viewers), newest first, 100 a page with a link to older ones (?before=); never
// for an anonymous reader, who is sent to /login. HistoryTable is also the project page's
// history section.
import type { FastifyInstance } from 'fastify';
import { organizationHistory } from '../../services/history.js';
import { historyRows, type HistoryRow } from '../../services/views/history.js';
import { ServiceError } from '../../services/errors.js';
import { contextOf } from '../context.js';
import { En } from './dashboard-parts.js';
import { organizationName } from './error-page.js';
import { Layout } from './layout.js';
import { orgOf } from './page-query.js';
import { sendPage } from './render.js';

const PATH = '/history';
const PAGE_SIZE = 100;

export function HistoryTable({ rows, org, projectLinks }: { rows: HistoryRow[]; org?: string | undefined; projectLinks: boolean }) {
  if (rows.length === 0) {
    return (
      <p>
        変更の記録はまだありません。 <En>No change recorded yet.</En>
      </p>
    );
  }
  const link = (key: string) => `/projects/${encodeURIComponent(key)}${org === undefined ? '' : `?${new URLSearchParams({ org }).toString()}`}`;
  return (
    <table className="history">
      <thead>
        <tr>
          <th>日時 <En>When</En></th>
          <th>変更者 <En>Who</En></th>
          <th>経路 <En>Channel</En></th>
          <th>項目 <En>Path</En></th>
          <th>変更前 <En>Before</En></th>
          <th>変更後 <En>After</En></th>
          <th>コメント <En>Comment</En></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td><time dateTime={row.iso}>{row.at}</time></td>
            <td>{row.actor}</td>
            <td>{row.channel.ja} <En>{row.channel.en}</En></td>
            <td className="history-path">{projectLinks && row.project !== undefined ? <a href={link(row.project)}>{row.path}</a> : row.path}</td>
            <td>{row.before}</td>
            <td>{row.after}</td>
            <td>{row.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function registerHistory(app: FastifyInstance): void {
  app.get(PATH, { schema: { hide: true } }, async (request, reply) => {
    if (request.actor.kind === 'anonymous') return reply.redirect(`/login?${new URLSearchParams({ next: request.url }).toString()}`, 303);
    const raw = (request.query as { before?: unknown }).before;
    const before = typeof raw === 'string' && /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : undefined;
    if (raw !== undefined && before === undefined) throw new ServiceError('invalid', '?before= は変更の番号です / ?before= takes an entry number');
    const org = orgOf(request.query);
    const rows = historyRows(await organizationHistory(contextOf(request), { limit: PAGE_SIZE, ...(before !== undefined && { before }) }));
    const older = rows.length === PAGE_SIZE ? `${PATH}?${new URLSearchParams({ ...(org !== undefined && { org }), before: String(rows.at(-1)!.id) }).toString()}` : undefined;
    return sendPage(
      reply,
      <Layout title="変更履歴" titleEn="Recent changes" organization={await organizationName(request)} org={org} path={PATH}>
        <p>
          団体のデータへの変更を新しい順に示します（{PAGE_SIZE}件ずつ）。 <En>Every change to the organization’s data, newest first, {PAGE_SIZE} at a time.</En>
        </p>
        <HistoryTable rows={rows} org={org} projectLinks />
        {older && (
          <p>
            <a href={older} rel="next">さらに古い変更 <En>Older changes</En></a>
          </p>
        )}
      </Layout>,
    );
  });
}
