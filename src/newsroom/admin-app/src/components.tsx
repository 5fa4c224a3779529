import type { ReactNode } from 'react';
import type { ArticleStatus } from './types.ts';

const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`badge badge-${status}`}>{statusLabels[status]}</span>;
}

/** A labelled form field with its validation message under it (linked by aria-describedby). */
export function Field(props: {
  id: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field ${props.className ?? ''} ${props.error ? 'has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A list's pager: the two buttons (named "Previous"/"Next" unless told otherwise, the names
 * tests and screen readers find them by) around `children`, the line that says where the reader is.
 */
export function Pager(props: {
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  children: ReactNode;
}) {
  return (
    <nav className="pagination" aria-label={props.label ?? 'Pages'}>
      <button type="button" className="button small" disabled={!props.hasPrevious} onClick={props.onPrevious}>
        {props.previousLabel ?? 'Previous'}
      </button>
      <span>{props.children}</span>
      <button type="button" className="button small" disabled={!props.hasNext} onClick={props.onNext}>
        {props.nextLabel ?? 'Next'}
      </button>
    </nav>
  );
}
