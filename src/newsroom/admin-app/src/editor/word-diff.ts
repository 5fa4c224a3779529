/**
 * Word-level differences between two texts, for the revisions view and the conflict dialog.
 * jsdiff's `diffWordsWithSpace` keeps the spacing, so joining the parts gives back each text.
 */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  readonly text: string;
  /** 'same' in both; 'removed' only in the older text; 'added' only in the newer. */
  readonly kind: 'same' | 'added' | 'removed';
}

export function wordDiff(older: string, newer: string): DiffPart[] {
  if (older === newer) return older ? [{ text: older, kind: 'same' }] : [];
  return diffWordsWithSpace(older, newer).map((change) => ({
    text: change.value,
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
  }));
}

/** The text a side of the diff had: the older without what was added, or the newer without what was removed. */
export function sideOf(parts: readonly DiffPart[], side: 'older' | 'newer'): string {
  const skip = side === 'older' ? 'added' : 'removed';
  return parts
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join('');
}
