import type { Site } from '../content/index.ts';
import { readTime, writeTime } from '../platform/database/dialect.ts';
import { confirmationEmail } from './confirmation-email.ts';
import { NewsletterError } from './errors.ts';
import { fromFor, type NewsletterDeps, newsletterPaths, siteOrigin } from './newsletter-deps.ts';
import { RateLimiter } from './rate-limiter.ts';
import type { TokenClaims } from './tokens.ts';
import { type Place, parseZip } from './zip-directory.ts';

export interface SignupInput {
  readonly email: string;
  /** Optional; empty means none. */
  readonly zip: string;
  /** The brands whose daily the reader asked for. */
  readonly siteIds: readonly number[];
  /** The brand the form was on (its name is on the confirmation email). */
  readonly siteId: number;
  readonly ip: string;
}

export interface ReaderSubscription {
  readonly siteId: number;
  readonly siteName: string;
  readonly status: 'pending' | 'confirmed' | 'unsubscribed';
}

export interface ReaderPreferences {
  readonly subscriberId: number;
  readonly email: string;
  readonly zip: string | null;
  readonly place: { state: string | null; county: string | null; city: string | null };
  readonly subscriptions: readonly ReaderSubscription[];
}

const CONFIRM_TTL_MS = 7 * 24 * 3600_000;
/** Preferences links (export, delete) are good for 90 days; every edition carries a fresh one. */
const PREFERENCES_TTL_MS = 90 * 24 * 3600_000;
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** Lower-cased and trimmed, or a refusal that says what is wrong. */
export function normaliseEmail(input: string): string {
  const email = input.trim().toLowerCase();
  if (email === '') throw new NewsletterError.InvalidEmail('Please enter your email address.');
  if (email.length > 254 || !emailPattern.test(email) || email.split('@')[0]!.length > 64) {
    throw new NewsletterError.InvalidEmail(
      `“${input.trim().slice(0, 80)}” is not an email address; check it and try again (for example you@example.com).`,
    );
  }
  return email;
}

/**
 * Reader-facing subscription work: double opt-in signup, confirmation, unsubscribe, and the
 * preferences page (change ZIP and lists, export, delete). A signup changes nothing an
 * existing reader set: the requested lists and ZIP travel inside the signed confirmation link
 * and take effect only when the mailbox's owner follows it. So a stranger typing someone's
 * address can neither subscribe them nor change their ZIP, and the answer is the same for every
 * address, subscribed or not.
 */
export class Subscriptions {
  readonly #perIp: RateLimiter;
  readonly #perAddress: RateLimiter;

  constructor(private readonly deps: NewsletterDeps) {
    const shared = { windowMs: 3600_000, clock: deps.clock, counter: deps.rateCounter };
    this.#perIp = new RateLimiter({ ...shared, limit: 20, name: 'newsletter-signup-ip' });
    this.#perAddress = new RateLimiter({ ...shared, limit: 3, name: 'newsletter-signup-address' });
  }

  /** Validates, stores pending subscriptions, sends the confirmation email; throws NewsletterError. */
  async signup(input: SignupInput): Promise<void> {
    const { db, content, clock } = this.deps;
    const email = normaliseEmail(input.email);
    const zip = await this.checkZip(input.zip);
    const lists = [...new Set(input.siteIds)].map((id) => content.siteById(id));
    if (lists.length === 0 || lists.some((s) => !s)) {
      throw new NewsletterError.NoList('Choose at least one of the newsletters on the form.');
    }
    if (!(await this.#perIp.hit(input.ip))) {
      throw new NewsletterError.RateLimited(
        'There have been too many signups from your network in the last hour. Nothing was stored; please try again later.',
      );
    }
    const now = writeTime(clock.now());
    const subscriberId = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('newsletter_subscribers')
        .values({ email, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      const { id } = await trx
        .selectFrom('newsletter_subscribers')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      for (const site of lists) {
        await trx
          .insertInto('newsletter_subscriptions')
          .values({ subscriber_id: id, site_id: site!.id, status: 'pending', created_at: now })
          .onConflict((oc) => oc.columns(['subscriber_id', 'site_id']).doNothing())
          .execute();
      }
      return id;
    });
    // Beyond a few emails an hour to one address, answer the same but send nothing more.
    if (!(await this.#perAddress.hit(email))) return;
    const site = content.siteById(input.siteId) ?? lists[0]!;
    const token = this.deps.signer.sign(
      { purpose: 'confirm', subscriberId, siteIds: lists.map((s) => s!.id), zip: zip?.zip ?? null },
      new Date(clock.now().getTime() + CONFIRM_TTL_MS),
    );
    const origin = siteOrigin(this.deps, site);
    await this.deps.mailer.send(
      confirmationEmail({
        to: email,
        from: fromFor(this.deps, site),
        site,
        lists: lists as Site[],
        confirmUrl: `${origin}${newsletterPaths.confirm}?token=${encodeURIComponent(token)}`,
        preferencesUrl: null,
      }),
    );
  }

  /** The ZIP's place, null for no ZIP; refuses a malformed or unknown one. */
  async checkZip(input: string): Promise<Place | null> {
    if (input.trim() === '') return null;
    const zip5 = parseZip(input);
    if (!zip5) {
      throw new NewsletterError.InvalidZip(
        'A ZIP code is 5 digits (or ZIP+4, like 12345-6789). Leave it empty if you do not want local news.',
      );
    }
    const place = await this.deps.zips.lookup(zip5);
    if (!place) {
      throw new NewsletterError.UnknownZip(
        `There is no US ZIP code ${zip5}. Check it, or leave it empty if you do not want local news.`,
      );
    }
    return place;
  }

  /** Follows a confirmation link: confirms the lists in it and stores its ZIP's place. */
  async confirm(token: unknown): Promise<{ subscriberId: number; sites: Site[] }> {
    const claims = this.#claims(token, 'confirm');
    if (claims.purpose !== 'confirm') throw new NewsletterError.InvalidToken('This link is not valid.');
    const { db, clock, content } = this.deps;
    const place = claims.zip ? await this.deps.zips.lookup(claims.zip) : null;
    const now = writeTime(clock.now());
    const sites = claims.siteIds.map((id) => content.siteById(id)).filter((s): s is Site => !!s);
    await db.transaction().execute(async (trx) => {
      const subscriber = await trx
        .selectFrom('newsletter_subscribers')
        .select('id')
        .where('id', '=', claims.subscriberId)
        .executeTakeFirst();
      if (!subscriber) {
        throw new NewsletterError.InvalidToken(
          'This link belongs to a subscription that was deleted. Sign up again to receive the newsletter.',
        );
      }
      if (place)
        await trx
          .updateTable('newsletter_subscribers')
          .set(placeColumns(place, now))
          .where('id', '=', subscriber.id)
          .execute();
      for (const site of sites) {
        await trx
          .insertInto('newsletter_subscriptions')
          .values({
            subscriber_id: subscriber.id,
            site_id: site.id,
            status: 'confirmed',
            created_at: now,
            confirmed_at: now,
          })
          .onConflict((oc) =>
            oc
              .columns(['subscriber_id', 'site_id'])
              .doUpdateSet({ status: 'confirmed', confirmed_at: now, unsubscribed_at: null }),
          )
          .execute();
      }
    });
    return { subscriberId: claims.subscriberId, sites };
  }

  /** Unsubscribes from the list in the link; doing it again is harmless. */
  async unsubscribe(token: unknown): Promise<{ site: Site | undefined }> {
    const claims = this.#claims(token, 'unsubscribe');
    if (claims.purpose !== 'unsubscribe') throw new NewsletterError.InvalidToken('This link is not valid.');
    const now = writeTime(this.deps.clock.now());
    await this.deps.db
      .updateTable('newsletter_subscriptions')
      .set({
        status: 'unsubscribed',
        unsubscribed_at: now,
        unsubscribed_edition_id: claims.editionId ?? null,
      })
      .where('subscriber_id', '=', claims.subscriberId)
      .where('site_id', '=', claims.siteId)
      .where('status', '!=', 'unsubscribed')
      .execute();
    return { site: this.deps.content.siteById(claims.siteId) };
  }

  /** Which list an unsubscribe link is for (for the page that asks "unsubscribe?"). */
  unsubscribeTarget(token: unknown): Site | undefined {
    const claims = this.#claims(token, 'unsubscribe');
    return claims.purpose === 'unsubscribe' ? this.deps.content.siteById(claims.siteId) : undefined;
  }

  /** What the preferences page shows; the token proves the reader reads the mailbox. */
  async preferences(token: unknown): Promise<ReaderPreferences> {
    const claims = this.#claims(token, 'preferences');
    const found = await this.#load(claims.subscriberId);
    if (!found)
      throw new NewsletterError.InvalidToken(
        'There is no subscription for this link any more: its data was deleted.',
      );
    return found;
  }

  async updatePreferences(
    token: unknown,
    input: { zip: string; siteIds: readonly number[] },
  ): Promise<ReaderPreferences> {
    const current = await this.preferences(token);
    const place = await this.checkZip(input.zip);
    const wanted = new Set(input.siteIds.filter((id) => this.deps.content.siteById(id)));
    const now = writeTime(this.deps.clock.now());
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('newsletter_subscribers')
        .set(place ? placeColumns(place, now) : { ...placeColumns(null, now) })
        .where('id', '=', current.subscriberId)
        .execute();
      for (const site of this.deps.content.sites) {
        const had = current.subscriptions.find((s) => s.siteId === site.id);
        if (wanted.has(site.id) && had?.status !== 'confirmed') {
          // Owning the mailbox (the signed link) is the confirmation.
          await trx
            .insertInto('newsletter_subscriptions')
            .values({
              subscriber_id: current.subscriberId,
              site_id: site.id,
              status: 'confirmed',
              created_at: now,
              confirmed_at: now,
            })
            .onConflict((oc) =>
              oc
                .columns(['subscriber_id', 'site_id'])
                .doUpdateSet({ status: 'confirmed', confirmed_at: now, unsubscribed_at: null }),
            )
            .execute();
        } else if (!wanted.has(site.id) && had && had.status !== 'unsubscribed') {
          await trx
            .updateTable('newsletter_subscriptions')
            .set({ status: 'unsubscribed', unsubscribed_at: now })
            .where('subscriber_id', '=', current.subscriberId)
            .where('site_id', '=', site.id)
            .execute();
        }
      }
    });
    return (await this.#load(current.subscriberId))!;
  }

  /** Everything held about the reader, as JSON (the preferences page's export). */
  async exportData(token: unknown): Promise<object> {
    const prefs = await this.preferences(token);
    return exportSubscriber(this.deps, prefs.subscriberId);
  }

  /** Deletes the reader and everything held about them (subscriptions, send log rows). */
  async deleteData(token: unknown): Promise<void> {
    const prefs = await this.preferences(token);
    await deleteSubscriber(this.deps, prefs.subscriberId);
  }

  /** A preferences link for one subscriber (in every edition and on the confirmation page). */
  preferencesToken(subscriberId: number): string {
    return this.deps.signer.sign(
      { purpose: 'preferences', subscriberId },
      new Date(this.deps.clock.now().getTime() + PREFERENCES_TTL_MS),
    );
  }

  #claims(token: unknown, purpose: TokenClaims['purpose']): TokenClaims {
    const check = this.deps.signer.verify(token, purpose, this.deps.clock.now());
    if (check.ok) return check.claims;
    if (check.reason === 'expired') {
      throw new NewsletterError.ExpiredToken(
        purpose === 'confirm'
          ? 'This confirmation link has expired. Sign up again and we will send you a new one.'
          : 'This link has expired. Use the link in the latest newsletter you received.',
      );
    }
    throw new NewsletterError.InvalidToken(
      'This link is not valid: it may have been cut short or changed. Copy the whole link from the email and try again.',
    );
  }

  async #load(subscriberId: number): Promise<ReaderPreferences | null> {
    const row = await this.deps.db
      .selectFrom('newsletter_subscribers')
      .selectAll()
      .where('id', '=', subscriberId)
      .executeTakeFirst();
    if (!row) return null;
    const subs = await this.deps.db
      .selectFrom('newsletter_subscriptions')
      .select(['site_id', 'status'])
      .where('subscriber_id', '=', subscriberId)
      .execute();
    return {
      subscriberId,
      email: row.email,
      zip: row.zip,
      place: { state: row.place_state, county: row.place_county, city: row.place_city },
      subscriptions: subs.map((s) => ({
        siteId: s.site_id,
        siteName: this.deps.content.siteById(s.site_id)?.name ?? `Site ${s.site_id}`,
        status: s.status,
      })),
    };
  }
}

function placeColumns(place: Place | null, now: string) {
  return {
    zip: place?.zip ?? null,
    place_state: place?.state ?? null,
    place_county: place?.county ?? null,
    place_city: place?.city ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    updated_at: now,
  };
}

export async function exportSubscriber(
  deps: Pick<NewsletterDeps, 'db'>,
  subscriberId: number,
): Promise<object> {
  const row = await deps.db
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('id', '=', subscriberId)
    .executeTakeFirst();
  if (!row) return {};
  const subscriptions = await deps.db
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('subscriber_id', '=', subscriberId)
    .execute();
  const deliveries = await deps.db
    .selectFrom('newsletter_deliveries')
    .select(['edition_id', 'status', 'updated_at', 'message_id'])
    .where('subscriber_id', '=', subscriberId)
    .orderBy('edition_id')
    .limit(10_000)
    .execute();
  const bounces = await deps.db
    .selectFrom('newsletter_bounces')
    .select(['edition_id', 'kind', 'status', 'diagnostic', 'received_at'])
    .where('subscriber_id', '=', subscriberId)
    .orderBy('id')
    .limit(10_000)
    .execute();
  const time = (v: Date | string | null) => readTime(v)?.toISOString() ?? null;
  return {
    email: row.email,
    zip: row.zip,
    place: {
      state: row.place_state,
      county: row.place_county,
      city: row.place_city,
      latitude: row.latitude,
      longitude: row.longitude,
    },
    suppressed: row.suppressed_at ? { at: time(row.suppressed_at), reason: row.suppressed_reason } : null,
    createdAt: time(row.created_at),
    subscriptions: subscriptions.map((s) => ({
      siteId: s.site_id,
      status: s.status,
      createdAt: time(s.created_at),
      confirmedAt: time(s.confirmed_at),
      unsubscribedAt: time(s.unsubscribed_at),
    })),
    editionsSent: deliveries.map((d) => ({
      editionId: d.edition_id,
      status: d.status,
      at: time(d.updated_at),
      messageId: d.message_id,
    })),
    bounces: bounces.map((b) => ({
      editionId: b.edition_id,
      kind: b.kind,
      status: b.status,
      diagnostic: b.diagnostic,
      at: time(b.received_at),
    })),
  };
}

export async function deleteSubscriber(
  deps: Pick<NewsletterDeps, 'db'>,
  subscriberId: number,
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('newsletter_deliveries').where('subscriber_id', '=', subscriberId).execute();
    await trx.deleteFrom('newsletter_bounces').where('subscriber_id', '=', subscriberId).execute();
    await trx.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', subscriberId).execute();
    const result = await trx
      .deleteFrom('newsletter_subscribers')
      .where('id', '=', subscriberId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}
