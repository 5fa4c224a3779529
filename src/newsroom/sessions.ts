/**
 * Staff sessions, kept in the database, so every node sees the same sessions with no cache to
 * invalidate (ARCHITECTURE.md, "Scale-out: shared state", says why not in Redis). The
 * cookie carries a 256-bit random token; only its SHA-256 is stored, and each session has its
 * own CSRF token that state-changing requests must echo in a header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock, Database } from '../platform/index.ts';
import type { StaffRole, StaffUser } from './staff-users.ts';

/** Twelve hours after the last request. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Expiry slides at most once a minute per session: one write per minute, not per request. */
const SLIDE_EVERY_MS = 60 * 1000;

export interface StaffSession {
  readonly id: number;
  readonly userId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface SessionStore {
  /** Starts a session; `token` goes in the cookie and is never stored. */
  create(userId: number): Promise<{ token: string; session: StaffSession }>;
  /** The live session and its user for a cookie token, sliding its expiry; null when unknown or expired. */
  verify(token: string): Promise<{ session: StaffSession; user: StaffUser } | null>;
  /** Ends the session the token opens (no-op when there is none). */
  revoke(token: string): Promise<void>;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * @example
 * const sessions = createSessionStore({ db, clock: systemClock });
 * const { token } = await sessions.create(user.id);
 */
export function createSessionStore(deps: {
  db: Kysely<Database>;
  clock: Clock;
  ttlMs?: number;
}): SessionStore {
  const { db, clock } = deps;
  const ttl = deps.ttlMs ?? SESSION_TTL_MS;
  return {
    async create(userId) {
      const now = clock.now();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttl);
      const { id } = await db
        .insertInto('staff_sessions')
        .values({
          user_id: userId,
          token_hash: hashToken(token),
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: expiresAt.toISOString(),
          last_seen_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { token, session: { id, userId, csrfToken, expiresAt } };
    },

    async verify(token) {
      // Well-formed tokens only: anything else cannot match and need not reach the database.
      if (!/^[\w-]{43}$/.test(token)) return null;
      const row = await db
        .selectFrom('staff_sessions')
        .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
        .select([
          'staff_sessions.id',
          'staff_sessions.user_id',
          'staff_sessions.csrf_token',
          'staff_sessions.expires_at',
          'staff_sessions.last_seen_at',
          'staff_users.email',
          'staff_users.name',
          'staff_users.role',
        ])
        .where('staff_sessions.token_hash', '=', hashToken(token))
        // A disabled account's sessions are deleted when it is disabled; this is the belt to those braces.
        .where('staff_users.disabled', '=', 0)
        .executeTakeFirst();
      if (!row) return null;
      const now = clock.now();
      const expiresAt = new Date(row.expires_at);
      if (expiresAt.getTime() <= now.getTime()) {
        await db.deleteFrom('staff_sessions').where('id', '=', row.id).execute();
        return null;
      }
      let session: StaffSession = { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt };
      if (now.getTime() - new Date(row.last_seen_at).getTime() >= SLIDE_EVERY_MS) {
        const slid = new Date(now.getTime() + ttl);
        await db
          .updateTable('staff_sessions')
          .set({ last_seen_at: now.toISOString(), expires_at: slid.toISOString() })
          .where('id', '=', row.id)
          .execute();
        session = { ...session, expiresAt: slid };
      }
      const user: StaffUser = {
        id: row.user_id,
        email: row.email,
        name: row.name,
        role: row.role as StaffRole,
      };
      return { session, user };
    },

    async revoke(token) {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', hashToken(token)).execute();
    },
  };
}
