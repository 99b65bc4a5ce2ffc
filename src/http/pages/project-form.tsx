// The project form (/projects/:key/edit) as HTML: Plan, Check (the indicators), Do (costs) and
// Action (the evaluations of the year), one plain form posted whole. A stale save shows, above
// the form, each differing value as typed and as stored; the inputs keep what was typed.
import { CourseMark, SameTextMark, TextDiffView } from './carry-marks.js';
import type { CostFields, EvaluationFields, IndicatorFields, ProjectFormView, TargetFields } from '../../services/views/project-form.js';
import type { FormValues } from '../../services/views/project-form-fields.js';
import { En } from './dashboard-parts.js';
import { choices, FormProblems, Hidden, SaveButton, Select, TextArea, TextInput, type Option } from './form-fields.js';

const TARGET_KINDS: Option[] = [
  { value: '', label: '目標なし（—）' },
  { value: 'number', label: '数値 number' },
  { value: 'previous-year', label: '前年度比 previous year' },
  { value: 'rank', label: '順位（N位以内） rank' },
  { value: 'qualitative', label: '定性 text' },
  { value: 'none', label: '設定なし none' },
  { value: 'pending', label: '設定予定 pending' },
];
const DIRECTIONS: Option[] = [
  { value: 'increase', label: '増 increase' },
  { value: 'decrease', label: '減 decrease' },
];
const ACHIEVED: Option[] = [
  { value: '', label: '—' },
  { value: 'true', label: '達成 achieved' },
  { value: 'false', label: '未達成 not achieved' },
];
const PROVISIONAL: Option[] = [
  { value: '', label: '確定値 final' },
  { value: 'true', label: '速報値 provisional' },
];
const BETTER: Option[] = [
  { value: 'higher', label: '高いほどよい higher' },
  { value: 'lower', label: '低いほどよい lower' },
];
const BASES: Option[] = [
  { value: '', label: '—' },
  { value: 'by-year', label: '年度まで by year' },
  { value: 'every-year', label: '毎年度 every year' },
  { value: 'cumulative', label: '累計 cumulative' },
  { value: 'span', label: '期間計 span' },
];

export interface ProjectFormProps {
  view: ProjectFormView;
  action: string;
  csrf?: string | undefined;
  /** The values the form is filled from, sent back (`_original`) so that a save knows which fields the person changed. */
  original: FormValues;
}

export function ProjectForm({ view, action, csrf, original }: ProjectFormProps) {
  return (
    <>
      {view.conflicts.length > 0 && <Conflicts view={view} />}
      <FormProblems problems={view.problems} placed={view.placedProblems} />
      <form className="edit-form" method="post" action={action}>
        <Hidden csrf={csrf} fields={{ _version: view.version, _year: String(view.fiscalYear), _original: JSON.stringify(original) }} />
        <section aria-labelledby="plan">
          <h2 id="plan">
            Plan 計画 <En>summary and SDGs</En>
          </h2>
          <TextArea field={view.summary} label="事業・取組概要" en="Summary" rows={5} />
          <TextInput field={view.sdgs} label="SDGs ゴール（番号をカンマ区切り）" en="SDG goals (numbers, comma-separated)" size={30} />
        </section>
        <section aria-labelledby="check">
          <h2 id="check">
            Check 成果指標 <En>Indicators, targets and actuals</En>
          </h2>
          {view.indicators.length === 0 && (
            <p>
              成果指標はありません <En>No indicators</En>
            </p>
          )}
          {view.indicators.map((indicator) => (
            <IndicatorFieldset key={indicator.key} indicator={indicator} />
          ))}
          {view.newIndicator.name.editable && (
            <fieldset className="indicator-fields">
              <legend>
                成果指標の追加 <En>Add an indicator</En>
              </legend>
              <p>
                名前を入れると追加されます。目標と実績は保存の後に入力できます <En>A name adds it; its targets and actuals follow once saved</En>
              </p>
              <div className="field-row">
                <TextInput field={view.newIndicator.name} label="指標名" en="Name" size={40} />
                <TextInput field={view.newIndicator.unit} label="単位" en="Unit" size={6} />
                <TextInput field={view.newIndicator.key} label="キー（空欄なら自動）" en="Key (empty: made for you)" size={16} />
              </div>
            </fieldset>
          )}
        </section>
        <section aria-labelledby="do">
          <h2 id="do">
            Do 予算・人件費 <En>Budgets and personnel costs (thousand yen)</En>
          </h2>
          <CostTable caption="予算額（千円）" en="Budget (thousand yen)" years={view.budgets} />
          <CostTable caption="人件費（目安・千円）" en="Personnel cost (thousand yen)" years={view.personnelCosts} />
          {view.rowPersonnelCosts.map((row) => (
            <CostTable key={row.label} caption={`${row.label} の人件費（千円）`} en={`Personnel cost of ${row.label}`} years={row.years} />
          ))}
        </section>
        <section aria-labelledby="action">
          <h2 id="action">
            Action {view.yearLabel}の評価 <En>Evaluation of the year</En>
          </h2>
          {view.evaluations.map((evaluation) => (
            <EvaluationFieldset key={evaluation.label} evaluation={evaluation} view={view} />
          ))}
        </section>
        <SaveButton />
      </form>
    </>
  );
}

function Conflicts({ view }: { view: ProjectFormView }) {
  return (
    <div className="form-problems conflicts" role="alert">
      <p className="form-error">
        開いている間に他の人がこの事業を保存しました。下の値を見比べ、残す値にしてからもう一度保存してください{' '}
        <En>Someone saved this project while you had it open: compare the values below, keep the ones you want and save again</En>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">項目 <En>Path</En></th>
            <th scope="col">あなたの値 <En>Yours</En></th>
            <th scope="col">保存済みの値 <En>Stored</En></th>
          </tr>
        </thead>
        <tbody>
          {view.conflicts.map((row) => (
            <tr key={row.path}>
              <td><code>{row.path}</code></td>
              <td className="mine">{row.mine}</td>
              <td className="stored">{row.stored}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TargetInputs({ target, label }: { target: TargetFields; label: string }) {
  return (
    <span className="target-inputs">
      <Select field={target.kind} label={`${label}の種類`} en="kind" bare options={TARGET_KINDS} />
      <TextInput field={target.value} label={`${label}（数値・順位・内容・注記）`} en="figure, rank, text or note" bare size={12} />
      <Select field={target.direction} label={`${label}の増減（前年度比）`} en="direction (previous year)" bare options={DIRECTIONS} />
    </span>
  );
}

function IndicatorFieldset({ indicator }: { indicator: IndicatorFields }) {
  return (
    <fieldset className="indicator-fields">
      <legend>{indicator.title}</legend>
      <div className="field-row">
        <TextInput field={indicator.name} label="指標名" en="Name" size={40} />
        <TextInput field={indicator.unit} label="単位" en="Unit" size={6} />
        <Select field={indicator.better} label="よい向き" en="Better" options={BETTER} />
        <TextInput field={indicator.decimals} label="表示桁数" en="Decimals" size={2} inputMode="numeric" />
      </div>
      <div className="field-row">
        <TextInput field={indicator.baseline.value} label="現状値" en="Baseline" size={10} inputMode="decimal" />
        <TextInput field={indicator.baseline.text} label="現状値（数値でないとき）" en="Baseline as text" size={20} />
        <TextInput field={indicator.baseline.fiscalYear} label="現状値の年度" en="Year" size={8} />
        <TextInput field={indicator.baseline.label} label="現状値の表記" en="As printed" size={20} />
      </div>
      <fieldset className="mid-term">
        <legend>
          中期目標 <En>Mid-term target</En>
          {indicator.midTerm.printed && `: ${indicator.midTerm.printed}`}
        </legend>
        <div className="field-row">
          <div className="field">
            <span>
              目標 <En>Target</En>
            </span>
            <TargetInputs target={indicator.midTerm.target} label="中期目標" />
          </div>
          <Select field={indicator.midTerm.basis} label="期限の種類" en="Basis" options={BASES} />
          <TextInput field={indicator.midTerm.fiscalYear} label="期限の年度" en="Due year" size={8} />
          <TextInput field={indicator.midTerm.from} label="起点の年度" en="From" size={8} />
          <TextInput field={indicator.midTerm.to} label="終点の年度" en="To" size={8} />
          <TextInput field={indicator.midTerm.label} label="表記" en="As printed" size={20} />
        </div>
        {indicator.midTerm.set && indicator.midTerm.target.value.editable && (
          <TextArea field={indicator.midTerm.reason} label="中期目標を変更する理由（変更するときは必須）" en="Reason for changing the mid-term target (required when it changes)" rows={2} />
        )}
      </fieldset>
      <table className="period-table">
        <caption>
          年度別の目標と実績 <En>Targets and actuals by year</En>
        </caption>
        <thead>
          <tr>
            <th scope="col">年度 <En>Year</En></th>
            <th scope="col">目標 <En>Target</En></th>
            <th scope="col">実績 <En>Actual</En></th>
            <th scope="col">達成（定性） <En>Achieved</En></th>
            <th scope="col">速報値 <En>Provisional</En></th>
          </tr>
        </thead>
        <tbody>
          {indicator.periods.map((period) => (
            <tr key={period.fiscalYear}>
              <th scope="row">{period.yearLabel}</th>
              <td>
                <TargetInputs target={period.target} label={`${period.yearLabel}の目標`} />
              </td>
              <td>
                <TextInput field={period.actual} label={`${period.yearLabel}の実績`} en="actual" bare size={10} />
              </td>
              <td>
                <Select field={period.achieved} label={`${period.yearLabel}の達成`} en="achieved" bare options={ACHIEVED} />
              </td>
              <td>
                <Select field={period.provisional} label={`${period.yearLabel}の速報値`} en="provisional" bare options={PROVISIONAL} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

function CostTable({ caption, en, years }: { caption: string; en: string; years: CostFields[] }) {
  return (
    <table className="cost-table">
      <caption>
        {caption} <En>{en}</En>
      </caption>
      <tbody>
        <tr>
          {years.map((year) => (
            <th key={year.fiscalYear} scope="col">
              {year.yearLabel}
            </th>
          ))}
        </tr>
        <tr>
          {years.map((year) => (
            <td key={year.fiscalYear}>
              <TextInput field={year.amount} label={`${year.yearLabel} ${caption}`} en={en} bare size={10} inputMode="numeric" />
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function EvaluationFieldset({ evaluation, view }: { evaluation: EvaluationFields; view: ProjectFormView }) {
  const { marks } = evaluation;
  return (
    <fieldset className="evaluation-fields">
      <legend>{evaluation.label}</legend>
      {evaluation.previous && (
        <p className="previous-evaluation">
          前年度の方向性 <En>Last year’s course</En>: {evaluation.previous.course ?? '—'}
          <br />
          前年度の強化・見直した内容 <En>Last year’s improvement</En>: {evaluation.previous.improvement ?? '—'}
        </p>
      )}
      {marks.diff && <TextDiffView parts={marks.diff} label={`前年度との差分 / Difference from last year: ${evaluation.label}`} />}
      <div className="field-row">
        <Select field={evaluation.grade} label="事業評価" en="Grade" options={choices(view.grades)} />
        <p className="suggested">
          提案 <En>Suggested</En>: <strong>{evaluation.suggestedGrade ?? '—'}</strong>
        </p>
        <Select field={evaluation.course} label="成果の方向性" en="Course" options={choices(view.courses)} />
      </div>
      <CourseMark carried={marks.carried} confirmed={marks.confirmed.course} field={marks.confirm.course} label={`${evaluation.label} 成果の方向性`} />
      <TextArea field={evaluation.gradeReason} label="提案と異なる理由（異なるときは必須）" en="Reason the grade differs from the suggestion (required when it does)" rows={2} />
      <TextArea field={evaluation.improvement} label="強化・見直した内容" en="Improvement" rows={5} />
      <SameTextMark same={marks.sameAsLastYear} confirmed={marks.confirmed.improvement} field={marks.confirm.improvement} label={`${evaluation.label} 強化・見直した内容`} />
    </fieldset>
  );
}
