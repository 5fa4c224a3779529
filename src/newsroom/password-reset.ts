/**
 * Password reset by emailed link. Asking answers the same whether or not the address has an
 * account (and in about the same time: the email is sent after the answer). The link carries a
 * 256-bit token; only its SHA-256 is stored, it works once, for an hour, and only the newest
 * link of an account works. Using it sets the password and ends every session of the account.
 * Asking is rate limited per address and per client, through the app's rate counter (Redis when
 * configured, so every node counts together).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Clock, Database, Logger, Mailer, RateCounter } from '../platform/index.ts';
import { createLocalRateCounter, writeTime } from '../platform/index.ts';
import { normaliseEmail } from './login.ts';
import { hashToken } from './sessions.ts';

export const RESET_TTL_MS = 60 * 60 * 1000;
const WINDOW_MS = 15 * 60 * 1000;
const PER_ADDRESS = 3;
const PER_CLIENT = 10;

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterSeconds: number };
export type ResetConfirmResult =
  | { ok: true; userId: number }
  | { ok: false; reason: 'invalid_token' | 'weak_password'; message: string };

export interface PasswordResets {
  /** Sends a link when `email` has an active account; answers the same either way. */
  request(input: { email: string; client: string; origin: string }): Promise<ResetRequestResult>;
  confirm(input: { token: string; password: string }): Promise<ResetConfirmResult>;
  /** Resolves when the emails asked for so far have been handed to the mailer (tests, shutdown). */
  settled(): Promise<void>;
}

/**
 * @example
 * const resets = createPasswordResets({ db, clock, mailer, logger });
 * await resets.request({ email, client: request.ip, origin: 'https://news.example' });
 */
export function createPasswordResets(deps: {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  /** Where the limits count (shared by every node with Redis); in memory when absent. */
  rateCounter?: RateCounter;
}): PasswordResets {
  const { db, clock, mailer, logger } = deps;
  const counter = deps.rateCounter ?? createLocalRateCounter({ now: () => clock.now().getTime() });
  const sending = new Set<Promise<void>>();

  /** Counts an attempt under `key` in its window; answers the seconds to wait when over `limit`. */
  async function limited(key: string, limit: number): Promise<number> {
    const { count, resetInMs } = await counter.hit(`password-reset:${key}`, WINDOW_MS);
    return count > limit ? Math.max(1, Math.ceil(resetInMs / 1000)) : 0;
  }

  return {
    async request({ email, client, origin }) {
      const now = clock.now();
      const address = normaliseEmail(email);
      const addressKey = `a:${createHash('sha256').update(address).digest('hex')}`;
      const wait = Math.max(
        await limited(`c:${createHash('sha256').update(client).digest('hex')}`, PER_CLIENT),
        await limited(addressKey, PER_ADDRESS),
      );
      if (wait > 0) return { ok: false, retryAfterSeconds: wait };

      const user = await db
        .selectFrom('staff_users')
        .select(['id', 'email', 'name'])
        .where('email', '=', address)
        .where('disabled', '=', 0)
        .executeTakeFirst();
      if (!user) return { ok: true };
      const token = randomBytes(32).toString('base64url');
      await db.transaction().execute(async (trx) => {
        // Only the newest link works.
        await trx
          .deleteFrom('password_resets')
          .where('user_id', '=', user.id)
          .where('used_at', 'is', null)
          .execute();
        await trx
          .insertInto('password_resets')
          .values({
            user_id: user.id,
            token_hash: hashToken(token),
            created_at: writeTime(now),
            expires_at: writeTime(new Date(now.getTime() + RESET_TTL_MS)),
          })
          .execute();
      });
      const link = `${origin}/admin/reset-password?token=${token}`;
      const send = mailer
        .send({
          to: user.email,
          subject: 'Reset your Dateline password',
          text: [
            `Hello ${user.name},`,
            '',
            'Someone (we hope you) asked to reset the password of your newsroom account. To choose a new one, open:',
            '',
            link,
            '',
            'The link works once, within an hour. If you did not ask, ignore this email: your password stays as it is.',
          ].join('\n'),
        })
        .then(
          () => undefined,
          (err) => logger.error({ err, userId: user.id }, 'sending a password-reset email failed'),
        )
        .finally(() => sending.delete(send));
      sending.add(send);
      return { ok: true };
    },

    async confirm({ token, password }) {
      if (password.length < 12) {
        return { ok: false, reason: 'weak_password', message: 'must be at least 12 characters long' };
      }
      const invalid = {
        ok: false,
        reason: 'invalid_token',
        message:
          'This reset link is not valid any more (it was used, it expired, or a newer one was sent). Ask for a new one.',
      } as const;
      if (!/^[\w-]{43}$/.test(token)) return invalid;
      const now = clock.now();
      const passwordHash = await hash(password, { algorithm: 2 });
      return db.transaction().execute(async (trx): Promise<ResetConfirmResult> => {
        const row = await trx
          .selectFrom('password_resets')
          .select(['id', 'user_id'])
          .where('token_hash', '=', hashToken(token))
          .where('used_at', 'is', null)
          .where('expires_at', '>', writeTime(now))
          .executeTakeFirst();
        if (!row) return invalid;
        // Single use even when two requests race: only one update finds the row unused.
        const used = await trx
          .updateTable('password_resets')
          .set({ used_at: writeTime(now) })
          .where('id', '=', row.id)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) return invalid;
        await trx
          .updateTable('staff_users')
          .set({ password_hash: passwordHash })
          .where('id', '=', row.user_id)
          .execute();
        await trx.deleteFrom('staff_sessions').where('user_id', '=', row.user_id).execute();
        return { ok: true, userId: row.user_id };
      });
    },

    async settled() {
      await Promise.allSettled([...sending]);
    },
  };
}
