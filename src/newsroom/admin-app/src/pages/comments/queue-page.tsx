/**
 * The moderation queues of the brand chosen in the top bar: pending (oldest first), reported
 * (oldest first, with the reasons readers gave) and rejected (newest first). Each comment shows
 * its article and author; moderators approve, reject, suspend or ban from here, one at a time or
 * for the selected comments, with the keyboard (j/k move, a approve, r reject, x select,
 * h the author's history).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { Pager } from '../../components.tsx';
import { useSignedIn } from '../../session.tsx';
import { formatInZone } from '../../time.ts';
import { useLoad } from '../../use-api.ts';
import { errorText } from '../not-yet.tsx';
import './moderation.css';
import {
  canManageCommunity,
  holdReasonLabels,
  moderationApi,
  type Queue,
  type QueueItemJson,
  reportReasonLabels,
} from './moderation-api.ts';
import { CommentStatusBadge, CommentsTabs, CommentText, StandingBadge } from './parts.tsx';

const queues: readonly Queue[] = ['pending', 'reported', 'rejected'];
const emptyText: Record<Queue, string> = {
  pending: 'Nothing waits for review. New comments held for moderation appear here.',
  reported: 'No reported comments. Comments readers report appear here.',
  rejected: 'No rejected comments.',
};
const DAY = 86_400_000;
const name = (c: QueueItemJson) => c.authorName ?? 'a deleted account';

/** A reader page of the brand (sites are chosen by Host), on this server's scheme and port. */
export function siteUrl(host: string | undefined, path: string): string {
  if (!host) return path;
  const port = window.location.port ? `:${window.location.port}` : '';
  return `${window.location.protocol}//${host}${port}${path}`;
}

export function QueuePage() {
  const { queue = 'pending' } = useParams();
  if (!queues.includes(queue as Queue)) return <Navigate to="/comments/pending" replace />;
  return <QueueScreen key={queue} queue={queue as Queue} />;
}

function QueueScreen({ queue }: { queue: Queue }) {
  const { site, siteId, user } = useSignedIn();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => (siteId ? moderationApi.queue(queue, siteId, page) : Promise.reject(new Error('no brand'))),
    [queue, siteId, page],
  );
  const [done, setDone] = useState<ReadonlySet<number>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [focus, setFocus] = useState(0);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const cards = useRef(new Map<number, HTMLElement>());

  // A new page or brand starts afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list changes.
  useEffect(() => {
    setDone(new Set());
    setSelected(new Set());
    setFocus(0);
  }, [list.data]);

  const items = (list.data?.data ?? []).filter((c) => !done.has(c.id));
  // What was handled here has left this queue; the other counts refresh with the next load.
  const counts = list.data
    ? { ...list.data.counts, [queue]: Math.max(0, list.data.counts[queue] - done.size) }
    : null;

  const act = useCallback(
    async (targets: readonly QueueItemJson[], action: 'approve' | 'reject') => {
      if (targets.length === 0) return;
      setBusy(true);
      const ok: number[] = [];
      const failures: string[] = [];
      for (const c of targets) {
        try {
          await (action === 'approve' ? moderationApi.approve(c.id) : moderationApi.reject(c.id));
          ok.push(c.id);
        } catch (err) {
          failures.push(errorText(err));
        }
      }
      setBusy(false);
      setDone((d) => new Set([...d, ...ok]));
      setSelected((s) => new Set([...s].filter((id) => !ok.includes(id))));
      const verb = action === 'approve' ? 'Approved' : 'Rejected';
      const what =
        ok.length === 1 ? `${name(targets.find((c) => c.id === ok[0])!)}’s comment` : `${ok.length} comments`;
      setMessage(
        failures.length
          ? { text: `${ok.length ? `${verb} ${what}. ` : ''}${failures.join(' ')}`, error: true }
          : { text: `${verb} ${what}.`, error: false },
      );
      if (failures.length || ok.length === (list.data?.data.length ?? 0)) list.reload();
    },
    [list],
  );

  const standing = async (c: QueueItemJson, action: 'suspend' | 'ban') => {
    if (c.readerId === null) return;
    const who = name(c);
    if (action === 'ban' && !window.confirm(`Ban ${who}? They will no longer be able to comment.`)) return;
    try {
      if (action === 'ban') await moderationApi.ban(c.readerId);
      else await moderationApi.suspend(c.readerId, new Date(Date.now() + 7 * DAY).toISOString());
      setMessage({
        text: action === 'ban' ? `${who} is banned from commenting.` : `${who} is suspended for 7 days.`,
        error: false,
      });
      list.reload();
    } catch (err) {
      setMessage({ text: errorText(err), error: true });
    }
  };

  // Keyboard moderation: only when no field has the focus.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || busy) return;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const current = items[Math.min(focus, items.length - 1)];
      const move = (to: number) => {
        const next = Math.max(0, Math.min(items.length - 1, to));
        setFocus(next);
        const item = items[next];
        if (item) cards.current.get(item.id)?.focus();
      };
      if (event.key === 'j' || event.key === 'ArrowDown') move(focus + 1);
      else if (event.key === 'k' || event.key === 'ArrowUp') move(focus - 1);
      else if (!current) return;
      else if (event.key === 'a') void act([current], 'approve');
      else if (event.key === 'r' && queue !== 'rejected') void act([current], 'reject');
      else if (event.key === 'x') toggle(current.id);
      else if (event.key === 'h' && current.readerId !== null)
        navigate(`/comments/readers/${current.readerId}`);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chosen = items.filter((c) => selected.has(c.id));
  const allSelected = items.length > 0 && chosen.length === items.length;

  return (
    <section className="page moderation">
      <header className="page-header">
        <div>
          <h1>Comments</h1>
          <p className="muted">{site ? `${site.name} · moderation` : 'Choose a brand in the top bar.'}</p>
        </div>
      </header>
      <CommentsTabs counts={counts} manage={canManageCommunity(user.role)} />
      {message ? (
        <p className={message.error ? 'form-error' : 'notice ok'} role="status">
          {message.text}
        </p>
      ) : null}
      {list.error ? (
        <div className="empty-state">
          {list.error}
          {/does not allow/.test(list.error) ? ' Moderators, editors and admins moderate comments.' : ''}
        </div>
      ) : null}
      {list.data && items.length === 0 ? <div className="empty-state">{emptyText[queue]}</div> : null}
      {items.length > 0 ? (
        <>
          <div className="bulk-bar">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((c) => c.id)))}
              />
              Select all
            </label>
            <button
              type="button"
              className="button small primary"
              disabled={busy || chosen.length === 0}
              onClick={() => act(chosen, 'approve')}
            >
              Approve selected{chosen.length ? ` (${chosen.length})` : ''}
            </button>
            {queue !== 'rejected' ? (
              <button
                type="button"
                className="button small danger"
                disabled={busy || chosen.length === 0}
                onClick={() => act(chosen, 'reject')}
              >
                Reject selected{chosen.length ? ` (${chosen.length})` : ''}
              </button>
            ) : null}
            <span className="keys hint" aria-hidden="true">
              <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve
              {queue !== 'rejected' ? (
                <>
                  {' '}
                  · <kbd>r</kbd> reject
                </>
              ) : null}{' '}
              · <kbd>x</kbd> select · <kbd>h</kbd> history
            </span>
          </div>
          <ul className="comment-queue" aria-label={`${queue} comments`}>
            {items.map((c, index) => (
              <li key={c.id}>
                <article
                  className={index === focus ? 'comment-card focused' : 'comment-card'}
                  tabIndex={-1}
                  ref={(el) => {
                    if (el) cards.current.set(c.id, el);
                    else cards.current.delete(c.id);
                  }}
                  onFocus={() => setFocus(index)}
                  aria-label={`Comment by ${name(c)}`}
                  data-comment-id={c.id}
                >
                  <div className="comment-head">
                    <input
                      type="checkbox"
                      aria-label={`Select the comment by ${name(c)}`}
                      checked={selected.has(c.id)}
                      onChange={() => toggle(c.id)}
                    />
                    <div className="comment-meta">
                      <span className="author">
                        {c.readerId !== null ? (
                          <Link to={`/comments/readers/${c.readerId}`}>{name(c)}</Link>
                        ) : (
                          name(c)
                        )}{' '}
                        <StandingBadge standing={c.authorStanding} />
                      </span>
                      <span className="sub">
                        on{' '}
                        {c.article ? (
                          <Link to={`/articles/${c.article.id}`}>{c.article.headline}</Link>
                        ) : (
                          `article ${c.articleId}`
                        )}
                        {' · '}
                        <time dateTime={c.createdAt}>
                          {site ? formatInZone(c.createdAt, site.timeZone, site.locale) : c.createdAt}
                        </time>
                        {c.parentId !== null ? ' · reply' : ''}
                      </span>
                    </div>
                    <div className="comment-flags">
                      {queue === 'reported' ? <CommentStatusBadge status={c.status} /> : null}
                      {c.holdReason && queue !== 'reported' ? (
                        <span className="badge badge-draft" title="Why it is here">
                          {holdReasonLabels[c.holdReason] ?? c.holdReason}
                        </span>
                      ) : null}
                    </div>
                  </div>
                  <CommentText text={c.text} />
                  {c.reportReasons.length > 0 ? (
                    <div className="reports">
                      <span className="field-label">
                        Reported {c.reports} {c.reports === 1 ? 'time' : 'times'}:
                      </span>
                      {c.reportReasons.map((r) => (
                        <span key={r.reason} className="chip report-chip">
                          {reportReasonLabels[r.reason] ?? r.reason}
                          {r.count > 1 ? ` ×${r.count}` : ''}
                        </span>
                      ))}
                      {c.reportNotes.map((note) => (
                        <q key={note} className="report-note">
                          {note}
                        </q>
                      ))}
                    </div>
                  ) : null}
                  <div className="row comment-actions">
                    <button
                      type="button"
                      className="button small primary"
                      disabled={busy}
                      onClick={() => act([c], 'approve')}
                    >
                      {queue === 'rejected'
                        ? 'Restore'
                        : queue === 'reported'
                          ? 'Approve, dismiss reports'
                          : 'Approve'}
                    </button>
                    {queue !== 'rejected' ? (
                      <button
                        type="button"
                        className="button small danger"
                        disabled={busy}
                        onClick={() => act([c], 'reject')}
                      >
                        Reject
                      </button>
                    ) : null}
                    {c.readerId !== null && c.authorStanding === 'good' ? (
                      <>
                        <button
                          type="button"
                          className="button small ghost"
                          onClick={() => standing(c, 'suspend')}
                        >
                          Suspend 7 days
                        </button>
                        <button
                          type="button"
                          className="button small ghost danger"
                          onClick={() => standing(c, 'ban')}
                        >
                          Ban author
                        </button>
                      </>
                    ) : null}
                    {c.article ? (
                      <a
                        className="button small ghost"
                        href={siteUrl(site?.hosts[0], c.article.discussionPath)}
                        target="_blank"
                        rel="noreferrer"
                      >
                        Thread
                      </a>
                    ) : null}
                  </div>
                </article>
              </li>
            ))}
          </ul>
          <Pager
            hasPrevious={page > 1}
            hasNext={Boolean(list.data?.hasMore)}
            onPrevious={() => setPage(page - 1)}
            onNext={() => setPage(page + 1)}
          >
            Page {page}
          </Pager>
        </>
      ) : null}
    </section>
  );
}
