/** The received wire items (one row per version or refused file) and the tag mappings. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { readJson, readTime, writeTime } from '../platform/database/dialect.ts';
import { preparedInsert } from '../platform/database/prepared-query.ts';
import type { Database, WireItemsTable } from '../platform/database/schema.ts';
import { jsonReusing } from '../platform/json-once.ts';
import type { WireItem } from './wire-item.ts';

export type WireItemStatus = WireItemsTable['status'];

/** A stored wire item row, as the desk sees it. */
export interface StoredWireItem {
  readonly id: number;
  readonly sourceId: number;
  readonly siteId: number;
  readonly guid: string | null;
  readonly version: number | null;
  readonly status: WireItemStatus;
  readonly pubStatus: string | null;
  readonly headline: string;
  readonly articleId: number | null;
  readonly embargoAt: Date | null;
  readonly licenceEndAt: Date | null;
  readonly fileName: string;
  readonly originalSize: number;
  readonly refusalCode: string | null;
  readonly refusalReason: string | null;
  /** IPTC urgency, 1 (most urgent) to 9; null when the item gave none. */
  readonly urgency: number | null;
  readonly agency: string | null;
  /** Why it was queued or published on arrival (the source's setting or a publish rule); null before 0021. */
  readonly decisionReason: string | null;
  readonly receivedAt: Date;
  readonly decidedAt: Date | null;
}

/** The desk's filters over a source's items. */
export interface WireItemQuery {
  readonly sourceId: number;
  readonly status: WireItemStatus;
  /** Items this urgent or more (urgency 1 to this); items without an urgency are left out. */
  readonly urgency?: number;
  /** Items of this agency (its name as the items give it). */
  readonly agency?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface NewWireItemRow {
  readonly sourceId: number;
  readonly siteId: number;
  readonly item: WireItem | null;
  readonly status: WireItemStatus;
  readonly headline: string;
  readonly articleId: number | null;
  readonly fileName: string;
  readonly original: string | null;
  readonly originalSize: number;
  readonly refusal?: { readonly code: string; readonly reason: string };
  /** Why it was queued or published (a publish rule, or the source's setting). */
  readonly decisionReason?: string | null;
  readonly at: Date;
}

export interface Mapping {
  readonly id: number;
  readonly sourceId: number;
  readonly kind: 'subject' | 'keyword';
  readonly value: string;
  /** null: items with this subject or keyword get no tag for it. */
  readonly tagId: number | null;
}

/** Originals larger than this are not kept in the database (the quarantine folder keeps the file). */
export const maxKeptOriginal = 1024 * 1024;

export function createWireStore(db: Kysely<Database>) {
  // A row for every item and refused file: compiled once per store (a batch shares one).
  const insertRow = preparedInsert(db, (row: Insertable<WireItemsTable>) =>
    db.insertInto('wire_items').values(row).returning('id'),
  );
  /** Moves a guid's queued versions (those below `belowVersion`, when given) to `status`; how many. */
  async function leaveQueue(
    siteId: number,
    guid: string,
    status: 'superseded' | 'killed',
    at: Date,
    belowVersion?: number,
  ): Promise<number> {
    let update = db
      .updateTable('wire_items')
      .set({ status, decided_at: writeTime(at) })
      .where('site_id', '=', siteId)
      .where('guid', '=', guid)
      .where('status', '=', 'queued');
    if (belowVersion !== undefined) update = update.where('version', '<', belowVersion);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
  return {
    /** The newest version received of an item on a site (any status), or null. */
    async latestVersion(siteId: number, guid: string): Promise<StoredWireItem | null> {
      const row = await db
        .selectFrom('wire_items')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('guid', '=', guid)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    /**
     * The newest version received of an item on a site and the article its versions made, in
     * one query (dedupe asks both for every item).
     */
    async history(
      siteId: number,
      guid: string,
    ): Promise<{ latest: StoredWireItem | null; articleId: number | null }> {
      const rows = await db
        .selectFrom('wire_items')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('guid', '=', guid)
        .orderBy('version', 'desc')
        .execute();
      const latest = rows[0] ? fromRow(rows[0]) : null;
      return { latest, articleId: rows.find((r) => r.article_id !== null)?.article_id ?? null };
    },

    /** `history` for many guids at once (a batch asks once for all its items). */
    async histories(
      siteId: number,
      guids: readonly string[],
    ): Promise<Map<string, { latest: StoredWireItem | null; articleId: number | null }>> {
      const found = new Map<string, { latest: StoredWireItem | null; articleId: number | null }>();
      for (let i = 0; i < guids.length; i += 500) {
        const rows = await db
          .selectFrom('wire_items')
          .selectAll()
          .where('site_id', '=', siteId)
          .where('guid', 'in', guids.slice(i, i + 500))
          .orderBy('version', 'desc')
          .execute();
        for (const row of rows) {
          const entry = found.get(row.guid!) ?? { latest: fromRow(row), articleId: null };
          if (entry.articleId === null && row.article_id !== null) entry.articleId = row.article_id;
          found.set(row.guid!, entry);
        }
      }
      return found;
    },

    /** The article a guid became on a site, if any version made one. */
    async articleFor(siteId: number, guid: string): Promise<number | null> {
      const row = await db
        .selectFrom('wire_items')
        .select('article_id')
        .where('site_id', '=', siteId)
        .where('guid', '=', guid)
        .where('article_id', 'is not', null)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.article_id ?? null;
    },

    async insert(row: NewWireItemRow): Promise<number> {
      const { item } = row;
      const [inserted] = await insertRow({
        source_id: row.sourceId,
        site_id: row.siteId,
        guid: item?.guid ?? null,
        version: item?.version ?? null,
        status: row.status,
        pub_status: item?.pubStatus ?? null,
        headline: row.headline.slice(0, 300),
        article_id: row.articleId,
        item: item ? jsonReusing(item, 'body') : null,
        embargo_at: item?.embargo ? writeTime(item.embargo) : null,
        licence_end_at: item?.licenceEnd ? writeTime(item.licenceEnd) : null,
        file_name: row.fileName.slice(0, 500),
        original: row.original !== null && row.original.length <= maxKeptOriginal ? row.original : null,
        original_size: row.originalSize,
        refusal_code: row.refusal?.code ?? null,
        refusal_reason: row.refusal?.reason ?? null,
        urgency: item?.urgency ?? null,
        agency: item?.agency ?? null,
        decision_reason: row.decisionReason ?? null,
        received_at: writeTime(row.at),
        decided_at: row.status === 'queued' ? null : writeTime(row.at),
      });
      return inserted!.id;
    },

    async setStatus(id: number, status: WireItemStatus, at: Date, articleId?: number | null): Promise<void> {
      await db
        .updateTable('wire_items')
        .set({
          status,
          decided_at: writeTime(at),
          ...(articleId !== undefined ? { article_id: articleId } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Moves a row out of the queue; false when it had left it already (another desk editor, a
     * kill), so the caller's transaction can roll back rather than make a second article.
     */
    async takeQueued(
      id: number,
      status: WireItemStatus,
      at: Date,
      articleId: number | null,
    ): Promise<boolean> {
      const result = await db
        .updateTable('wire_items')
        .set({ status, decided_at: writeTime(at), article_id: articleId })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async byId(
      id: number,
    ): Promise<(StoredWireItem & { item: WireItem | null; original: string | null }) | null> {
      if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
      const row = await db.selectFrom('wire_items').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { ...fromRow(row), item: reviveItem(row.item), original: row.original } : null;
    },

    async list(query: WireItemQuery) {
      const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 50));
      const page = Math.max(1, query.page ?? 1);
      let base = db
        .selectFrom('wire_items')
        .where('source_id', '=', query.sourceId)
        .where('status', '=', query.status);
      if (query.urgency !== undefined) base = base.where('urgency', '<=', query.urgency);
      if (query.agency !== undefined) base = base.where('agency', '=', query.agency);
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(fromRow), total: Number(count.n), page, pageSize };
    },

    /** Every version received of a guid on a site (any source, any status), newest first. */
    async versions(siteId: number, guid: string): Promise<StoredWireItem[]> {
      const rows = await db
        .selectFrom('wire_items')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('guid', '=', guid)
        .orderBy('version', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return rows.map(fromRow);
    },

    /** The agencies a source's items name, with how many items each (the desk's filter choices). */
    async agencies(sourceId: number): Promise<{ name: string; items: number }[]> {
      const rows = await db
        .selectFrom('wire_items')
        .select((eb) => ['agency', eb.fn.countAll<number>().as('n')])
        .where('source_id', '=', sourceId)
        .where('agency', 'is not', null)
        .groupBy('agency')
        .orderBy('agency')
        .limit(500)
        .execute();
      return rows.map((r) => ({ name: r.agency!, items: Number(r.n) }));
    },

    /**
     * Queued versions of a guid older than `version` leave the queue as `superseded`: the desk
     * sees one row per guid, the newest. Called in the newer version's own transaction.
     */
    supersedeQueued(siteId: number, guid: string, version: number, at: Date): Promise<number> {
      return leaveQueue(siteId, guid, 'superseded', at, version);
    },

    /** Queued versions of a guid, which a kill takes out of the queue. */
    killQueued(siteId: number, guid: string, at: Date): Promise<number> {
      return leaveQueue(siteId, guid, 'killed', at);
    },

    /** Published, scheduled or drafted items whose licence has ended by `now`. */
    async licencesEnded(now: Date, limit = 100): Promise<StoredWireItem[]> {
      const rows = await db
        .selectFrom('wire_items')
        .selectAll()
        .where('status', 'in', ['published', 'scheduled', 'drafted'])
        .where('licence_end_at', '<=', writeTime(now))
        .orderBy('licence_end_at')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },

    async mappings(sourceId: number): Promise<Mapping[]> {
      const rows = await db
        .selectFrom('wire_mappings')
        .selectAll()
        .where('source_id', '=', sourceId)
        .orderBy('kind')
        .orderBy('value')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        sourceId: r.source_id,
        kind: r.kind,
        value: r.value,
        tagId: r.tag_id,
      }));
    },

    async putMapping(m: Omit<Mapping, 'id'>): Promise<Mapping> {
      const existing = await db
        .selectFrom('wire_mappings')
        .select('id')
        .where('source_id', '=', m.sourceId)
        .where('kind', '=', m.kind)
        .where('value', '=', m.value)
        .executeTakeFirst();
      if (existing) {
        await db
          .updateTable('wire_mappings')
          .set({ tag_id: m.tagId })
          .where('id', '=', existing.id)
          .execute();
        return { ...m, id: existing.id };
      }
      const { id } = await db
        .insertInto('wire_mappings')
        .values({ source_id: m.sourceId, kind: m.kind, value: m.value, tag_id: m.tagId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...m, id };
    },

    async removeMapping(sourceId: number, id: number): Promise<boolean> {
      const result = await db
        .deleteFrom('wire_mappings')
        .where('id', '=', id)
        .where('source_id', '=', sourceId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

export type WireStore = ReturnType<typeof createWireStore>;

function fromRow(r: Selectable<WireItemsTable>): StoredWireItem {
  return {
    id: r.id,
    sourceId: r.source_id,
    siteId: r.site_id,
    guid: r.guid,
    version: r.version === null ? null : Number(r.version),
    status: r.status,
    pubStatus: r.pub_status,
    headline: r.headline,
    articleId: r.article_id,
    embargoAt: readTime(r.embargo_at),
    licenceEndAt: readTime(r.licence_end_at),
    fileName: r.file_name,
    originalSize: r.original_size,
    refusalCode: r.refusal_code,
    refusalReason: r.refusal_reason,
    urgency: r.urgency ?? null,
    agency: r.agency ?? null,
    decisionReason: r.decision_reason ?? null,
    receivedAt: readTime(r.received_at)!,
    decidedAt: readTime(r.decided_at),
  };
}

/** A stored WireItem with its dates revived. */
export function reviveItem(value: unknown): WireItem | null {
  const raw = readJson<Record<string, unknown> | null>(value, null);
  if (!raw) return null;
  const time = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
  return {
    ...(raw as unknown as WireItem),
    firstCreated: time(raw.firstCreated),
    versionCreated: time(raw.versionCreated),
    embargo: time(raw.embargo),
    licenceEnd: time(raw.licenceEnd),
    // Items stored before urgency was read have none.
    urgency: typeof raw.urgency === 'number' ? raw.urgency : null,
  };
}
