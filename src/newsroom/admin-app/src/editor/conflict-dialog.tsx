/** Someone saved the article since this editor's copy was taken: both versions, side by side. */
import type { ArticleFields } from '../types.ts';
import { blocksToText } from './blocks.ts';
import { DiffText } from './diff-view.tsx';
import type { Conflict } from './use-article-draft.ts';

function Version({ title, fields }: { title: string; fields: ArticleFields }) {
  return (
    <div className="version">
      <h3>{title}</h3>
      <p className="v-headline">{fields.headline}</p>
      {fields.summary ? <p className="muted">{fields.summary}</p> : null}
      <p className="v-body">{blocksToText(fields.body) || 'No body yet.'}</p>
    </div>
  );
}

export function ConflictDialog(props: { conflict: Conflict; onChoose: (choice: 'mine' | 'theirs') => void }) {
  const { theirs, mine } = props.conflict;
  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title">
        <h2 id="conflict-title">This article was changed by someone else</h2>
        <p className="notice">
          Revision {theirs.revision} was saved while you were editing. Nothing is lost: choose which version
          to keep. Keeping yours saves it as a new revision; theirs stays in the revision history either way.
        </p>
        <div className="versions">
          <Version title="Your version (not saved)" fields={mine} />
          <Version title={`Their version (revision ${theirs.revision})`} fields={theirs} />
        </div>
        <h3 className="field-label diff-heading">What keeping yours changes in theirs</h3>
        <div className="panel diff">
          <DiffText older={theirs.headline} newer={mine.headline} />
          {'\n\n'}
          <DiffText older={blocksToText(theirs.body)} newer={blocksToText(mine.body)} />
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => props.onChoose('theirs')}>
            Use their version
          </button>
          <button type="button" className="button primary" onClick={() => props.onChoose('mine')}>
            Keep my version
          </button>
        </div>
      </div>
    </div>
  );
}
