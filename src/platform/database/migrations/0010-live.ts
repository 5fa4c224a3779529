import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * Live TV: one channel per site and its programme schedule.
 *
 * - `live_channels`: the stream (an HLS URL and an optional backup), the poster and whether the
 *   channel is on air. One row per site at most (`site_id` unique).
 * - `live_programmes`: a programme's first (or only) airing; `recurrence` 'weekly' repeats it every
 *   week at the same wall-clock time in the site's time zone, expanded when the schedule is read.
 */
export function liveModel(caps: DialectCapabilities) {
  const { timestamp } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('live_channels'))
        .addColumn('site_id', 'integer', (c) =>
          c.notNull().unique().references('sites.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('stream_url', 'text', (c) => c.notNull())
        .addColumn('backup_url', 'text')
        .addColumn('poster_url', 'text')
        .addColumn('on_air', 'integer', (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('live_programmes'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('starts_at', timestamp, (c) => c.notNull())
        .addColumn('ends_at', timestamp, (c) => c.notNull())
        .addColumn('host', 'text')
        .addColumn('image_url', 'text')
        .addColumn('recurrence', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('live_programmes_site_start')
        .on('live_programmes')
        .columns(['site_id', 'starts_at'])
        .execute();
    },
  };
}
