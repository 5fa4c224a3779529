/**
 * The article's revisions, newest first; one opens as a readable diff (word level for the
 * headline, summary and body) against the revision before it or the current version, and can
 * be restored: a PATCH with its fields, so the restore is itself a new revision.
 */
import { useState } from 'react';
import { api } from '../api.ts';
import { formatInZone } from '../time.ts';
import { type ArticleFields, fieldsOf, type RevisionJson, type SiteJson } from '../types.ts';
import { useLoad } from '../use-api.ts';
import { blocksToText } from './blocks.ts';
import { DiffText } from './diff-view.tsx';

export function RevisionsPanel(props: {
  articleId: number;
  revision: number;
  site: SiteJson;
  current: ArticleFields;
  names: { section: (id: number) => string; tag: (id: number) => string };
  userId: number;
  onRestore: (fields: ArticleFields) => Promise<boolean>;
}) {
  const list = useLoad(() => api.revisions(props.articleId), [props.articleId, props.revision]);
  const [open, setOpen] = useState<RevisionJson | null>(null);
  const revisions = list.data ?? [];
  return (
    <section className="panel" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions</h2>
      {list.error ? <p className="field-error">{list.error}</p> : null}
      <ul className="revisions">
        {revisions.map((r) => (
          <li key={r.revision}>
            <button type="button" onClick={() => setOpen(r)} aria-current={open?.revision === r.revision}>
              <span>
                <strong>#{r.revision}</strong>{' '}
                {r.savedBy === props.userId ? 'you' : r.savedBy ? `staff #${r.savedBy}` : 'system'}
              </span>
              <span className="muted">{formatInZone(r.savedAt, props.site.timeZone, props.site.locale)}</span>
            </button>
          </li>
        ))}
      </ul>
      {open ? (
        <RevisionDialog
          revision={open}
          previous={revisions.find((r) => r.revision < open.revision) ?? null}
          current={props.current}
          names={props.names}
          onRestore={props.onRestore}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

function RevisionDialog(props: {
  revision: RevisionJson;
  previous: RevisionJson | null;
  current: ArticleFields;
  names: { section: (id: number) => string; tag: (id: number) => string };
  onRestore: (fields: ArticleFields) => Promise<boolean>;
  onClose: () => void;
}) {
  const [against, setAgainst] = useState<'previous' | 'current'>(props.previous ? 'previous' : 'current');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const chosen = fieldsOf(props.revision.snapshot);
  // Older on the left of the diff: the previous revision, or (for "current") what restoring replaces.
  const [older, newer] =
    against === 'previous' && props.previous
      ? [fieldsOf(props.previous.snapshot), chosen]
      : [props.current, chosen];
  const { section, tag } = props.names;
  const rows: [string, string, string][] = [
    ['Section', section(older.sectionId), section(newer.sectionId)],
    ['Tags', older.tagIds.map(tag).join(', '), newer.tagIds.map(tag).join(', ')],
    ['Keywords', older.keywords.join(', '), newer.keywords.join(', ')],
    ['Rights line', older.rightsLine ?? '', newer.rightsLine ?? ''],
    ['Byline', older.bylineText ?? '', newer.bylineText ?? ''],
    ['Dateline place', older.datelinePlace ?? '', newer.datelinePlace ?? ''],
    ['Featured image', older.featuredImage?.src ?? '', newer.featuredImage?.src ?? ''],
    ['Comments', older.commentsEnabled ? 'on' : 'off', newer.commentsEnabled ? 'on' : 'off'],
  ];
  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="revision-title">
        <div className="page-header">
          <h2 id="revision-title">Revision {props.revision.revision}</h2>
          <label className="filter">
            <span>Compare with</span>
            <select value={against} onChange={(e) => setAgainst(e.target.value as 'previous' | 'current')}>
              {props.previous ? (
                <option value="previous">Revision {props.previous.revision} (before it)</option>
              ) : null}
              <option value="current">The current version (what restoring changes)</option>
            </select>
          </label>
        </div>
        <table className="diff-table">
          <tbody>
            <tr>
              <th scope="row">Headline</th>
              <td className="diff" data-testid="diff-headline">
                <DiffText older={older.headline} newer={newer.headline} />
              </td>
            </tr>
            <tr>
              <th scope="row">Summary</th>
              <td className="diff">
                <DiffText older={older.summary} newer={newer.summary} />
              </td>
            </tr>
            <tr>
              <th scope="row">Body</th>
              <td className="diff">
                <DiffText older={blocksToText(older.body)} newer={blocksToText(newer.body)} />
              </td>
            </tr>
            {rows
              .filter(([, a, b]) => a !== b)
              .map(([name, a, b]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td className="diff">
                    <del>{a || '(none)'}</del> → <ins>{b || '(none)'}</ins>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        {failed ? (
          <p className="form-error">The restore was not saved; see the messages in the editor.</p>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="button ghost" onClick={props.onClose}>
            Close
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const ok = await props.onRestore(chosen);
              setBusy(false);
              if (ok) props.onClose();
              else setFailed(true);
            }}
          >
            Restore revision {props.revision.revision}
          </button>
        </div>
      </div>
    </div>
  );
}
