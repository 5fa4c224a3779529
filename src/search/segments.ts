/** A run of highlighted text: `hit` runs matched the query. Templates escape `text` like any other. */
export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

export function hasHit(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.hit);
}
