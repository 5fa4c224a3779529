import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * The Daily Newsletter: subscribers (one row per address, with the place their ZIP names),
 * their per-brand subscriptions, the articles marked local, each brand's send settings, the
 * editions, and the send log that makes delivery exactly once (one row per edition and
 * subscriber, unique).
 */
export function newsletterModel(caps: DialectCapabilities) {
  const { timestamp, json } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('newsletter_subscribers'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('zip', 'text')
        .addColumn('place_state', 'text')
        .addColumn('place_county', 'text')
        .addColumn('place_city', 'text')
        .addColumn('latitude', 'real')
        .addColumn('longitude', 'real')
        .addColumn('suppressed_at', timestamp)
        .addColumn('suppressed_reason', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('newsletter_subscribers_place')
        .on('newsletter_subscribers')
        .columns(['place_state', 'place_county', 'place_city'])
        .execute();

      await db.schema
        .createTable('newsletter_subscriptions')
        .addColumn('subscriber_id', 'integer', (c) =>
          c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
        )
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('confirmed_at', timestamp)
        .addColumn('unsubscribed_at', timestamp)
        .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'site_id'])
        .execute();
      // The send walks a list's confirmed subscribers by id (keyset).
      await db.schema
        .createIndex('newsletter_subscriptions_list')
        .on('newsletter_subscriptions')
        .columns(['site_id', 'status', 'subscriber_id'])
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('article_localities'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('county', 'text')
        .addColumn('city', 'text')
        .execute();
      await db.schema
        .createIndex('article_localities_article')
        .on('article_localities')
        .column('article_id')
        .execute();

      await db.schema
        .createTable('newsletter_settings')
        .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id'))
        .addColumn('send_time', 'text', (c) => c.notNull())
        .addColumn('auto_send', 'integer', (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('newsletter_editions'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
        .addColumn('edition_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('intro', 'text', (c) => c.notNull())
        .addColumn('article_ids', json, (c) => c.notNull())
        .addColumn('send_at', timestamp)
        .addColumn('audience_ready', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', timestamp)
        .addColumn('started_at', timestamp)
        .addColumn('finished_at', timestamp)
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addUniqueConstraint('newsletter_editions_day', ['site_id', 'edition_date'])
        .execute();

      await db.schema
        .createTable('newsletter_deliveries')
        .addColumn('edition_id', 'integer', (c) =>
          c.notNull().references('newsletter_editions.id').onDelete('cascade'),
        )
        .addColumn('subscriber_id', 'integer', (c) =>
          c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
        )
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', timestamp)
        .addColumn('message_id', 'text')
        .addColumn('last_error', 'text')
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('newsletter_deliveries_pk', ['edition_id', 'subscriber_id'])
        .execute();
      await db.schema
        .createIndex('newsletter_deliveries_status')
        .on('newsletter_deliveries')
        .columns(['edition_id', 'status', 'subscriber_id'])
        .execute();
    },
  };
}
