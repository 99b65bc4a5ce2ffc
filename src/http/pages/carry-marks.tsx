// The marks of a value carried over from last year (workflow.md, "Carried over"): a course the
// cycle's opening carried (前年から引継ぎ・未確認) with a box to confirm it, an improvement the same
// as last year's (前年と同一) with a 変更なし box and its reason, a confirmation standing, and for
// reviewers the improvement's difference from last year's, read out by screen readers as
// 削除 / 追加. Plain form fields: it works without JavaScript.
import type { DiffPart } from '../../services/views/list-entry.js';

export function CourseMark(props: { carried: boolean; confirmed: string | undefined; field: { name: string; checked: boolean }; label: string }) {
  if (props.confirmed !== undefined) return <ConfirmedNote reason={props.confirmed} />;
  if (!props.carried) return null;
  return (
    <p className="entry-hint carried">
      前年から引継ぎ・未確認 <span lang="en">Carried over, unconfirmed</span>{' '}
      <label>
        <input type="checkbox" name={props.field.name} value="true" defaultChecked={props.field.checked} /> 確認した{' '}
        <span lang="en">Confirm</span>
        <span className="visually-hidden">：{props.label}</span>
      </label>
    </p>
  );
}

export function SameTextMark(props: {
  same: boolean;
  confirmed: string | undefined;
  field: { name: string; checked: boolean; reasonName: string; reason: string };
  label: string;
  error?: string | undefined;
}) {
  if (props.confirmed !== undefined) return <ConfirmedNote reason={props.confirmed} />;
  if (!props.same) return null;
  const reasonId = `reason-${props.field.reasonName.replace(/[^A-Za-z0-9_-]/g, (ch) => `.${ch.codePointAt(0)!.toString(36)}`)}`;
  return (
    <fieldset className="entry-hint same-as-last-year">
      <legend>
        前年と同一 <span lang="en">Same as last year</span>
        <span className="visually-hidden">：{props.label}</span>
      </legend>
      <label>
        <input type="checkbox" name={props.field.name} value="true" defaultChecked={props.field.checked} /> 変更なし <span lang="en">Unchanged</span>
      </label>{' '}
      <label htmlFor={reasonId}>
        理由 <span lang="en">Reason</span>
      </label>
      <input type="text" id={reasonId} name={props.field.reasonName} defaultValue={props.field.reason} size={16} aria-invalid={props.error ? true : undefined} />
    </fieldset>
  );
}

function ConfirmedNote({ reason }: { reason: string }) {
  return (
    <p className="entry-hint confirmed">
      確認済み <span lang="en">Confirmed</span>
      {reason !== '' && `（${reason}）`}
    </p>
  );
}

/** Last year's text against this year's: deletions and insertions marked, and named for screen readers. */
export function TextDiffView({ parts, label }: { parts: readonly DiffPart[]; label: string }) {
  return (
    <p className="text-diff" aria-label={label}>
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'del' ? (
          <del key={i}>
            <span className="visually-hidden">［削除 deleted：</span>
            {part.text}
            <span className="visually-hidden">］</span>
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">［追加 inserted：</span>
            {part.text}
            <span className="visually-hidden">］</span>
          </ins>
        ),
      )}
    </p>
  );
}
