import type { Kysely, Transaction } from 'kysely';
import { readJson, writeTime } from '../platform/database/dialect.ts';
import type { Database } from '../platform/database/schema.ts';
import { slugify } from './article.ts';
import type { Agency, Author, NavigationLink, Section, Site, Tag } from './model.ts';

export type SiteInput = Omit<Site, 'id'>;
export type SectionInput = Omit<Section, 'id' | 'path'>;

/** Sites (brands) and the things that classify their articles: sections, tags, authors, agencies. */
export interface TaxonomyRepository {
  listSites(): Promise<Site[]>;
  listSections(siteId: number): Promise<Section[]>;
  tagBySlug(siteId: number, slug: string): Promise<Tag | null>;
  authorBySlug(siteId: number, slug: string): Promise<Author | null>;
  listTags(siteId: number): Promise<Tag[]>;
  listAuthors(siteId: number): Promise<Author[]>;
  listAgencies(siteId: number): Promise<Agency[]>;
  createSite(input: SiteInput, at: Date): Promise<Site>;
  createSection(input: SectionInput): Promise<Section>;
  createTag(input: Omit<Tag, 'id'>): Promise<Tag>;
  createAuthor(input: Omit<Author, 'id'>): Promise<Author>;
  createAgency(input: Omit<Agency, 'id'>): Promise<Agency>;
  countSites(): Promise<number>;
  /** The site's agency with this name (matched by slug), created when there is none. */
  findOrCreateAgency(siteId: number, name: string, url?: string): Promise<Agency>;
  /** The site's tag with this name (matched by slug), created when there is none. */
  findOrCreateTag(siteId: number, name: string): Promise<Tag>;
}

export function createTaxonomyRepository(db: Kysely<Database>): TaxonomyRepository {
  return {
    async listSites() {
      const [rows, hosts] = await Promise.all([
        db.selectFrom('sites').selectAll().orderBy('id').execute(),
        db.selectFrom('site_hosts').selectAll().orderBy('host').execute(),
      ]);
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        name: r.name,
        tagline: r.tagline,
        timeZone: r.time_zone,
        locale: r.locale,
        company: r.company,
        logoUrl: r.logo_url,
        trademarkText: r.trademark_text,
        navigation: readJson<NavigationLink[]>(r.navigation, []),
        hosts: hosts.filter((h) => h.site_id === r.id).map((h) => h.host),
        isDefault: Boolean(r.is_default),
      }));
    },

    async listSections(siteId) {
      const rows = await db
        .selectFrom('sections')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        parentId: r.parent_id,
        slug: r.slug,
        path: r.path,
        name: r.name,
        description: r.description,
        position: r.position,
      }));
    },

    async tagBySlug(siteId, slug) {
      const r = await db
        .selectFrom('tags')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return r ? { id: r.id, siteId: r.site_id, slug: r.slug, name: r.name } : null;
    },

    async authorBySlug(siteId, slug) {
      const r = await db
        .selectFrom('authors')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return r
        ? { id: r.id, siteId: r.site_id, slug: r.slug, name: r.name, title: r.title, bio: r.bio }
        : null;
    },

    async listTags(siteId) {
      const rows = await db
        .selectFrom('tags')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({ id: r.id, siteId: r.site_id, slug: r.slug, name: r.name }));
    },

    async listAuthors(siteId) {
      const rows = await db
        .selectFrom('authors')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        slug: r.slug,
        name: r.name,
        title: r.title,
        bio: r.bio,
      }));
    },

    async listAgencies(siteId) {
      const rows = await db
        .selectFrom('agencies')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({ id: r.id, siteId: r.site_id, slug: r.slug, name: r.name, url: r.url }));
    },

    async createSite(input, at) {
      const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
        db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
      return inTransaction(async (trx) => {
        if (input.isDefault) await trx.updateTable('sites').set({ is_default: 0 }).execute();
        const { id } = await trx
          .insertInto('sites')
          .values({
            slug: input.slug,
            name: input.name,
            tagline: input.tagline,
            time_zone: input.timeZone,
            locale: input.locale,
            company: input.company,
            logo_url: input.logoUrl,
            trademark_text: input.trademarkText,
            navigation: JSON.stringify(input.navigation),
            is_default: input.isDefault ? 1 : 0,
            created_at: writeTime(at),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (input.hosts.length > 0) {
          await trx
            .insertInto('site_hosts')
            .values(input.hosts.map((host) => ({ host: host.toLowerCase(), site_id: id })))
            .execute();
        }
        return { ...input, id };
      });
    },

    async createSection(input) {
      const parent = input.parentId
        ? await db
            .selectFrom('sections')
            .select('path')
            .where('id', '=', input.parentId)
            .executeTakeFirstOrThrow()
        : null;
      const path = parent ? `${parent.path}/${input.slug}` : input.slug;
      const { id } = await db
        .insertInto('sections')
        .values({
          site_id: input.siteId,
          parent_id: input.parentId,
          slug: input.slug,
          path,
          name: input.name,
          description: input.description,
          position: input.position,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...input, id, path };
    },

    async createTag(input) {
      const { id } = await db
        .insertInto('tags')
        .values({ site_id: input.siteId, slug: input.slug, name: input.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...input, id };
    },

    async createAuthor(input) {
      const { id } = await db
        .insertInto('authors')
        .values({
          site_id: input.siteId,
          slug: input.slug,
          name: input.name,
          title: input.title,
          bio: input.bio,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...input, id };
    },

    async createAgency(input) {
      const { id } = await db
        .insertInto('agencies')
        .values({ site_id: input.siteId, slug: input.slug, name: input.name, url: input.url })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...input, id };
    },

    async findOrCreateAgency(siteId, name, url = '') {
      const slug = slugify(name) || 'agency';
      const row = await db
        .selectFrom('agencies')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (row) return { id: row.id, siteId: row.site_id, slug: row.slug, name: row.name, url: row.url };
      return this.createAgency({ siteId, slug, name: name.trim().slice(0, 200), url });
    },

    async findOrCreateTag(siteId, name) {
      const slug = slugify(name) || 'tag';
      const found = await this.tagBySlug(siteId, slug);
      return found ?? this.createTag({ siteId, slug, name: name.trim().slice(0, 100) });
    },

    async countSites() {
      const row = await db
        .selectFrom('sites')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
