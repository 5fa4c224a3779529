/** Small pieces the moderation screens share: tabs, badges, a comment's text. */
import { NavLink } from 'react-router';
import type { CommentStatus, Standing } from './moderation-api.ts';

export function CommentsTabs(props: {
  counts?: Readonly<Record<'pending' | 'reported' | 'rejected', number>> | null;
  manage: boolean;
}) {
  const tab = (queue: string, label: string) => {
    const count = props.counts?.[queue as 'pending'];
    return (
      <NavLink to={`/comments/${queue}`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
        {label}
        {count !== undefined ? <span className="tab-count">{count}</span> : null}
      </NavLink>
    );
  };
  return (
    <nav className="tabs" aria-label="Moderation queues">
      {tab('pending', 'Pending')}
      {tab('reported', 'Reported')}
      {tab('rejected', 'Rejected')}
      {props.manage ? (
        <NavLink to="/comments/settings" className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
          Settings
        </NavLink>
      ) : null}
    </nav>
  );
}

const statusLabels: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  deleted: 'Deleted',
};
const statusClass: Record<CommentStatus, string> = {
  pending: 'badge-scheduled',
  approved: 'badge-published',
  rejected: 'badge-unpublished',
  deleted: 'badge-draft',
};

export function CommentStatusBadge({ status }: { status: CommentStatus }) {
  return <span className={`badge ${statusClass[status]}`}>{statusLabels[status]}</span>;
}

export function StandingBadge({ standing }: { standing: Standing | null }) {
  if (standing === 'banned') return <span className="badge badge-unpublished">Banned</span>;
  if (standing === 'suspended') return <span className="badge badge-scheduled">Suspended</span>;
  return null;
}

/** The reader's words as typed: plain text, paragraphs kept (React escapes everything). */
export function CommentText({ text }: { text: string }) {
  if (!text) return <p className="comment-text muted">(no text: the author deleted it)</p>;
  return <p className="comment-text">{text}</p>;
}
