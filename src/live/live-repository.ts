/** Live TV's tables, through Kysely; the same queries on SQLite and PostgreSQL. */
import type { Kysely, Selectable } from 'kysely';
import { readTime, writeTime } from '../platform/database/dialect.ts';
import type { Database, LiveChannelsTable, LiveProgrammesTable } from '../platform/database/schema.ts';
import type { Channel, ChannelInput, Programme, ProgrammeInput } from './model.ts';

type Db = Kysely<Database>;

function toChannel(row: Selectable<LiveChannelsTable>): Channel {
  return {
    siteId: row.site_id,
    name: row.name,
    streamUrl: row.stream_url,
    backupUrl: row.backup_url,
    posterUrl: row.poster_url,
    onAir: Boolean(row.on_air),
    updatedAt: readTime(row.updated_at)!,
  };
}

function toProgramme(row: Selectable<LiveProgrammesTable>): Programme {
  return {
    id: row.id,
    siteId: row.site_id,
    title: row.title,
    description: row.description,
    startsAt: readTime(row.starts_at)!,
    endsAt: readTime(row.ends_at)!,
    host: row.host,
    imageUrl: row.image_url,
    recurrence: row.recurrence === 'weekly' ? 'weekly' : 'none',
  };
}

function programmeColumns(input: ProgrammeInput) {
  return {
    title: input.title,
    description: input.description,
    starts_at: writeTime(input.startsAt),
    ends_at: writeTime(input.endsAt),
    host: input.host,
    image_url: input.imageUrl,
    recurrence: input.recurrence,
  };
}

export const liveRepository = {
  async channel(db: Db, siteId: number): Promise<Channel | null> {
    const row = await db
      .selectFrom('live_channels')
      .selectAll()
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    return row ? toChannel(row) : null;
  },

  async saveChannel(db: Db, siteId: number, input: ChannelInput, at: Date): Promise<void> {
    const values = {
      name: input.name,
      stream_url: input.streamUrl,
      backup_url: input.backupUrl,
      poster_url: input.posterUrl,
      on_air: input.onAir ? 1 : 0,
      updated_at: writeTime(at),
    };
    await db
      .insertInto('live_channels')
      .values({ site_id: siteId, ...values })
      .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
      .execute();
  },

  /**
   * Takes the site's channel row for the rest of the transaction (an UPDATE locks it on
   * PostgreSQL; SQLite has one writer), so two schedule changes cannot both pass the overlap
   * check. False when the site has no channel.
   */
  async lockChannel(db: Db, siteId: number, at: Date): Promise<boolean> {
    const result = await db
      .updateTable('live_channels')
      .set({ updated_at: writeTime(at) })
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  async programme(db: Db, id: number): Promise<Programme | null> {
    const row = await db.selectFrom('live_programmes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toProgramme(row) : null;
  },

  /** One-off programmes that overlap [from, to) and every weekly programme that started before `to`. */
  async programmesAround(db: Db, siteId: number, from: Date, to: Date): Promise<Programme[]> {
    const rows = await db
      .selectFrom('live_programmes')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('starts_at', '<', writeTime(to))
      .where((eb) => eb.or([eb('recurrence', '=', 'weekly'), eb('ends_at', '>', writeTime(from))]))
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    return rows.map(toProgramme);
  },

  /** The site's programmes as entered, optionally only those that start in [from, to). */
  async listProgrammes(db: Db, siteId: number, range: { from?: Date; to?: Date } = {}): Promise<Programme[]> {
    let query = db.selectFrom('live_programmes').selectAll().where('site_id', '=', siteId);
    if (range.from) query = query.where('starts_at', '>=', writeTime(range.from));
    if (range.to) query = query.where('starts_at', '<', writeTime(range.to));
    const rows = await query.orderBy('starts_at').orderBy('id').execute();
    return rows.map(toProgramme);
  },

  async insertProgramme(db: Db, siteId: number, input: ProgrammeInput, at: Date): Promise<number> {
    const row = await db
      .insertInto('live_programmes')
      .values({
        site_id: siteId,
        ...programmeColumns(input),
        created_at: writeTime(at),
        updated_at: writeTime(at),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateProgramme(db: Db, id: number, input: ProgrammeInput, at: Date): Promise<void> {
    await db
      .updateTable('live_programmes')
      .set({ ...programmeColumns(input), updated_at: writeTime(at) })
      .where('id', '=', id)
      .execute();
  },

  async deleteProgramme(db: Db, id: number): Promise<void> {
    await db.deleteFrom('live_programmes').where('id', '=', id).execute();
  },

  /** Deletes the site's one-off programmes that overlap [from, to): an import replaces that span. */
  async deleteOneOffsBetween(db: Db, siteId: number, from: Date, to: Date): Promise<number> {
    const result = await db
      .deleteFrom('live_programmes')
      .where('site_id', '=', siteId)
      .where('recurrence', '=', 'none')
      .where('starts_at', '<', writeTime(to))
      .where('ends_at', '>', writeTime(from))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
