import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * The wire desk: sources (a drop folder or a feed URL per site), one row per received item
 * version or refused file (with the original kept), and per-source subject/keyword → tag
 * mappings. `(site_id, guid, version)` is unique, so the same version can never make two
 * articles, whichever node or process ingests it. Versions are bigint: Reuters numbers them
 * by the second.
 */
export function wireModel(caps: DialectCapabilities) {
  const { timestamp, json } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('wire_sources'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('poll_seconds', 'integer', (c) => c.notNull())
        .addColumn('default_section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
        .addColumn('section_rules', json, (c) => c.notNull())
        .addColumn('default_rights_line', 'text')
        .addColumn('auto_publish', 'integer', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('next_poll_at', timestamp)
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('wire_sources_name')
        .on('wire_sources')
        .columns(['site_id', 'name'])
        .unique()
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('wire_items'))
        .addColumn('source_id', 'integer', (c) =>
          c.notNull().references('wire_sources.id').onDelete('cascade'),
        )
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('guid', 'text')
        .addColumn('version', 'bigint')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('pub_status', 'text')
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('item', json)
        .addColumn('embargo_at', timestamp)
        .addColumn('licence_end_at', timestamp)
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('original', 'text')
        .addColumn('original_size', 'integer', (c) => c.notNull())
        .addColumn('refusal_code', 'text')
        .addColumn('refusal_reason', 'text')
        .addColumn('received_at', timestamp, (c) => c.notNull())
        .addColumn('decided_at', timestamp)
        .execute();
      // NULL guids (refused files) are distinct in a unique index on both dialects.
      await db.schema
        .createIndex('wire_items_version')
        .on('wire_items')
        .columns(['site_id', 'guid', 'version'])
        .unique()
        .execute();
      await db.schema
        .createIndex('wire_items_queue')
        .on('wire_items')
        .columns(['source_id', 'status', 'id'])
        .execute();
      await db.schema
        .createIndex('wire_items_licence')
        .on('wire_items')
        .columns(['status', 'licence_end_at'])
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('wire_mappings'))
        .addColumn('source_id', 'integer', (c) =>
          c.notNull().references('wire_sources.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('tag_id', 'integer', (c) => c.references('tags.id').onDelete('cascade'))
        .execute();
      await db.schema
        .createIndex('wire_mappings_value')
        .on('wire_mappings')
        .columns(['source_id', 'kind', 'value'])
        .unique()
        .execute();
    },
  };
}
