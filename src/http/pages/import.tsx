// /import (workflow.md, "Files in a workflow"): a signed-in user uploads a file (multipart,
// the session's CSRF token, the API's size limits), its format told from the file, in a mode —
// replace offered to admins only; merge and update within one's rights — and sees the
// preview: counts and every changed value with its cell or line, before and after. Confirming
// imports it only if a fresh preview of the same upload still gives the same report (as the
// API's confirm token). No JavaScript: the upload waits in this process between preview and
// confirm (a few, for a quarter of an hour, bound to the session that sent it); an instance
// that does not hold it asks for the file again.
import { randomBytes } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asServiceError, ServiceError, type Problem } from '../../services/errors.js';
import { IMPORT_FORMATS, importFile, modesOf, type FileImportMode, type FileImportOutcome, type ImportFormat } from '../../services/files.js';
import { may } from '../../services/rights.js';
import { contextOf } from '../context.js';
import { BODY_LIMIT } from '../limits.js';
import { detectFormat, mebibytes, PREVIEW_CHANGES, previewToken, UPLOAD_LIMIT } from '../uploads.js';
import { organizationName } from './error-page.js';
import { Layout } from './layout.js';
import { sendPage } from './render.js';

const PATH = '/import';

type ListedChange = NonNullable<FileImportOutcome['report']['changes']>['changes'][number];

const FORMAT_LABELS: Record<ImportFormat, [string, string]> = {
  json: ['hyoka/1 文書 (JSON)', 'hyoka/1 document'],
  xlsx: ['Excel ブック', 'Excel workbook'],
  csv: ['CSV (実績・予算)', 'CSV of periods or budgets'],
  'sheet-text': ['公表済みシートのテキスト', 'text of a published sheet'],
};

const MODE_LABELS: Record<FileImportMode, [string, string]> = {
  replace: ['置換：ファイルの内容を団体のデータにする（管理者）', 'replace: the file becomes the organization’s data (admin)'],
  merge: ['統合：ファイルの事業だけを置き換える', 'merge: each project in the file replaces that project'],
  update: ['更新：登録済みの値だけを更新する', 'update: values of records that exist'],
};

/** An upload waiting between its preview and its confirmation. */
interface Pending {
  session: string;
  bytes: Buffer;
  format: ImportFormat;
  mode: FileImportMode;
  bureau: string | undefined;
  token: string;
  at: number;
}

const PENDING_LIMIT = 16;
/** Bytes of all the uploads waiting: the oldest make room (their confirmation asks for the file again). */
const PENDING_BYTES = 128 * 1024 * 1024;
const PENDING_MS = 15 * 60 * 1000;
const pending = new Map<string, Pending>();

function keep(upload: Pending): string {
  const now = Date.now();
  for (const [id, entry] of pending) if (now - entry.at > PENDING_MS) pending.delete(id);
  const waiting = () => [...pending.values()].reduce((sum, entry) => sum + entry.bytes.length, 0);
  while (pending.size > 0 && (pending.size >= PENDING_LIMIT || waiting() + upload.bytes.length > PENDING_BYTES)) pending.delete(pending.keys().next().value!);
  const id = randomBytes(18).toString('base64url');
  pending.set(id, upload);
  return id;
}

interface Uploaded {
  fileName: string;
  bytes: Buffer;
}

type UploadForm = { _csrf?: string; file?: Uploaded; format?: string; mode?: string; bureau?: string };

interface FormState {
  format?: string | undefined;
  mode?: string | undefined;
  bureau?: string | undefined;
}

/** The modes this user is offered: replace only to whoever may replace the organization. */
function offeredModes(request: FastifyRequest): FileImportMode[] {
  const actor = request.actor;
  const admin = actor.kind !== 'user' || may(actor, 'import-replace', { orgId: actor.orgId });
  return admin ? ['replace', 'merge', 'update'] : ['merge', 'update'];
}

function Problems({ message, problems }: { message: string; problems: readonly Problem[] }) {
  return (
    <div className="form-error" role="alert">
      <p>{message}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function UploadForm(props: { csrf: string | undefined; modes: FileImportMode[]; form: FormState }) {
  return (
    <form className="account-form" method="post" action={PATH} encType="multipart/form-data">
      {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
      <label>
        ファイル <span lang="en">File</span>
        <input type="file" name="file" required accept=".json,.xlsx,.csv,.txt" />
      </label>
      <label>
        形式 <span lang="en">Format</span>
        <select name="format" defaultValue={props.form.format ?? 'auto'}>
          <option value="auto">ファイルから判定 (auto)</option>
          {IMPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format][0]} ({FORMAT_LABELS[format][1]})
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>
          取込みの方法 <span lang="en">Mode</span>
        </legend>
        {props.modes.map((mode, index) => (
          <label key={mode}>
            <input type="radio" name="mode" value={mode} defaultChecked={props.form.mode === undefined ? index === 0 : props.form.mode === mode} /> {MODE_LABELS[mode][0]}{' '}
            <span lang="en">{MODE_LABELS[mode][1]}</span>
          </label>
        ))}
        <p>
          CSV はいつも「更新」で取り込みます。 <span lang="en">A CSV is always imported as an update.</span>
        </p>
      </fieldset>
      <label>
        局（シートのテキストのみ） <span lang="en">Bureau (sheet text only)</span>
        <input name="bureau" defaultValue={props.form.bureau ?? ''} />
      </label>
      <p>
        上限：Excel {mebibytes(UPLOAD_LIMIT.xlsx)}、JSON・CSV {mebibytes(UPLOAD_LIMIT.json)}、テキスト {mebibytes(UPLOAD_LIMIT['sheet-text'])}{' '}
        <span lang="en">Limits: as the API’s</span>
      </p>
      <button type="submit">
        プレビュー <span lang="en">Preview</span>
      </button>
    </form>
  );
}

function ImportPage(props: {
  organization: string;
  csrf: string | undefined;
  modes: FileImportMode[];
  form: FormState;
  error?: { message: string; problems: readonly Problem[] } | undefined;
}) {
  return (
    <Layout title="ファイルの取込み" titleEn="Import a file" organization={props.organization} path={PATH}>
      <p>
        ファイルを選ぶと、取り込む前に変わる値を一つずつ確かめられます。{' '}
        <span lang="en">Choose a file: every value it changes is listed before anything is written.</span>
      </p>
      {props.error && <Problems message={props.error.message} problems={props.error.problems} />}
      <UploadForm csrf={props.csrf} modes={props.modes} form={props.form} />
    </Layout>
  );
}

const shown = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

function ChangeTable({ changes }: { changes: readonly ListedChange[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>項目 <span lang="en">Path</span></th>
          <th>ファイルの位置 <span lang="en">Cell or line</span></th>
          <th>変更前 <span lang="en">Before</span></th>
          <th>変更後 <span lang="en">After</span></th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, index) => (
          <tr key={index}>
            <td>
              <code>{change.path}</code>
            </td>
            <td>{change.place ?? ''}</td>
            <td>{shown(change.before)}</td>
            <td>{shown(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Counts({ outcome }: { outcome: FileImportOutcome }) {
  return (
    <table>
      <thead>
        <tr>
          <th>記録 <span lang="en">Records</span></th>
          <th>追加 <span lang="en">Added</span></th>
          <th>更新 <span lang="en">Updated</span></th>
          <th>削除 <span lang="en">Removed</span></th>
          <th>変更なし <span lang="en">Same</span></th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(outcome.report.counts).map(([kind, counts]) => (
          <tr key={kind}>
            <td>{kind}</td>
            <td>{counts.added}</td>
            <td>{counts.updated}</td>
            <td>{counts.removed}</td>
            <td>{counts.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PreviewPage(props: { organization: string; csrf: string | undefined; outcome: FileImportOutcome; format: ImportFormat; id: string }) {
  const { outcome } = props;
  const changes = outcome.report.changes ?? { total: 0, changes: [] };
  return (
    <Layout title="取込みのプレビュー" titleEn="Import preview" organization={props.organization} path={PATH}>
      <p>
        {FORMAT_LABELS[props.format][0]}・{MODE_LABELS[outcome.mode][0]}{' '}
        <span lang="en">
          {FORMAT_LABELS[props.format][1]}, {MODE_LABELS[outcome.mode][1]}
        </span>
      </p>
      {changes.total === 0 ? (
        <p className="import-unchanged">
          変更なし：このファイルは何も変えません。 <span lang="en">Unchanged: the file changes nothing.</span>
        </p>
      ) : (
        <>
          <h2>
            変わる値 {changes.total} 件 <span lang="en">{changes.total} changed value(s)</span>
            {changes.changes.length < changes.total && ` (最初の ${changes.changes.length} 件 / the first ${changes.changes.length})`}
          </h2>
          <ChangeTable changes={changes.changes} />
        </>
      )}
      {outcome.report.largeRemoval && <p className="form-error">{outcome.report.largeRemoval.message}</p>}
      {outcome.notes && <pre className="import-notes">{outcome.notes}</pre>}
      <h2>
        記録の数 <span lang="en">Records</span>
      </h2>
      <Counts outcome={outcome} />
      {changes.total > 0 && (
        <form method="post" action={`${PATH}/confirm`}>
          {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
          <input type="hidden" name="upload" value={props.id} />
          <button type="submit">
            この内容で取り込む <span lang="en">Import it</span>
          </button>
        </form>
      )}
      <p>
        <a href={PATH}>
          別のファイルを選ぶ <span lang="en">Choose another file</span>
        </a>
      </p>
    </Layout>
  );
}

function DonePage(props: { organization: string; outcome: FileImportOutcome }) {
  const changes = props.outcome.report.changes;
  return (
    <Layout title="取り込みました" titleEn="Imported" organization={props.organization} path={PATH}>
      {changes && <ChangeTable changes={changes.changes} />}
      <Counts outcome={props.outcome} />
      <p>
        <a href={PATH}>
          続けて取り込む <span lang="en">Import another file</span>
        </a>
      </p>
    </Layout>
  );
}

export function registerImportPage(app: FastifyInstance): void {
  const signIn = (request: FastifyRequest, reply: FastifyReply) => reply.redirect(`/login?${new URLSearchParams({ next: PATH }).toString()}`, 303);
  const showForm = async (request: FastifyRequest, reply: FastifyReply, form: FormState, error?: ServiceError) => {
    const status = error === undefined ? 200 : error.kind === 'forbidden' ? 403 : error.kind === 'conflict' ? 409 : 400;
    const page = (
      <ImportPage
        organization={await organizationName(request)}
        csrf={request.csrf}
        modes={offeredModes(request)}
        form={form}
        error={error && { message: error.message, problems: error.problems }}
      />
    );
    return sendPage(reply, page, status);
  };
  /** A refusal of the service shown on the form; anything else goes to the error page. */
  const refused = (request: FastifyRequest, reply: FastifyReply, form: FormState, error: unknown) => {
    const service = asServiceError(error);
    if (service === undefined || !['invalid', 'forbidden', 'conflict'].includes(service.kind)) throw error;
    return showForm(request, reply, form, service);
  };

  app.get(PATH, { schema: { hide: true } }, (request, reply) => (request.actor.kind === 'user' ? showForm(request, reply, {}) : signIn(request, reply)));

  app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: BODY_LIMIT, files: 1, fields: 8, fieldSize: 64 * 1024 },
      async onFile(part) {
        (part as unknown as { value: Uploaded }).value = { fileName: part.filename, bytes: await part.toBuffer() };
      },
    });
    scope.post(PATH, { schema: { hide: true }, bodyLimit: BODY_LIMIT + 1024 * 1024 }, async (request, reply) => {
      if (request.actor.kind !== 'user') return signIn(request, reply);
      const body = (request.body ?? {}) as UploadForm;
      const form: FormState = { format: body.format, mode: body.mode, bureau: body.bureau };
      try {
        const upload = readUpload(request, body);
        const outcome = await importFile(contextOf(request), upload.bytes, {
          format: upload.format,
          mode: upload.mode,
          dryRun: true,
          listChanges: PREVIEW_CHANGES,
          ...(upload.bureau !== undefined && { bureau: upload.bureau }),
        });
        const id = keep({ ...upload, session: request.sessionId ?? '', token: tokenOf(upload, outcome), at: Date.now() });
        const organization = await organizationName(request);
        return sendPage(reply, <PreviewPage organization={organization} csrf={request.csrf} outcome={outcome} format={upload.format} id={id} />);
      } catch (error) {
        return refused(request, reply, form, error);
      }
    });
  });

  app.post(`${PATH}/confirm`, { schema: { hide: true } }, async (request, reply) => {
    if (request.actor.kind !== 'user') return signIn(request, reply);
    const id = String((request.body as { upload?: unknown } | undefined)?.upload ?? '');
    const upload = pending.get(id);
    try {
      if (upload === undefined || upload.session !== (request.sessionId ?? '')) {
        throw new ServiceError('conflict', 'プレビューの期限が切れました。もう一度ファイルを選んでください / The preview has expired: choose the file again');
      }
      const ctx = contextOf(request);
      const options = { format: upload.format, mode: upload.mode, ...(upload.bureau !== undefined && { bureau: upload.bureau }) };
      const fresh = await importFile(ctx, upload.bytes, { ...options, dryRun: true, listChanges: PREVIEW_CHANGES });
      if (tokenOf(upload, fresh) !== upload.token) {
        throw new ServiceError('conflict', 'プレビューの後にデータが変わりました。もう一度プレビューしてください / The data changed since the preview: preview again');
      }
      pending.delete(id);
      // The preview showed what goes: confirming it allows that.
      const outcome = await importFile(ctx, upload.bytes, { ...options, allowRemovals: true, listChanges: PREVIEW_CHANGES });
      return sendPage(reply, <DonePage organization={await organizationName(request)} outcome={outcome} />);
    } catch (error) {
      return refused(request, reply, { format: upload?.format, mode: upload?.mode, bureau: upload?.bureau }, error);
    }
  });
}

function tokenOf(upload: Omit<Pending, 'session' | 'token' | 'at'>, outcome: FileImportOutcome): string {
  return previewToken(upload.bytes, upload.format, JSON.stringify([upload.mode, upload.bureau ?? null]), outcome);
}

/** The upload's file, format (chosen, else told from the file), mode (one offered) and size within the format's limit. */
function readUpload(request: FastifyRequest, body: UploadForm): Omit<Pending, 'session' | 'token' | 'at'> {
  const file = body.file;
  if (file === undefined || typeof file !== 'object' || !Buffer.isBuffer(file.bytes) || file.bytes.length === 0) {
    throw new ServiceError('invalid', 'ファイルを選んでください / Choose a file');
  }
  const format = body.format === undefined || body.format === 'auto' ? detectFormat(file.fileName, file.bytes) : body.format;
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new ServiceError('invalid', `形式「${format}」は取り込めません / Unknown format ${format}`);
  const known = format as ImportFormat;
  if (file.bytes.length > UPLOAD_LIMIT[known]) {
    throw new ServiceError('invalid', `ファイルが大きすぎます (上限 ${mebibytes(UPLOAD_LIMIT[known])}) / The file is too large (limit ${mebibytes(UPLOAD_LIMIT[known])})`);
  }
  // A CSV has one mode; otherwise the mode chosen, among those offered.
  const offered = offeredModes(request).filter((mode) => modesOf(known).includes(mode));
  const mode = known === 'csv' ? 'update' : (body.mode as FileImportMode | undefined) ?? offered[0]!;
  if (!modesOf(known).includes(mode)) {
    throw new ServiceError('invalid', `${known} は ${modesOf(known).join('・')} で取り込みます / A ${known} file is imported as ${modesOf(known).join(' or ')}, not ${mode}`);
  }
  if (!offered.includes(mode)) {
    throw new ServiceError('forbidden', `${known} の取込みに「${mode}」は選べません (${offered.join('・')}) / ${mode} is not offered for this file (${offered.join(', ')})`);
  }
  const bureau = body.bureau?.trim() || undefined;
  return { bytes: file.bytes, format: known, mode, bureau };
}
