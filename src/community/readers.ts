/**
 * Reader accounts and their sessions. Sessions work like staff sessions (a 256-bit cookie
 * token kept as SHA-256, a per-session CSRF token) but live in their own table and cookie, so a
 * reader session can never open the newsroom and signing out of one leaves the other.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Clock, Database } from '../platform/index.ts';
import type { Reader } from './model.ts';

type ReaderRow = Selectable<Database['readers']>;

/** Thirty days after the last request: readers expect to stay signed in. */
export const READER_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const SLIDE_EVERY_MS = 60 * 60 * 1000;

export interface ReaderSession {
  readonly id: number;
  readonly readerId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function toReader(row: ReaderRow): Reader {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    guidelinesAcceptedAt: readDate(row.guidelines_accepted_at),
    notifyReplies: Boolean(row.notify_replies),
    suspendedUntil: readDate(row.suspended_until),
    bannedAt: readDate(row.banned_at),
    createdAt: readDate(row.created_at)!,
  };
}

export function readDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
}

export interface ReaderRepository {
  findById(id: number): Promise<Reader | null>;
  /** The account for an address, created on first sign-in. */
  findOrCreate(email: string, at: Date): Promise<Reader>;
  updateProfile(
    id: number,
    changes: { displayName: string; guidelinesAcceptedAt: Date | null; notifyReplies: boolean },
  ): Promise<Reader>;
  setStanding(id: number, changes: { suspendedUntil?: Date | null; bannedAt?: Date | null }): Promise<void>;
  createSession(readerId: number): Promise<{ token: string; session: ReaderSession }>;
  verifySession(token: string): Promise<{ session: ReaderSession; reader: Reader } | null>;
  revokeSession(token: string): Promise<void>;
}

export function createReaderRepository(deps: { db: Kysely<Database>; clock: Clock }): ReaderRepository {
  const { db, clock } = deps;
  const repo: ReaderRepository = {
    async findById(id) {
      const row = await db.selectFrom('readers').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toReader(row) : null;
    },

    async findOrCreate(email, at) {
      const existing = await db
        .selectFrom('readers')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      if (existing) return toReader(existing);
      // Two links for one new address used at once: the second insert does nothing.
      await db
        .insertInto('readers')
        .values({ email, notify_replies: 0, created_at: at.toISOString() })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      const row = await db
        .selectFrom('readers')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return toReader(row);
    },

    async updateProfile(id, changes) {
      await db
        .updateTable('readers')
        .set({
          display_name: changes.displayName,
          guidelines_accepted_at: changes.guidelinesAcceptedAt?.toISOString() ?? null,
          notify_replies: changes.notifyReplies ? 1 : 0,
        })
        .where('id', '=', id)
        .execute();
      return (await repo.findById(id))!;
    },

    async setStanding(id, changes) {
      const set: { suspended_until?: string | null; banned_at?: string | null } = {};
      if (changes.suspendedUntil !== undefined)
        set.suspended_until = changes.suspendedUntil?.toISOString() ?? null;
      if (changes.bannedAt !== undefined) set.banned_at = changes.bannedAt?.toISOString() ?? null;
      await db.updateTable('readers').set(set).where('id', '=', id).execute();
    },

    async createSession(readerId) {
      const now = clock.now();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + READER_SESSION_TTL_MS);
      const { id } = await db
        .insertInto('reader_sessions')
        .values({
          reader_id: readerId,
          token_hash: sha256(token),
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: expiresAt.toISOString(),
          last_seen_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { token, session: { id, readerId, csrfToken, expiresAt } };
    },

    async verifySession(token) {
      if (!/^[\w-]{43}$/.test(token)) return null;
      const row = await db
        .selectFrom('reader_sessions')
        .innerJoin('readers', 'readers.id', 'reader_sessions.reader_id')
        .selectAll('readers')
        .select([
          'reader_sessions.id as session_id',
          'reader_sessions.csrf_token',
          'reader_sessions.expires_at',
          'reader_sessions.last_seen_at',
        ])
        .where('reader_sessions.token_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!row) return null;
      const now = clock.now();
      let expiresAt = readDate(row.expires_at)!;
      if (expiresAt.getTime() <= now.getTime()) {
        await db.deleteFrom('reader_sessions').where('id', '=', row.session_id).execute();
        return null;
      }
      if (now.getTime() - readDate(row.last_seen_at)!.getTime() >= SLIDE_EVERY_MS) {
        expiresAt = new Date(now.getTime() + READER_SESSION_TTL_MS);
        await db
          .updateTable('reader_sessions')
          .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
          .where('id', '=', row.session_id)
          .execute();
      }
      return {
        session: { id: row.session_id, readerId: row.id, csrfToken: row.csrf_token, expiresAt },
        reader: toReader(row),
      };
    },

    async revokeSession(token) {
      await db.deleteFrom('reader_sessions').where('token_hash', '=', sha256(token)).execute();
    },
  };
  return repo;
}
