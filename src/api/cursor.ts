/**
 * Opaque page cursors: base64url of the position of the last article on a page (its ordering
 * instant and id) and which ordering it belongs to. Keyset positions, not offsets, so a walk
 * neither skips nor repeats articles when new ones are published meanwhile.
 */
import type { ArticlePosition } from '../content/index.ts';
import { ApiError } from './errors.ts';

/** `published`: newest publication first; `changed`: oldest change first (with updated_since). */
export type CursorOrder = 'published' | 'changed';

interface CursorPayload {
  /** Ordering: p(ublished) or c(hanged). */
  readonly o: 'p' | 'c';
  /** The ordering instant, ISO 8601 UTC. */
  readonly t: string;
  readonly i: number;
}

const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Ids are PostgreSQL `integer`s: a larger one would fail in the database, not here. */
export const MAX_ID = 2147483647;

export function encodeCursor(order: CursorOrder, position: ArticlePosition): string {
  const payload: CursorPayload = {
    o: order === 'published' ? 'p' : 'c',
    t: position.at.toISOString(),
    i: position.id,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The position a cursor stands for, or an API_INVALID_CURSOR error that says what to do instead. */
export function decodeCursor(raw: string, order: CursorOrder): ArticlePosition {
  const payload = parse(raw);
  if (!payload) {
    throw new ApiError.InvalidCursor(
      'cursor: this is not a cursor this API gave out. Pass the next_cursor of the previous page unchanged, or leave cursor out to start from the beginning.',
    );
  }
  if ((payload.o === 'p') !== (order === 'published')) {
    throw new ApiError.InvalidCursor(
      payload.o === 'c'
        ? 'cursor: this cursor continues a walk with updated_since; send the same updated_since with it.'
        : 'cursor: this cursor continues a walk without updated_since; leave updated_since out, or start a new walk without cursor.',
    );
  }
  return { at: new Date(payload.t), id: payload.i };
}

function parse(raw: string): CursorPayload | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { o, t, i } = value as Record<string, unknown>;
  if (o !== 'p' && o !== 'c') return null;
  if (typeof t !== 'string' || !isoUtc.test(t) || Number.isNaN(Date.parse(t))) return null;
  // From 1970 on: PostgreSQL refuses year 0, and no article is older.
  if (new Date(t).toISOString() !== t || Date.parse(t) < 0) return null;
  if (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 1 || i > MAX_ID) return null;
  return { o, t, i };
}
