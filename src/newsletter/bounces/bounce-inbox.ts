import { writeTime } from '../../platform/database/dialect.ts';
import type { NewsletterDeps } from '../newsletter-deps.ts';
import { suppress } from '../sender.ts';
import type { BounceKind } from './classify.ts';
import { type BouncedRecipient, type ParsedBounce, parseBounce } from './parse-bounce.ts';

/** Soft bounces in this window that suppress an address (a mailbox full for weeks is gone). */
export const SOFT_BOUNCE_LIMIT = 5;
export const SOFT_BOUNCE_WINDOW_MS = 30 * 24 * 3600_000;

export type RecipientOutcome =
  /** A hard bounce (or the soft-bounce limit): nothing is sent to the address again. */
  | 'suppressed'
  /** A soft bounce, counted. */
  | 'counted'
  /** This report was processed before; nothing changed. */
  | 'duplicate'
  /** No subscriber has the address (deleted, or not ours). */
  | 'unknown';

export interface BounceResult {
  readonly email: string | null;
  readonly kind: BounceKind;
  readonly status: string | null;
  readonly subscriberId: number | null;
  readonly editionId: number | null;
  readonly outcome: RecipientOutcome;
}

export type InboxAnswer =
  | { readonly bounce: true; readonly format: 'dsn' | 'heuristic'; readonly recipients: BounceResult[] }
  | { readonly bounce: false; readonly reason: string };

/**
 * Where bounce messages arrive (the admin API's raw-message route and `dateline newsletter
 * bounces`): each is parsed, tied to the subscriber (and the edition, when it quotes our
 * Message-ID), and recorded once per report. A hard bounce suppresses the address; soft ones are
 * counted and suppress at SOFT_BOUNCE_LIMIT within SOFT_BOUNCE_WINDOW_MS.
 */
export class BounceInbox {
  constructor(private readonly deps: Pick<NewsletterDeps, 'db' | 'clock'>) {}

  async receive(raw: Buffer | string): Promise<InboxAnswer> {
    const parsed = await parseBounce(raw);
    if (!parsed.bounce) return parsed;
    const recipients: BounceResult[] = [];
    for (const recipient of parsed.recipients) recipients.push(await this.#record(parsed, recipient));
    return { bounce: true, format: parsed.format, recipients };
  }

  /** A bounce reported by address (the JSON route): recorded as hard, like a DSN's 5.x.x. */
  async reportByAddress(email: string, reason: string, reportId: string): Promise<boolean> {
    const result = await this.#record(
      { bounce: true, reportId, format: 'heuristic', recipients: [], originals: [] },
      { email: email.trim().toLowerCase(), kind: 'hard', status: null, diagnostic: reason },
    );
    return result.outcome !== 'unknown';
  }

  async #record(
    report: Extract<ParsedBounce, { bounce: true }>,
    recipient: BouncedRecipient,
  ): Promise<BounceResult> {
    const { db, clock } = this.deps;
    const subscriber = await this.#subscriberOf(report, recipient);
    const base = { email: recipient.email, kind: recipient.kind, status: recipient.status };
    if (!subscriber) return { ...base, subscriberId: null, editionId: null, outcome: 'unknown' };
    const editionId =
      report.originals.find((o) => o.subscriberId === subscriber.id)?.editionId ??
      (report.originals.length === 1 && !recipient.email ? report.originals[0]!.editionId : null);
    const edition = editionId
      ? await db.selectFrom('newsletter_editions').select('id').where('id', '=', editionId).executeTakeFirst()
      : undefined;
    const now = clock.now();
    const inserted = await db
      .insertInto('newsletter_bounces')
      .values({
        report_id: report.reportId,
        subscriber_id: subscriber.id,
        edition_id: edition?.id ?? null,
        kind: recipient.kind,
        status: recipient.status,
        diagnostic: recipient.diagnostic?.slice(0, 500) ?? null,
        received_at: writeTime(now),
      })
      .onConflict((oc) => oc.columns(['report_id', 'subscriber_id']).doNothing())
      .executeTakeFirst();
    const result = { ...base, subscriberId: subscriber.id, editionId: edition?.id ?? null };
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { ...result, outcome: 'duplicate' };
    const why = [recipient.status, recipient.diagnostic].filter(Boolean).join(' ') || 'permanent failure';
    if (recipient.kind === 'hard') {
      await suppress(this.deps, subscriber.id, `bounce: ${why}`);
      return { ...result, outcome: 'suppressed' };
    }
    const recent = await db
      .selectFrom('newsletter_bounces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subscriber_id', '=', subscriber.id)
      .where('kind', '=', 'soft')
      .where('received_at', '>=', writeTime(new Date(now.getTime() - SOFT_BOUNCE_WINDOW_MS)))
      .executeTakeFirst();
    if (Number(recent?.n ?? 0) >= SOFT_BOUNCE_LIMIT) {
      await suppress(this.deps, subscriber.id, `${SOFT_BOUNCE_LIMIT} soft bounces in 30 days, last: ${why}`);
      return { ...result, outcome: 'suppressed' };
    }
    return { ...result, outcome: 'counted' };
  }

  /**
   * The subscriber a recipient names: by address; when the report also quotes our Message-ID,
   * its subscriber must have that address (a forged report cannot suppress someone else). A
   * report that names no address (rare) is tied to its one quoted Message-ID.
   */
  async #subscriberOf(
    report: Extract<ParsedBounce, { bounce: true }>,
    recipient: BouncedRecipient,
  ): Promise<{ id: number } | undefined> {
    const query = this.deps.db.selectFrom('newsletter_subscribers').select(['id', 'email']);
    if (recipient.email) return query.where('email', '=', recipient.email).executeTakeFirst();
    if (report.originals.length !== 1) return undefined;
    return query.where('id', '=', report.originals[0]!.subscriberId).executeTakeFirst();
  }
}
