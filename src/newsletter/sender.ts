import { sql } from 'kysely';
import type { Site } from '../content/index.ts';
import { writeTime } from '../platform/database/dialect.ts';
import { leaseHolderName, MailDeliveryError } from '../platform/index.ts';
import type { EditionTemplate } from './edition-email.ts';
import type { EditionCounts, Editions } from './editions.ts';
import { composeRaw, encodeHeader } from './mime.ts';
import { fromFor, type NewsletterDeps, newsletterPaths, siteOrigin } from './newsletter-deps.ts';
import type { Subscriptions } from './subscriptions.ts';

export interface SendOptions {
  /** Called after every chunk with the edition's counts so far. */
  readonly onProgress?: (counts: EditionCounts) => void;
}

export interface SendResult {
  /** True when every recipient is sent, failed or suppressed. */
  readonly done: boolean;
  /** When temporary failures are due for their next try (not done). */
  readonly retryAt: Date | null;
  /** Another process holds the edition's lease until then (not done). */
  readonly busyUntil: Date | null;
  readonly counts: EditionCounts;
  /** Rows found handed to SMTP by a sender that died, sent again with the same Message-ID. */
  readonly resentAfterCrash: number;
}

export interface SenderOptions {
  /** The edition lease: another sender may take over this long after the holder stops renewing it. */
  readonly leaseMs?: number;
  /** Recipients read per keyset page. */
  readonly pageSize?: number;
  /** Messages marked `sending` and handed to SMTP together: the most a kill -9 can leave unknown. */
  readonly chunkSize?: number;
  /** Tries before a temporarily failing address is given up on for this edition. */
  readonly maxAttempts?: number;
  /** Delay before try n+1 after n temporary failures. */
  readonly retryDelayMs?: (attempts: number) => number;
}

type Tally = { -readonly [K in keyof EditionCounts]: EditionCounts[K] };

interface Recipient {
  readonly subscriberId: number;
  readonly email: string;
  readonly state: string | null;
  readonly county: string | null;
  readonly city: string | null;
  readonly attempts: number;
}

/**
 * Sends an edition exactly once per subscriber through the send log (`newsletter_deliveries`,
 * unique per edition and subscriber). The phases:
 *
 * 1. take the edition's lease (one sender at a time, on any node);
 * 2. freeze the audience: copy the list's confirmed, unsuppressed subscribers into the log as
 *    `queued`, by keyset ranges, never loading the list;
 * 3. rows left `sending` by a sender that died (kill -9) were handed to SMTP with an unknown
 *    outcome: they go back to `queued` and are sent again with the same Message-ID, which is the
 *    one window where a reader can get a duplicate (see ARCHITECTURE.md);
 * 4. walk `queued` by keyset, in chunks: mark the chunk `sending`, hand it to SMTP, mark each
 *    `sent`, `retry` (4xx, with backoff) or `failed` (5xx; the address is suppressed);
 * 5. retries that are due go back to `queued` and round again; when none is left the edition is `sent`.
 */
export class EditionSender {
  readonly #worker = leaseHolderName();
  readonly #leaseMs: number;
  readonly #pageSize: number;
  readonly #chunkSize: number;
  readonly #maxAttempts: number;
  readonly #retryDelayMs: (attempts: number) => number;

  constructor(
    private readonly deps: NewsletterDeps,
    private readonly editions: Editions,
    private readonly subscriptions: Subscriptions,
    options: SenderOptions = {},
  ) {
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#pageSize = options.pageSize ?? 1000;
    this.#chunkSize = options.chunkSize ?? 100;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#retryDelayMs = options.retryDelayMs ?? ((n) => Math.min(3_600_000, 30_000 * 2 ** (n - 1)));
  }

  async run(editionId: number, options: SendOptions = {}): Promise<SendResult> {
    const edition = await this.editions.get(editionId);
    const base = { resentAfterCrash: 0, retryAt: null, busyUntil: null };
    if (edition.status === 'cancelled' || edition.status === 'sent') {
      return { ...base, done: true, counts: await this.editions.counts(editionId) };
    }
    const busyUntil = await this.#takeLease(editionId);
    if (busyUntil) return { ...base, done: false, busyUntil, counts: await this.editions.counts(editionId) };
    const renew = setInterval(
      () => void this.#renewLease(editionId).catch(() => {}),
      Math.max(200, this.#leaseMs / 3),
    );
    renew.unref();
    try {
      const site = this.deps.content.siteById(edition.siteId);
      if (!site) throw new Error(`edition ${editionId} belongs to no site`);
      await this.#freezeAudience(editionId, site.id);
      const resentAfterCrash = await this.#requeue(editionId, 'sending');
      if (resentAfterCrash > 0) {
        this.deps.logger.warn(
          { editionId, resentAfterCrash },
          'a sender died mid-edition: sending its unconfirmed messages again with the same Message-ID',
        );
      }
      const template = await this.editions.compile(edition);
      // Progress is counted here, not re-read per chunk (a GROUP BY over the whole log each time).
      const tally: Tally = { ...(await this.editions.counts(editionId)) };
      let pause: Date | null = null;
      for (;;) {
        pause = await this.#sendQueued(editionId, site, template, tally, options);
        if (pause) break;
        const due = await this.#requeue(editionId, 'retry');
        if (due === 0) break;
        tally.retry -= due;
        tally.queued += due;
      }
      const counts = await this.editions.counts(editionId);
      const pending = counts.queued + counts.sending + counts.retry;
      if (pending === 0) {
        await this.deps.db
          .updateTable('newsletter_editions')
          .set({
            status: 'sent',
            finished_at: writeTime(this.deps.clock.now()),
            updated_at: writeTime(this.deps.clock.now()),
          })
          .where('id', '=', editionId)
          .where('status', '=', 'sending')
          .execute();
        return { ...base, resentAfterCrash, done: true, counts };
      }
      if (await this.#cancelled(editionId)) return { ...base, resentAfterCrash, done: true, counts };
      return {
        ...base,
        resentAfterCrash,
        done: false,
        retryAt: pause ?? (await this.#nextRetry(editionId)),
        counts,
      };
    } finally {
      clearInterval(renew);
      await this.#releaseLease(editionId);
    }
  }

  async #takeLease(editionId: number): Promise<Date | null> {
    const now = this.deps.clock.now();
    const until = writeTime(new Date(Date.now() + this.#leaseMs));
    const result = await this.deps.db
      .updateTable('newsletter_editions')
      .set({ locked_by: this.#worker, locked_until: until, status: 'sending', updated_at: writeTime(now) })
      .where('id', '=', editionId)
      .where('status', 'in', ['draft', 'scheduled', 'sending'])
      .where((eb) =>
        eb.or([
          eb('locked_until', 'is', null),
          eb('locked_until', '<', writeTime(new Date())),
          eb('locked_by', '=', this.#worker),
        ]),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      await this.deps.db
        .updateTable('newsletter_editions')
        .set({ started_at: writeTime(now) })
        .where('id', '=', editionId)
        .where('started_at', 'is', null)
        .execute();
      return null;
    }
    const row = await this.deps.db
      .selectFrom('newsletter_editions')
      .select('locked_until')
      .where('id', '=', editionId)
      .executeTakeFirst();
    return row?.locked_until ? new Date(row.locked_until as string) : new Date(Date.now() + this.#leaseMs);
  }

  // Leases use the machine's clock, not the injected one: they guard against processes, not stories.
  async #renewLease(editionId: number): Promise<void> {
    await this.deps.db
      .updateTable('newsletter_editions')
      .set({ locked_until: writeTime(new Date(Date.now() + this.#leaseMs)) })
      .where('id', '=', editionId)
      .where('locked_by', '=', this.#worker)
      .execute();
  }

  async #releaseLease(editionId: number): Promise<void> {
    await this.deps.db
      .updateTable('newsletter_editions')
      .set({ locked_by: null, locked_until: null })
      .where('id', '=', editionId)
      .where('locked_by', '=', this.#worker)
      .execute()
      .catch(() => {});
  }

  async #cancelled(editionId: number): Promise<boolean> {
    const row = await this.deps.db
      .selectFrom('newsletter_editions')
      .select('status')
      .where('id', '=', editionId)
      .executeTakeFirst();
    return row?.status === 'cancelled';
  }

  /** Copies the list into the send log in keyset ranges (resumable; a row once written stays). */
  async #freezeAudience(editionId: number, siteId: number): Promise<void> {
    const { db } = this.deps;
    const edition = await db
      .selectFrom('newsletter_editions')
      .select('audience_ready')
      .where('id', '=', editionId)
      .executeTakeFirst();
    if (edition?.audience_ready === 1) return;
    const last = await db
      .selectFrom('newsletter_deliveries')
      .select((eb) => eb.fn.max('subscriber_id').as('max'))
      .where('edition_id', '=', editionId)
      .executeTakeFirst();
    let cursor = Number(last?.max ?? 0);
    const batch = 5000;
    for (;;) {
      const boundary = await db
        .selectFrom('newsletter_subscriptions')
        .select('subscriber_id')
        .where('site_id', '=', siteId)
        .where('status', '=', 'confirmed')
        .where('subscriber_id', '>', cursor)
        .orderBy('subscriber_id')
        .offset(batch - 1)
        .limit(1)
        .executeTakeFirst();
      const upTo = boundary?.subscriber_id;
      const now = writeTime(this.deps.clock.now());
      await db
        .insertInto('newsletter_deliveries')
        .columns(['edition_id', 'subscriber_id', 'status', 'attempts', 'updated_at'])
        .expression(
          db
            .selectFrom('newsletter_subscriptions as n')
            .innerJoin('newsletter_subscribers as s', 's.id', 'n.subscriber_id')
            .select([
              sql.lit(editionId).as('edition_id'),
              'n.subscriber_id',
              sql.lit('queued').as('status'),
              sql.lit(0).as('attempts'),
              sql.val(now).as('updated_at'),
            ])
            .where('n.site_id', '=', siteId)
            .where('n.status', '=', 'confirmed')
            .where('s.suppressed_at', 'is', null)
            .where('n.subscriber_id', '>', cursor)
            .$if(upTo !== undefined, (q) => q.where('n.subscriber_id', '<=', upTo!)),
        )
        .onConflict((oc) => oc.columns(['edition_id', 'subscriber_id']).doNothing())
        .execute();
      if (upTo === undefined) break;
      cursor = upTo;
    }
    await db
      .updateTable('newsletter_editions')
      .set({ audience_ready: 1 })
      .where('id', '=', editionId)
      .execute();
  }

  /** Moves rows of one status back to `queued` (retries when due); answers how many moved. */
  async #requeue(editionId: number, from: 'sending' | 'retry'): Promise<number> {
    let query = this.deps.db
      .updateTable('newsletter_deliveries')
      .set({ status: 'queued', updated_at: writeTime(this.deps.clock.now()) })
      .where('edition_id', '=', editionId)
      .where('status', '=', from);
    if (from === 'retry') query = query.where('next_attempt_at', '<=', writeTime(this.deps.clock.now()));
    return Number((await query.executeTakeFirst()).numUpdatedRows);
  }

  async #nextRetry(editionId: number): Promise<Date | null> {
    const row = await this.deps.db
      .selectFrom('newsletter_deliveries')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('edition_id', '=', editionId)
      .where('status', '=', 'retry')
      .executeTakeFirst();
    return row?.at ? new Date(row.at as string) : null;
  }

  /** One pass over the queued rows; answers a time to pause until when the server looks down. */
  async #sendQueued(
    editionId: number,
    site: Site,
    template: EditionTemplate,
    tally: Tally,
    options: SendOptions,
  ): Promise<Date | null> {
    const { db } = this.deps;
    let cursor = 0;
    for (;;) {
      if (await this.#cancelled(editionId)) return null;
      const rows = await db
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
        .select([
          'd.subscriber_id',
          'd.attempts',
          's.email',
          's.place_state',
          's.place_county',
          's.place_city',
          's.suppressed_at',
        ])
        .where('d.edition_id', '=', editionId)
        .where('d.status', '=', 'queued')
        .where('d.subscriber_id', '>', cursor)
        .orderBy('d.subscriber_id')
        .limit(this.#pageSize)
        .execute();
      if (rows.length === 0) return null;
      cursor = rows[rows.length - 1]!.subscriber_id;
      const suppressed = rows.filter((r) => r.suppressed_at !== null).map((r) => r.subscriber_id);
      if (suppressed.length > 0) {
        await this.#mark(editionId, suppressed, { status: 'suppressed' });
        tally.queued -= suppressed.length;
        tally.suppressed += suppressed.length;
      }
      const live = rows.filter((r) => r.suppressed_at === null);
      for (let i = 0; i < live.length; i += this.#chunkSize) {
        const chunk: Recipient[] = live.slice(i, i + this.#chunkSize).map((r) => ({
          subscriberId: r.subscriber_id,
          email: r.email,
          state: r.place_state,
          county: r.place_county,
          city: r.place_city,
          attempts: r.attempts,
        }));
        const pause = await this.#sendChunk(editionId, site, template, chunk, tally);
        options.onProgress?.({ ...tally });
        if (pause) return pause;
      }
    }
  }

  async #sendChunk(
    editionId: number,
    site: Site,
    template: EditionTemplate,
    chunk: Recipient[],
    tally: Tally,
  ): Promise<Date | null> {
    const ids = chunk.map((r) => r.subscriberId);
    // Before SMTP sees any of them: from here a crash leaves them `sending` (outcome unknown).
    await this.#mark(editionId, ids, { status: 'sending' }, 'queued');
    const origin = siteOrigin(this.deps, site);
    const host = site.hosts[0] ?? 'localhost';
    const from = fromFor(this.deps, site);
    const envelopeFrom = /<([^>]+)>/.exec(from)?.[1] ?? from;
    const listId = `${encodeHeader(site.name.replace(/[<>"]/g, ''))} Daily <daily.${host}>`;
    const date = new Date();
    const sentLog = new GroupCommit((batch) => this.#mark(editionId, batch, { status: 'sent' }));
    const outcomes = await Promise.all(
      chunk.map(async (r) => {
        const unsubscribeToken = this.deps.signer.sign(
          { purpose: 'unsubscribe', subscriberId: r.subscriberId, siteId: site.id, editionId },
          null,
        );
        const unsubscribeUrl = `${origin}${newsletterPaths.unsubscribe}?token=${unsubscribeToken}`;
        const preferencesUrl = `${origin}${newsletterPaths.preferences}?token=${this.subscriptions.preferencesToken(r.subscriberId)}`;
        const body = template.forRecipient({
          place: r.state ? { state: r.state, county: r.county, city: r.city } : null,
          unsubscribeUrl,
          preferencesUrl,
        });
        try {
          await this.deps.mailer.sendRaw({
            from: envelopeFrom,
            to: r.email,
            raw: composeRaw({
              from,
              to: r.email,
              subject: template.subject,
              messageId: editionMessageId(editionId, r.subscriberId, host),
              date,
              text: body.text,
              html: body.html,
              headers: {
                'List-Unsubscribe': `<${unsubscribeUrl}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                'List-Id': listId,
                Precedence: 'bulk',
              },
            }),
          });
          // Recorded at once (coalesced with the others that finished meanwhile), so a crash
          // leaves unknown only the messages SMTP was taking at that moment.
          sentLog.push(r.subscriberId);
          return { r, ok: true as const };
        } catch (error) {
          const permanent = error instanceof MailDeliveryError && error.permanent;
          const code = error instanceof MailDeliveryError ? error.responseCode : undefined;
          return {
            r,
            ok: false as const,
            permanent,
            code,
            message: String((error as Error)?.message ?? error).slice(0, 500),
          };
        }
      }),
    );
    await sentLog.drain();
    const now = this.deps.clock.now();
    let unreachable = 0;
    tally.queued -= chunk.length;
    for (const o of outcomes) {
      if (o.ok) {
        tally.sent += 1;
        continue;
      }
      if (o.permanent) {
        tally.failed += 1;
        await this.#mark(editionId, [o.r.subscriberId], {
          status: 'failed',
          last_error: o.message,
          attempts: o.r.attempts + 1,
        });
        await suppress(this.deps, o.r.subscriberId, `SMTP ${o.code ?? '5xx'}: ${o.message}`);
        continue;
      }
      if (o.code === undefined) unreachable += 1;
      const attempts = o.r.attempts + 1;
      const givingUp = attempts >= this.#maxAttempts;
      if (givingUp) tally.failed += 1;
      else tally.retry += 1;
      await this.#mark(editionId, [o.r.subscriberId], {
        status: givingUp ? 'failed' : 'retry',
        attempts,
        last_error: o.message,
        next_attempt_at: givingUp ? null : writeTime(new Date(now.getTime() + this.#retryDelayMs(attempts))),
      });
    }
    // A whole chunk without an SMTP answer: the server is down; pause rather than burn the list.
    if (unreachable === chunk.length) {
      this.deps.logger.error({ editionId }, 'the SMTP server does not answer; pausing the edition');
      return new Date(now.getTime() + this.#retryDelayMs(1));
    }
    return null;
  }

  async #mark(
    editionId: number,
    ids: readonly number[],
    set: {
      status: 'sending' | 'sent' | 'retry' | 'failed' | 'suppressed';
      attempts?: number;
      last_error?: string;
      next_attempt_at?: string | null;
    },
    from?: 'queued',
  ): Promise<void> {
    let query = this.deps.db
      .updateTable('newsletter_deliveries')
      .set({ ...set, updated_at: writeTime(this.deps.clock.now()) })
      .where('edition_id', '=', editionId)
      .where('subscriber_id', 'in', [...ids]);
    if (from) query = query.where('status', '=', from);
    await query.execute();
  }
}

/** Stable per edition and reader, so a message sent again after a crash is recognisably the same one. */
export function editionMessageId(editionId: number, subscriberId: number, host: string): string {
  return `<edition-${editionId}.subscriber-${subscriberId}@${host}>`;
}

/** Nothing is sent to the address again (a 5xx, or a bounce report). */
export async function suppress(
  deps: Pick<NewsletterDeps, 'db' | 'clock'>,
  subscriberId: number,
  reason: string,
): Promise<void> {
  await deps.db
    .updateTable('newsletter_subscribers')
    .set({
      suppressed_at: writeTime(deps.clock.now()),
      suppressed_reason: reason.slice(0, 500),
      updated_at: writeTime(deps.clock.now()),
    })
    .where('id', '=', subscriberId)
    .where('suppressed_at', 'is', null)
    .execute();
}

/**
 * Writes what was pushed in as few statements as the database allows: while one write runs,
 * new items gather for the next. Every item is written before `drain` resolves.
 */
class GroupCommit {
  #buffer: number[] = [];
  #running: Promise<void> | null = null;
  #error: unknown = null;
  constructor(private readonly write: (batch: number[]) => Promise<void>) {}

  push(id: number): void {
    this.#buffer.push(id);
    this.#running ??= this.#flush().finally(() => {
      this.#running = null;
    });
  }

  async drain(): Promise<void> {
    while (this.#running) await this.#running;
    if (this.#error) throw this.#error;
  }

  async #flush(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#buffer.splice(0);
      try {
        await this.write(batch);
      } catch (error) {
        this.#error ??= error;
      }
    }
  }
}
