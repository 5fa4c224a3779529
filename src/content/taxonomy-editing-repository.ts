import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import type { Section, Tag } from './model.ts';

/**
 * Changes to sections and tags that keep old URLs working: a section whose slug changes (and
 * its subsections) leaves its old paths in `section_redirects`; a renamed or merged tag leaves
 * its old slug in `tag_redirects`. Each change is one transaction.
 */
export interface TaxonomyEditingRepository {
  /** Inserts a section at the end of its parent's list. */
  createSection(input: {
    siteId: number;
    parentId: number | null;
    slug: string;
    path: string;
    name: string;
    description: string;
  }): Promise<number>;
  /** Renames a section; `paths` maps the section's and its subsections' old paths to new ones. */
  updateSection(
    section: Section,
    changes: { name: string; slug: string; description: string },
    paths: ReadonlyMap<number, { from: string; to: string }>,
  ): Promise<void>;
  /** The section an old path now redirects to, if any. */
  sectionRedirect(siteId: number, path: string): Promise<number | null>;
  tagById(id: number): Promise<Tag | null>;
  /** Inserts a tag; a redirect from its slug (an earlier merge) gives way to it. */
  createTag(input: Omit<Tag, 'id'>): Promise<Tag>;
  updateTag(tag: Tag, changes: { name: string; slug: string }): Promise<void>;
  /** Moves every article of `from` to `into`, redirects `from`'s slug, deletes `from`; answers the moved articles' ids. */
  mergeTags(from: Tag, into: Tag): Promise<number[]>;
  /** The tag an old slug now redirects to, if any. */
  tagRedirect(siteId: number, slug: string): Promise<Tag | null>;
}

export function createTaxonomyEditingRepository(db: Kysely<Database>): TaxonomyEditingRepository {
  const toTag = (r: { id: number; site_id: number; slug: string; name: string }): Tag => ({
    id: r.id,
    siteId: r.site_id,
    slug: r.slug,
    name: r.name,
  });
  return {
    async createSection(input) {
      return db.transaction().execute(async (trx) => {
        let last = trx
          .selectFrom('sections')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('site_id', '=', input.siteId);
        last =
          input.parentId === null
            ? last.where('parent_id', 'is', null)
            : last.where('parent_id', '=', input.parentId);
        const row = await last.executeTakeFirst();
        const position = row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
        const { id } = await trx
          .insertInto('sections')
          .values({
            site_id: input.siteId,
            parent_id: input.parentId,
            slug: input.slug,
            path: input.path,
            name: input.name,
            description: input.description,
            position,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // A section now lives at this path: an older redirect from it gives way.
        await trx
          .deleteFrom('section_redirects')
          .where('site_id', '=', input.siteId)
          .where('old_path', '=', input.path)
          .execute();
        return id;
      });
    },

    async updateSection(section, changes, paths) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('sections')
          .set({ name: changes.name, slug: changes.slug, description: changes.description })
          .where('id', '=', section.id)
          .execute();
        for (const [id, { from, to }] of paths) {
          if (from === to) continue;
          await trx.updateTable('sections').set({ path: to }).where('id', '=', id).execute();
          await trx
            .deleteFrom('section_redirects')
            .where('site_id', '=', section.siteId)
            .where('old_path', 'in', [from, to])
            .execute();
          await trx
            .insertInto('section_redirects')
            .values({ site_id: section.siteId, old_path: from, section_id: id })
            .execute();
        }
      });
    },

    async sectionRedirect(siteId, path) {
      const row = await db
        .selectFrom('section_redirects')
        .select('section_id')
        .where('site_id', '=', siteId)
        .where('old_path', '=', path)
        .executeTakeFirst();
      return row?.section_id ?? null;
    },

    async tagById(id) {
      const row = await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTag(row) : null;
    },

    async createTag(input) {
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('tags')
          .values({ site_id: input.siteId, slug: input.slug, name: input.name })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .deleteFrom('tag_redirects')
          .where('site_id', '=', input.siteId)
          .where('old_slug', '=', input.slug)
          .execute();
        return { ...input, id };
      });
    },

    async updateTag(tag, changes) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('tags').set(changes).where('id', '=', tag.id).execute();
        if (changes.slug !== tag.slug) {
          await trx
            .deleteFrom('tag_redirects')
            .where('site_id', '=', tag.siteId)
            .where('old_slug', 'in', [tag.slug, changes.slug])
            .execute();
          await trx
            .insertInto('tag_redirects')
            .values({ site_id: tag.siteId, old_slug: tag.slug, tag_id: tag.id })
            .execute();
        }
      });
    },

    async mergeTags(from, into) {
      return db.transaction().execute(async (trx) => {
        const moved = await trx
          .selectFrom('article_tags')
          .select('article_id')
          .where('tag_id', '=', from.id)
          .execute();
        const ids = moved.map((r) => r.article_id);
        if (ids.length > 0) {
          // Articles that carry both keep their place for the target; the rest take over from's place.
          await trx
            .deleteFrom('article_tags')
            .where('tag_id', '=', from.id)
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('article_tags as both')
                  .select('both.article_id')
                  .whereRef('both.article_id', '=', 'article_tags.article_id')
                  .where('both.tag_id', '=', into.id),
              ),
            )
            .execute();
          await trx
            .updateTable('article_tags')
            .set({ tag_id: into.id })
            .where('tag_id', '=', from.id)
            .execute();
        }
        await trx
          .updateTable('tag_redirects')
          .set({ tag_id: into.id })
          .where('tag_id', '=', from.id)
          .execute();
        await trx
          .insertInto('tag_redirects')
          .values({ site_id: from.siteId, old_slug: from.slug, tag_id: into.id })
          .execute();
        await trx.deleteFrom('tags').where('id', '=', from.id).execute();
        return ids;
      });
    },

    async tagRedirect(siteId, slug) {
      const row = await db
        .selectFrom('tag_redirects')
        .innerJoin('tags', 'tags.id', 'tag_redirects.tag_id')
        .select(['tags.id', 'tags.site_id', 'tags.slug', 'tags.name'])
        .where('tag_redirects.site_id', '=', siteId)
        .where('tag_redirects.old_slug', '=', slug)
        .executeTakeFirst();
      return row ? toTag(row) : null;
    },
  };
}
