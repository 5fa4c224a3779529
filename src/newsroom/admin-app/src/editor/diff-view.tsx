import { wordDiff } from './word-diff.ts';

/** Removed words struck through in red, added ones in green. */
export function DiffText({ older, newer }: { older: string; newer: string }) {
  const parts = wordDiff(older, newer);
  if (parts.length === 0) return <span className="muted">(empty)</span>;
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder.
          <ins key={i}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder.
          <del key={i}>{part.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder.
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
