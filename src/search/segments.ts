import { HIT_END, HIT_START } from '../platform/database/full-text.ts';

/** A run of highlighted text: `hit` runs matched the query. Templates escape `text` like any other. */
export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

const markers = new RegExp(`([${HIT_START}${HIT_END}])`);

/** Splits text the database marked with HIT_START/HIT_END into segments; stray markers are dropped. */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let hit = false;
  for (const part of marked.split(markers)) {
    if (part === HIT_START) hit = true;
    else if (part === HIT_END) hit = false;
    else if (part.length > 0) {
      const last = segments.at(-1);
      if (last && last.hit === hit) segments[segments.length - 1] = { text: last.text + part, hit };
      else segments.push({ text: part, hit });
    }
  }
  return segments;
}

export function hasHit(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.hit);
}
