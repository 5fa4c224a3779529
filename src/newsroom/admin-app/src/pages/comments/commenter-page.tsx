/**
 * A commenter at a glance: the account and its standing, counts by status, every comment
 * (newest first, 50 a page) and the moderation actions taken on them or their comments.
 * Moderators suspend, ban and reinstate from here.
 */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Pager } from '../../components.tsx';
import { useSignedIn } from '../../session.tsx';
import { formatInZone } from '../../time.ts';
import { useLoad } from '../../use-api.ts';
import { errorText } from '../not-yet.tsx';
import './moderation.css';
import { type ModerationActionJson, moderationApi, standingOf } from './moderation-api.ts';
import { CommentStatusBadge, CommentText, StandingBadge } from './parts.tsx';

const DAY = 86_400_000;
const actionLabels: Record<string, string> = {
  'comment.approve': 'Approved a comment',
  'comment.reject': 'Rejected a comment',
  'reader.suspend': 'Suspended the account',
  'reader.ban': 'Banned the account',
  'reader.reinstate': 'Reinstated the account',
};

export function CommenterPage() {
  const { id } = useParams();
  const readerId = Number(id);
  const { site } = useSignedIn();
  const [page, setPage] = useState(1);
  const history = useLoad(() => moderationApi.history(readerId, page), [readerId, page]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const zone = site?.timeZone ?? 'UTC';
  const locale = site?.locale ?? 'en-US';
  const when = (iso: string) => formatInZone(iso, zone, locale);

  if (!Number.isInteger(readerId) || readerId < 1) {
    return (
      <section className="page">
        <div className="empty-state">There is no such commenter.</div>
      </section>
    );
  }
  const data = history.data;
  const reader = data?.reader;
  const standing = reader ? standingOf(reader) : null;
  const name = reader?.displayName ?? 'A reader without a display name';

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setMessage({ text: done, error: false });
      history.reload();
    } catch (err) {
      setMessage({ text: errorText(err), error: true });
    }
  };
  const suspend = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const days = Number(data.get('days'));
    const reason = String(data.get('reason') ?? '').trim();
    void run(
      () =>
        moderationApi.suspend(readerId, new Date(Date.now() + days * DAY).toISOString(), reason || undefined),
      `${name} is suspended for ${days} ${days === 1 ? 'day' : 'days'}.`,
    );
  };

  return (
    <section className="page moderation">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/comments/pending">Comments</Link> › Commenter
          </p>
          <h1>
            {reader ? name : 'Commenter'} {standing ? <StandingBadge standing={standing} /> : null}
          </h1>
          {reader ? (
            <p className="muted">
              {reader.email} · joined {when(reader.createdAt)}
              {standing === 'suspended' && reader.suspendedUntil
                ? ` · suspended until ${when(reader.suspendedUntil)}`
                : ''}
              {standing === 'banned' && reader.bannedAt ? ` · banned ${when(reader.bannedAt)}` : ''}
            </p>
          ) : null}
        </div>
      </header>
      {message ? (
        <p className={message.error ? 'form-error' : 'notice ok'} role="status">
          {message.text}
        </p>
      ) : null}
      {history.error ? <div className="empty-state">{history.error}</div> : null}
      {data && reader ? (
        <>
          <dl className="stat-row">
            {(
              [
                ['Approved', data.comments.approved],
                ['Pending', data.comments.pending],
                ['Rejected', data.comments.rejected],
                ['Deleted', data.comments.deleted],
                ['Reports against', data.reportsAgainst],
              ] as const
            ).map(([label, n]) => (
              <div key={label} className="stat">
                <dt>{label}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
          <div className="panel standing-panel">
            <h2>Standing</h2>
            {standing === 'good' ? (
              <div className="row standing-actions">
                <form className="row" onSubmit={suspend} aria-label="Suspend">
                  <label className="filter">
                    <span>Suspend for</span>
                    <select name="days" defaultValue="7">
                      <option value="1">1 day</option>
                      <option value="7">7 days</option>
                      <option value="30">30 days</option>
                    </select>
                  </label>
                  <label className="filter grow">
                    <span>Reason (optional)</span>
                    <input name="reason" maxLength={500} />
                  </label>
                  <button type="submit" className="button">
                    Suspend
                  </button>
                </form>
                <button
                  type="button"
                  className="button danger"
                  onClick={() => {
                    if (window.confirm(`Ban ${name}? They will no longer be able to comment.`)) {
                      void run(() => moderationApi.ban(readerId), `${name} is banned from commenting.`);
                    }
                  }}
                >
                  Ban
                </button>
              </div>
            ) : (
              <div className="row">
                <p className="grow-text">
                  {standing === 'banned'
                    ? `${name} may not comment: the account is banned.`
                    : `${name} may not comment until the suspension ends.`}
                </p>
                <button
                  type="button"
                  className="button"
                  onClick={() => run(() => moderationApi.reinstate(readerId), `${name} may comment again.`)}
                >
                  Reinstate
                </button>
              </div>
            )}
          </div>
          <div className="history-grid">
            <div className="panel">
              <h2>Comments</h2>
              {data.recent.length === 0 ? (
                <p className="muted">No comments{page > 1 ? ' on this page' : ''}.</p>
              ) : null}
              <ul className="history-list">
                {data.recent.map((c) => (
                  <li key={c.id}>
                    <div className="comment-meta">
                      <span className="sub">
                        <CommentStatusBadge status={c.status} /> on{' '}
                        {c.article ? (
                          <Link to={`/articles/${c.article.id}`}>{c.article.headline}</Link>
                        ) : (
                          `article ${c.articleId}`
                        )}{' '}
                        · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
                        {c.reports > 0
                          ? ` · ${c.reports} open ${c.reports === 1 ? 'report' : 'reports'}`
                          : ''}
                      </span>
                    </div>
                    <CommentText text={c.text} />
                  </li>
                ))}
              </ul>
              {page > 1 || data.hasMore ? (
                <Pager
                  label="Comment pages"
                  previousLabel="Newer"
                  nextLabel="Older"
                  hasPrevious={page > 1}
                  hasNext={data.hasMore}
                  onPrevious={() => setPage(page - 1)}
                  onNext={() => setPage(page + 1)}
                >
                  Page {page}
                </Pager>
              ) : null}
            </div>
            <div className="panel">
              <h2>Moderation actions</h2>
              {data.actions.length === 0 ? (
                <p className="muted">No moderator has acted on this account yet.</p>
              ) : null}
              <ol className="action-list">
                {data.actions.map((a) => (
                  <li key={a.id}>
                    <span className="action-name">{actionLabels[a.action] ?? a.action}</span>
                    <span className="sub">
                      {when(a.at)} · {a.by ?? 'the system'}
                      {describe(a)}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}

function describe(a: ModerationActionJson): string {
  const parts: string[] = [];
  if (a.subjectType === 'comment' && a.subjectId !== null) parts.push(`comment ${a.subjectId}`);
  const reason = a.details.reason;
  if (typeof reason === 'string' && reason) parts.push(`“${reason}”`);
  const until = a.details.until;
  if (typeof until === 'string')
    parts.push(`until ${new Date(until).toLocaleDateString('en-US', { dateStyle: 'medium' })}`);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}
