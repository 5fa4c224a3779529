/**
 * Magic links: join and sign in without a password. A link holds 256 random bits; the database
 * keeps their SHA-256, so a leaked table opens nothing. A link works once and for 30 minutes.
 * Requests are limited per address and per IP, counted from the stored rows (so every node
 * counts the same requests).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock, Database } from '../platform/index.ts';
import { CommunityError } from './errors.ts';
import { readDate, sha256 } from './readers.ts';

export const signInLinkLimits = {
  ttlMs: 30 * 60 * 1000,
  windowMs: 15 * 60 * 1000,
  perAddress: 3,
  perIp: 10,
};

// Deliberately plain: one @, no spaces, a dot in the domain. The link we send proves the rest.
const emailPattern = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\].]{2,}$/u;

/** The address normalised (trimmed, lower case); a CommunityError.EmailInvalid when it is none. */
export function normaliseEmail(input: string): string {
  const email = input.trim().toLowerCase();
  if (email.length === 0) throw new CommunityError.EmailInvalid('Enter your email address.');
  if (email.length > 254 || !emailPattern.test(email)) {
    throw new CommunityError.EmailInvalid(
      'That does not look like an email address; check it and try again.',
    );
  }
  return email;
}

export interface SignInLinks {
  /** Stores a new link and returns its token (for the email); refuses past the rate limits. */
  create(input: { email: string; siteId: number; returnPath: string; ip: string }): Promise<string>;
  /** Forgets a link whose email could not be sent. */
  discard(token: string): Promise<void>;
  /** Uses a link once: its address, site and return path; a CommunityError.LinkInvalid otherwise. */
  consume(token: string): Promise<{ email: string; siteId: number; returnPath: string }>;
}

export function createSignInLinks(deps: { db: Kysely<Database>; clock: Clock }): SignInLinks {
  const { db, clock } = deps;
  const expired = () =>
    new CommunityError.LinkInvalid(
      'This sign-in link has expired or was already used. Ask for a new one: links work once, for 30 minutes.',
    );
  return {
    async create({ email, siteId, returnPath, ip }) {
      const now = clock.now();
      const since = new Date(now.getTime() - signInLinkLimits.windowMs).toISOString();
      const ipHash = sha256(`ip:${ip}`);
      const [byAddress, byIp] = await Promise.all([
        db
          .selectFrom('reader_sign_in_links')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('email', '=', email)
          .where('created_at', '>', since)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('reader_sign_in_links')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ip_hash', '=', ipHash)
          .where('created_at', '>', since)
          .executeTakeFirstOrThrow(),
      ]);
      if (Number(byAddress.n) >= signInLinkLimits.perAddress || Number(byIp.n) >= signInLinkLimits.perIp) {
        throw new CommunityError.RateLimited(
          'We have sent several sign-in links already. Use the newest email, or try again in 15 minutes.',
        );
      }
      const token = randomBytes(32).toString('base64url');
      await db
        .insertInto('reader_sign_in_links')
        .values({
          token_hash: sha256(token),
          email,
          site_id: siteId,
          return_path: returnPath,
          ip_hash: ipHash,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + signInLinkLimits.ttlMs).toISOString(),
        })
        .execute();
      return token;
    },

    async discard(token) {
      await db.deleteFrom('reader_sign_in_links').where('token_hash', '=', sha256(token)).execute();
    },

    async consume(token) {
      if (!/^[\w-]{43}$/.test(token)) throw expired();
      const now = clock.now();
      const row = await db
        .selectFrom('reader_sign_in_links')
        .select(['id', 'email', 'site_id', 'return_path', 'expires_at', 'used_at'])
        .where('token_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!row || row.used_at !== null || readDate(row.expires_at)!.getTime() <= now.getTime())
        throw expired();
      // Single use even when two requests race: only the one that flips used_at wins.
      const result = await db
        .updateTable('reader_sign_in_links')
        .set({ used_at: now.toISOString() })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw expired();
      return { email: row.email, siteId: row.site_id, returnPath: row.return_path };
    },
  };
}
