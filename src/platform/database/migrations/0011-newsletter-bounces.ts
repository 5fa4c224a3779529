import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * Newsletter responses: bounce reports and which edition an unsubscribe came from.
 *
 * - `newsletter_bounces`: one row per recipient of a bounce report (an RFC 3464 delivery status
 *   notification or a non-standard bounce), hard or soft, tied to the edition when the report
 *   quotes its Message-ID. Unique per (report, subscriber), so the same report processed twice
 *   counts once. Deleting a subscriber deletes their bounces.
 * - `newsletter_subscriptions.unsubscribed_edition_id`: the edition whose link was used, so an
 *   edition's unsubscribes can be counted.
 */
export function newsletterBouncesModel(caps: DialectCapabilities) {
  const { timestamp } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('newsletter_bounces'))
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('subscriber_id', 'integer', (c) =>
          c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
        )
        .addColumn('edition_id', 'integer', (c) =>
          c.references('newsletter_editions.id').onDelete('set null'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text')
        .addColumn('diagnostic', 'text')
        .addColumn('received_at', timestamp, (c) => c.notNull())
        .addUniqueConstraint('newsletter_bounces_report', ['report_id', 'subscriber_id'])
        .execute();
      await db.schema
        .createIndex('newsletter_bounces_subscriber')
        .on('newsletter_bounces')
        .columns(['subscriber_id', 'kind', 'received_at'])
        .execute();
      await db.schema
        .createIndex('newsletter_bounces_edition')
        .on('newsletter_bounces')
        .columns(['edition_id', 'kind'])
        .execute();
      await db.schema
        .alterTable('newsletter_subscriptions')
        .addColumn('unsubscribed_edition_id', 'integer')
        .execute();
    },
  };
}
