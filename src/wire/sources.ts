/** Wire sources: where items come from, for which site, and what the desk decided about them. */
import type { Kysely, Selectable } from 'kysely';
import { readJson, readTime, writeTime } from '../platform/database/dialect.ts';
import type { Database, WireSourcesTable } from '../platform/database/schema.ts';
import type { WireFormat } from './wire-item.ts';

/** A rule sending items with a subject code (or a keyword) to a section. The first match wins. */
export interface SectionRule {
  readonly subject?: string;
  readonly keyword?: string;
  /** The section's path on the source's site, e.g. "world/europe". */
  readonly section: string;
}

/**
 * A rule deciding, by subject code (or name) or keyword, whether an item of the source publishes
 * on arrival or waits for the desk, whatever the source's own setting. How rules combine is
 * `decidePublishing`'s (pipeline/publish-rules.ts).
 */
export interface PublishRule {
  readonly subject?: string;
  readonly keyword?: string;
  /** publish: auto-publish matching items; review: queue them for the desk. */
  readonly decision: 'publish' | 'review';
}

export interface WireSource {
  readonly id: number;
  readonly name: string;
  readonly siteId: number;
  readonly format: WireFormat | 'auto';
  /** folder: a drop folder; feed: an HTTP URL polled; manual: `dateline ingest` and uploads. */
  readonly kind: 'folder' | 'feed' | 'manual';
  readonly location: string;
  readonly pollSeconds: number;
  readonly defaultSectionId: number | null;
  readonly sectionRules: readonly SectionRule[];
  readonly defaultRightsLine: string | null;
  /** true: items publish on arrival; false: they wait in the desk's queue. */
  readonly autoPublish: boolean;
  /** Exceptions to `autoPublish` by subject or keyword; [] for none. */
  readonly publishRules: readonly PublishRule[];
  readonly enabled: boolean;
  readonly createdAt: Date;
}

/** The poll state of a feed source: conditional GET validators and the backoff. */
export interface PollState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly nextPollAt: Date | null;
  readonly failures: number;
  readonly lastError: string | null;
}

/** A source to create or save; without `publishRules`, it has none. */
export type SourceInput = Omit<WireSource, 'id' | 'createdAt' | 'publishRules'> & {
  readonly publishRules?: readonly PublishRule[];
};

export interface SourceRepository {
  list(siteId?: number): Promise<WireSource[]>;
  byId(id: number): Promise<WireSource | null>;
  create(input: SourceInput, at: Date): Promise<WireSource>;
  update(id: number, changes: Partial<SourceInput>): Promise<WireSource | null>;
  remove(id: number): Promise<boolean>;
  /** The site's source for `dateline ingest` and uploads, created on first use. */
  manualFor(siteId: number, at: Date): Promise<WireSource>;
  pollState(id: number): Promise<PollState | null>;
  savePollState(id: number, state: PollState): Promise<void>;
}

export function createSourceRepository(db: Kysely<Database>): SourceRepository {
  const select = () => db.selectFrom('wire_sources').selectAll();
  return {
    async list(siteId) {
      let query = select().orderBy('id');
      if (siteId !== undefined) query = query.where('site_id', '=', siteId);
      return (await query.execute()).map(fromRow);
    },

    async byId(id) {
      if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async create(input, at) {
      const { id } = await db
        .insertInto('wire_sources')
        .values({ ...toRow(input), failures: 0, created_at: writeTime(at) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...input, publishRules: input.publishRules ?? [], id, createdAt: at };
    },

    async update(id, changes) {
      const current = await this.byId(id);
      if (!current) return null;
      const next: WireSource = {
        ...current,
        ...changes,
        publishRules: changes.publishRules ?? current.publishRules,
      };
      await db.updateTable('wire_sources').set(toRow(next)).where('id', '=', id).execute();
      return next;
    },

    async remove(id) {
      const result = await db.deleteFrom('wire_sources').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async manualFor(siteId, at) {
      const row = await select()
        .where('site_id', '=', siteId)
        .where('kind', '=', 'manual')
        .orderBy('id')
        .executeTakeFirst();
      if (row) return fromRow(row);
      return this.create(
        {
          name: 'Manual ingest',
          siteId,
          format: 'auto',
          kind: 'manual',
          location: '',
          pollSeconds: 60,
          defaultSectionId: null,
          sectionRules: [],
          defaultRightsLine: null,
          autoPublish: true,
          publishRules: [],
          enabled: true,
        },
        at,
      );
    },

    async pollState(id) {
      const row = await db
        .selectFrom('wire_sources')
        .select(['etag', 'last_modified', 'next_poll_at', 'failures', 'last_error'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row
        ? {
            etag: row.etag,
            lastModified: row.last_modified,
            nextPollAt: readTime(row.next_poll_at),
            failures: row.failures,
            lastError: row.last_error,
          }
        : null;
    },

    async savePollState(id, state) {
      await db
        .updateTable('wire_sources')
        .set({
          etag: state.etag,
          last_modified: state.lastModified,
          next_poll_at: state.nextPollAt ? writeTime(state.nextPollAt) : null,
          failures: state.failures,
          last_error: state.lastError,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

function toRow(s: SourceInput) {
  return {
    name: s.name,
    site_id: s.siteId,
    format: s.format,
    kind: s.kind,
    location: s.location,
    poll_seconds: s.pollSeconds,
    default_section_id: s.defaultSectionId,
    section_rules: JSON.stringify(s.sectionRules),
    default_rights_line: s.defaultRightsLine,
    auto_publish: s.autoPublish ? 1 : 0,
    publish_rules: JSON.stringify(s.publishRules ?? []),
    enabled: s.enabled ? 1 : 0,
  };
}

function fromRow(r: Selectable<WireSourcesTable>): WireSource {
  return {
    id: r.id,
    name: r.name,
    siteId: r.site_id,
    format: r.format as WireSource['format'],
    kind: r.kind,
    location: r.location,
    pollSeconds: r.poll_seconds,
    defaultSectionId: r.default_section_id,
    sectionRules: readJson<SectionRule[]>(r.section_rules, []),
    defaultRightsLine: r.default_rights_line,
    autoPublish: Boolean(r.auto_publish),
    publishRules: readJson<PublishRule[]>(r.publish_rules, []),
    enabled: Boolean(r.enabled),
    createdAt: readTime(r.created_at)!,
  };
}
