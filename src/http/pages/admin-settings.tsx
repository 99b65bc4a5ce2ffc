// /admin/settings (workflow.md, "Pages and API"): the organization's grades, grade bands,
// courses, budget band, rate decimals and stages, for an admin. A plain form: 「影響を確認」
// posts the typed settings for a preview of what would read differently in the stored data
// (nothing written); the preview offers 「保存」, which saves them as an admin's edit and
// comes back here (post, redirect, get). Problems stand beside their inputs, the text kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { previewSettings, readSettings, saveSettings, type SettingsPreview } from '../../services/settings.js';
import { asServiceError, type Problem } from '../../services/errors.js';
import { formFields, unplacedProblems } from '../../services/views/form-field.js';
import { DEFAULT_TEXT, SETTINGS_FIELDS, settingsFormValues, type SettingsEffect, type SettingsValues } from '../../services/views/settings-form.js';
import { contextOf } from '../context.js';
import { En } from './dashboard-parts.js';
import { organizationName } from './error-page.js';
import { FormProblems, Hidden, Select, TextArea, TextInput } from './form-fields.js';
import { Layout } from './layout.js';
import { orgOf, queryHref } from './page-query.js';
import { signInFirst } from './project-edit.js';
import { sendPage } from './render.js';

const PATH = '/admin/settings';

const STAGE_OPTIONS = [
  { value: '', label: '既定（作成中・提出済・局確認済・確定） default' },
  { value: 'with-review', label: '作成中・提出済・局確認済・確定 with bureau review' },
  { value: 'without-review', label: '作成中・提出済・確定（局確認なし） without bureau review' },
];

interface PageProps {
  values: SettingsValues;
  problems: Problem[];
  effect?: SettingsEffect | undefined;
  saved: boolean;
  action: string;
  csrf?: string | undefined;
}

function SettingsForm({ values, problems, effect, saved, action, csrf }: PageProps) {
  const fields = formFields(values, problems);
  return (
    <>
      {saved && (
        <p role="status">
          設定を保存しました <En>Settings saved</En>
        </p>
      )}
      <p>
        空欄の項目は既定値（灰色の例）のままです <En>An empty input keeps the default shown in grey</En>
      </p>
      <FormProblems problems={unplacedProblems(SETTINGS_FIELDS, problems)} />
      {effect && <Effect effect={effect} />}
      <form className="edit-form" method="post" action={action}>
        <Hidden csrf={csrf} fields={{}} />
        <Placeholder text={DEFAULT_TEXT.grades}>
          <TextArea field={fields.grades} label="評価（よい順に1行に1つ）" en="Grades, best first, one a line" rows={5} />
        </Placeholder>
        <TextInput field={fields.gradeBands} label={`評価の境界（平均達成率%、カンマ区切り。既定 ${DEFAULT_TEXT.gradeBands}）`} en="Grade bands (lowest mean rate of each grade but the last)" size={20} />
        <Placeholder text={DEFAULT_TEXT.courses}>
          <TextArea field={fields.courses} label="成果の方向性（1行に1つ）" en="Courses, one a line" rows={8} />
        </Placeholder>
        <TextInput field={fields.budgetFlatBand} label={`維持とみなす予算の増減幅（%、既定 ${DEFAULT_TEXT.budgetFlatBand}）`} en="Budget flat band (percent)" size={6} inputMode="decimal" />
        <TextInput field={fields.rateDecimals} label={`達成率の小数桁数（0〜4、既定 ${DEFAULT_TEXT.rateDecimals}）`} en="Rate decimals (0–4)" size={2} inputMode="numeric" />
        <Select field={fields.stages} label="評価の段階" en="Review stages" options={STAGE_OPTIONS} />
        <p>
          <button type="submit" name="_action" value="preview">
            影響を確認 <En>Preview the effect</En>
          </button>{' '}
          {effect && (
            <button type="submit" name="_action" value="save">
              この設定を保存 <En>Save these settings</En>
            </button>
          )}
        </p>
      </form>
    </>
  );
}

/** The default beside an input whose default is a list. */
function Placeholder({ text, children }: { text: string; children: ReactNode }) {
  return (
    <div className="with-default">
      {children}
      <p className="default-value">
        既定 <En>Default</En>: {text.replace(/\n/g, '・')}
      </p>
    </div>
  );
}

function Effect({ effect }: { effect: SettingsEffect }) {
  const unchanged = effect.suggestedGrades + effect.budgetChanges + effect.achievementRates === 0;
  return (
    <section className="settings-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        この設定にしたときの影響（まだ保存していません） <En>Effect of these settings (not saved yet)</En>
      </h2>
      <ul>
        <li>提案評価が変わる評価: {effect.suggestedGrades}件 <En>suggested grades that change</En></li>
        <li>増減の表示が変わる予算: {effect.budgetChanges}件 <En>budget change labels that change</En></li>
        <li>表示が変わる達成率: {effect.achievementRates}件 <En>achievement rates that change</En></li>
      </ul>
      {unchanged ? (
        <p>
          表示される値は変わりません <En>No value shown changes</En>
        </p>
      ) : (
        <table>
          <caption>
            変わる値（最初の{effect.examples.length}件） <En>Values that change (the first ones)</En>
          </caption>
          <thead>
            <tr>
              <th scope="col">項目 <En>Path</En></th>
              <th scope="col">現在 <En>Now</En></th>
              <th scope="col">変更後 <En>After</En></th>
            </tr>
          </thead>
          <tbody>
            {effect.examples.map((example) => (
              <tr key={example.path}>
                <td><code>{example.path}</code></td>
                <td>{example.before}</td>
                <td>{example.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function registerAdminSettings(app: FastifyInstance): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, props: Omit<PageProps, 'action' | 'csrf'>, status = 200) =>
    sendPage(
      reply,
      <Layout title="設定" titleEn="Settings" organization={await organizationName(request)} org={orgOf(request.query)} path={PATH}>
        <SettingsForm {...props} action={queryHref(PATH, { org: orgOf(request.query) })} csrf={request.csrf} />
      </Layout>,
      status,
    );

  app.get(PATH, { schema: { hide: true } }, async (request, reply) => {
    const refused = signInFirst(request, reply);
    if (refused) return refused;
    const settings = await readSettings(contextOf(request));
    return show(request, reply, { values: settingsFormValues(settings), problems: [], saved: (request.query as { saved?: unknown }).saved === '1' });
  });

  app.post(PATH, { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(SETTINGS_FIELDS.map((field) => [field, typeof body[field] === 'string' ? (body[field] as string) : ''])) as SettingsValues;
    let result: SettingsPreview;
    if (body._action === 'save') {
      try {
        await saveSettings(contextOf(request), values);
        return reply.redirect(queryHref(PATH, { org: orgOf(request.query), saved: 1 }), 303);
      } catch (error) {
        const service = asServiceError(error);
        if (service?.kind !== 'invalid') throw error;
        result = { settings: {}, problems: service.problems };
      }
    } else {
      result = await previewSettings(contextOf(request), values);
    }
    return show(request, reply, { values, problems: result.problems, effect: result.effect, saved: false }, result.problems.length > 0 ? 400 : 200);
  });
}
