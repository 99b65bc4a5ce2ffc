// The project page's section on its entry in the open cycle, for signed-in users who may read
// it: stage, scope, what is missing, 前年と同一, and the whole thread of transitions with their
// comments (a return's reason first among what a division reads).
import type { EntryThread } from '../../services/cycle-entry.js';
import { pathLabel, stageLabel } from '../../services/views/cycle-labels.js';
import { japanTime } from '../../services/views/history.js';
import { En, yearLabel } from './dashboard-parts.js';
import { queryHref } from './page-query.js';
import { StageText } from './stage-forms.js';

export function EntryThreadSection({ thread, org }: { thread: EntryThread & { fiscalYear: number }; org?: string | undefined }) {
  return (
    <section id="cycle-entry" aria-labelledby="cycle-entry-title">
      <h2 id="cycle-entry-title">
        {yearLabel(thread.fiscalYear)}の評価 <En>This cycle’s entry</En>
      </h2>
      <p>
        段階 <En>Stage</En>: <StageText stage={thread.stage} />・範囲 <En>Scope</En>: {thread.scope}・
        <a href={queryHref('/tasks', { org })}>作業一覧 <En>My tasks</En></a>
      </p>
      {thread.missing.length > 0 && (
        <>
          <h3>未入力 <En>Missing inputs</En>（{thread.missing.length}）</h3>
          <ul>
            {thread.missing.map((path) => (
              <li key={path}>{pathLabel(path, thread.indicators)}</li>
            ))}
          </ul>
        </>
      )}
      {thread.sameAsLastYear.length > 0 && (
        <>
          <h3>前年と同一 <En>Same as last year</En>（{thread.sameAsLastYear.length}）</h3>
          <ul>
            {thread.sameAsLastYear.map((path) => (
              <li key={path}>{pathLabel(path, thread.indicators)}</li>
            ))}
          </ul>
        </>
      )}
      <h3>経過 <En>Thread</En></h3>
      {thread.transitions.length === 0 ? (
        <p>
          まだ移動はありません。 <En>No transition yet.</En>
        </p>
      ) : (
        <ol className="entry-thread">
          {thread.transitions.map((step, i) => (
            <li key={i}>
              <time dateTime={step.at}>{japanTime(step.at)}</time> {step.actor}: {stageLabel(step.from).ja} → {stageLabel(step.to).ja}{' '}
              <En>
                {step.from} → {step.to}
              </En>
              {step.comment !== undefined && <blockquote>{step.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
