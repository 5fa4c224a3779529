/**
 * Staff sign-in: argon2id verification with a lockout per email address. Nothing in the
 * answer or its timing says whether an account exists: unknown emails are verified against a
 * dummy hash, and the lockout counts failures per address whether or not it has an account.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Clock, Database } from '../platform/index.ts';
import type { SessionStore, StaffSession } from './sessions.ts';
import type { StaffRole, StaffUser } from './staff-users.ts';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type LoginResult =
  | { readonly ok: true; readonly user: StaffUser; readonly token: string; readonly session: StaffSession }
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'locked'; readonly retryAfterSeconds: number };

export interface LoginService {
  login(input: { email: string; password: string }): Promise<LoginResult>;
}

/** Emails compare trimmed and lower-cased, as accounts are stored. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function emailKey(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

/**
 * @example
 * const login = createLoginService({ db, clock, sessions });
 * const result = await login.login({ email, password });
 */
export function createLoginService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  sessions: SessionStore;
}): LoginService {
  const { db, clock, sessions } = deps;
  // Made once per service, with the same parameters as real hashes, so an unknown email
  // costs one verification like a known one.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => {
    dummyHash ??= hash(randomBytes(18).toString('base64url'), { algorithm: 2 });
    return dummyHash;
  };

  async function recordFailure(key: string, now: Date, previous: Throttle | undefined): Promise<void> {
    // A count older than the lockout window (or one that already served its lockout) starts over.
    const stale =
      !previous ||
      now.getTime() - new Date(previous.last_failure_at).getTime() > LOCKOUT_MS ||
      previous.locked_until !== null;
    const failures = stale ? 1 : previous.failures + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    const values = { failures, last_failure_at: now.toISOString(), locked_until: lockedUntil };
    await db
      .insertInto('login_throttles')
      .values({ email_hash: key, ...values })
      .onConflict((oc) => oc.column('email_hash').doUpdateSet(values))
      .execute();
  }

  return {
    async login({ email, password }) {
      const now = clock.now();
      const key = emailKey(email);
      const throttle = await db
        .selectFrom('login_throttles')
        .selectAll()
        .where('email_hash', '=', key)
        .executeTakeFirst();
      if (throttle?.locked_until) {
        const until = new Date(throttle.locked_until).getTime();
        if (until > now.getTime()) {
          return {
            ok: false,
            reason: 'locked',
            retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000),
          };
        }
      }
      const user = await db
        .selectFrom('staff_users')
        .select(['id', 'email', 'name', 'role', 'password_hash', 'disabled'])
        .where('email', '=', normaliseEmail(email))
        .executeTakeFirst();
      const matches = await verify(user?.password_hash ?? (await dummy()), password).catch(() => false);
      // A disabled account fails like a wrong password: the answer says nothing about accounts.
      if (!user || !matches || user.disabled) {
        await recordFailure(key, now, throttle);
        return { ok: false, reason: 'invalid' };
      }
      if (throttle) await db.deleteFrom('login_throttles').where('email_hash', '=', key).execute();
      const { token, session } = await sessions.create(user.id);
      return {
        ok: true,
        user: { id: user.id, email: user.email, name: user.name, role: user.role as StaffRole },
        token,
        session,
      };
    },
  };
}

type Throttle = {
  failures: number;
  last_failure_at: Date | string;
  locked_until: Date | string | null;
};
