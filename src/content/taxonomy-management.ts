/**
 * The newsroom's changes to sections and tags, with content's rules: names and slugs, no two
 * sections at one path, no section where the site's own pages live, a changed slug or a merged
 * tag keeps its old URLs (301). After a change the sections in memory are reloaded and
 * `site.changed` purges the site's pages (navigation, fronts, feeds and sitemaps all show them).
 */
import type { EventBus } from '../platform/events.ts';
import { slugify } from './article.ts';
import type { ContentService } from './content-service.ts';
import { ContentError, type FieldProblem } from './errors.ts';
import type { Section, Tag } from './model.ts';
import type { TaxonomyEditingRepository } from './taxonomy-editing-repository.ts';

/** First path segments the site's own pages use: no section may take them. */
const reservedSlugs = new Set([
  'admin',
  'api',
  'assets',
  'author',
  'brand',
  'community',
  'feeds',
  'healthz',
  'live',
  'media',
  'metrics',
  'newsletter',
  'readyz',
  'search',
  'sitemaps',
  'tag',
]);
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SectionCreateInput {
  readonly siteId: number;
  readonly name: string;
  readonly slug?: string;
  readonly parentId?: number | null;
  readonly description?: string;
}

export interface SectionChanges {
  readonly name?: string;
  readonly slug?: string;
  readonly description?: string;
}

export class TaxonomyManagement {
  readonly #editing: TaxonomyEditingRepository;
  readonly #content: ContentService;
  readonly #events: EventBus;

  constructor(deps: { editing: TaxonomyEditingRepository; content: ContentService; events: EventBus }) {
    this.#editing = deps.editing;
    this.#content = deps.content;
    this.#events = deps.events;
  }

  async createSection(input: SectionCreateInput): Promise<Section> {
    const problems: FieldProblem[] = [];
    const name = checkName(input.name, problems);
    const slug = checkSlug(input.slug, name, problems, { section: true });
    const parent = input.parentId == null ? null : this.#content.sectionById(input.parentId);
    if (input.parentId != null && parent?.siteId !== input.siteId) {
      problems.push({ field: 'parentId', message: `there is no section ${input.parentId} on this site` });
    }
    const path = parent ? `${parent.path}/${slug}` : slug;
    if (!parent && reservedSlugs.has(slug)) {
      problems.push({ field: 'slug', message: `"${slug}" is used by the site's own pages; choose another` });
    }
    if (slug && this.#content.sectionByPath(input.siteId, path)) {
      problems.push({ field: 'slug', message: `a section already lives at /${path}` });
    }
    fail(problems);
    const id = await this.#editing.createSection({
      siteId: input.siteId,
      parentId: parent?.id ?? null,
      slug,
      path,
      name,
      description: input.description?.trim() ?? '',
    });
    await this.#reload(input.siteId);
    return this.#content.sectionById(id)!;
  }

  /** Renames a section; a new slug moves it and its subsections, and their old paths answer 301. */
  async updateSection(id: number, changes: SectionChanges): Promise<Section> {
    const section = this.#content.sectionById(id);
    if (!section) throw new ContentError.NotFound(`There is no section ${id}.`);
    const problems: FieldProblem[] = [];
    const name = changes.name === undefined ? section.name : checkName(changes.name, problems);
    const slug =
      changes.slug === undefined ? section.slug : checkSlug(changes.slug, name, problems, { section: true });
    const parentPath = section.path.slice(0, section.path.length - section.slug.length);
    const path = parentPath + slug;
    if (section.parentId === null && reservedSlugs.has(slug)) {
      problems.push({ field: 'slug', message: `"${slug}" is used by the site's own pages; choose another` });
    }
    const taken = this.#content.sectionByPath(section.siteId, path);
    if (taken && taken.id !== section.id)
      problems.push({ field: 'slug', message: `a section already lives at /${path}` });
    if (changes.description !== undefined && changes.description.length > 1000) {
      problems.push({ field: 'description', message: 'must be at most 1000 characters' });
    }
    fail(problems);
    const paths = new Map<number, { from: string; to: string }>();
    for (const member of this.#descendants(section)) {
      paths.set(member.id, { from: member.path, to: path + member.path.slice(section.path.length) });
    }
    await this.#editing.updateSection(
      section,
      { name, slug, description: changes.description?.trim() ?? section.description },
      paths,
    );
    await this.#reload(section.siteId);
    return this.#content.sectionById(id)!;
  }

  /** The section an old path (before a slug change) redirects to. */
  async sectionRedirect(siteId: number, path: string): Promise<Section | undefined> {
    const id = await this.#editing.sectionRedirect(siteId, path);
    return id === null ? undefined : this.#content.sectionById(id);
  }

  /**
   * Creates a tag, or answers the site's tag with the same slug (`created: false`), so the
   * editor's "create on the fly" can never make two of one tag.
   */
  async createTag(siteId: number, input: { name: string }): Promise<{ tag: Tag; created: boolean }> {
    const problems: FieldProblem[] = [];
    const name = checkName(input.name, problems);
    const slug = checkSlug(undefined, name, problems, { section: false });
    fail(problems);
    const existing = await this.#content.taxonomy.tagBySlug(siteId, slug);
    if (existing) return { tag: existing, created: false };
    const tag = await this.#editing.createTag({ siteId, slug, name });
    await this.#reload(siteId);
    return { tag, created: true };
  }

  /** Renames a tag; a new slug leaves the old one redirecting (301) to it. */
  async updateTag(id: number, changes: { name?: string; slug?: string }): Promise<Tag> {
    const tag = await this.#requireTag(id);
    const problems: FieldProblem[] = [];
    const name = changes.name === undefined ? tag.name : checkName(changes.name, problems);
    const slug =
      changes.slug === undefined ? tag.slug : checkSlug(changes.slug, name, problems, { section: false });
    const taken = slug ? await this.#content.taxonomy.tagBySlug(tag.siteId, slug) : null;
    if (taken && taken.id !== tag.id) {
      problems.push({
        field: 'slug',
        message: `the tag "${taken.name}" already has it (merge the two instead)`,
      });
    }
    fail(problems);
    await this.#editing.updateTag(tag, { name, slug });
    await this.#reload(tag.siteId);
    return { ...tag, name, slug };
  }

  /** Moves every article of tag `id` to `intoId` and deletes `id`; its page and feeds then answer 301. */
  async mergeTags(id: number, intoId: number): Promise<{ into: Tag; movedArticleIds: number[] }> {
    const from = await this.#requireTag(id);
    const into = await this.#editing.tagById(intoId);
    if (!into || into.siteId !== from.siteId) {
      throw new ContentError.Invalid(`intoTagId: there is no tag ${intoId} on this site`);
    }
    if (into.id === from.id) throw new ContentError.Invalid('intoTagId: a tag cannot be merged into itself');
    const moved = await this.#editing.mergeTags(from, into);
    await this.#reload(from.siteId);
    for (const articleId of moved) {
      this.#events.emit('article.changed', {
        siteId: from.siteId,
        articleId,
        keys: [`article:${articleId}`, `tag:${from.id}`, `tag:${into.id}`],
      });
    }
    return { into, movedArticleIds: moved };
  }

  /** The tag an old slug (renamed or merged away) redirects to. */
  tagRedirect(siteId: number, slug: string): Promise<Tag | null> {
    return this.#editing.tagRedirect(siteId, slug);
  }

  async #requireTag(id: number): Promise<Tag> {
    const tag = await this.#editing.tagById(id);
    if (!tag) throw new ContentError.NotFound(`There is no tag ${id}.`);
    return tag;
  }

  #descendants(section: Section): Section[] {
    const all = this.#content.sections(section.siteId);
    return all.filter((s) => s.id === section.id || s.path.startsWith(`${section.path}/`));
  }

  async #reload(siteId: number): Promise<void> {
    await this.#content.load();
    this.#events.emit('site.changed', { siteId });
  }
}

function checkName(raw: string, problems: FieldProblem[]): string {
  const name = (raw ?? '').trim();
  if (name === '') problems.push({ field: 'name', message: 'is required' });
  else if (name.length > 100) problems.push({ field: 'name', message: 'must be at most 100 characters' });
  return name;
}

function checkSlug(
  raw: string | undefined,
  name: string,
  problems: FieldProblem[],
  { section }: { section: boolean },
): string {
  const slug = raw === undefined ? slugify(name) : raw.trim();
  if (slug === '') {
    if (raw !== undefined || name !== '') {
      problems.push({
        field: 'slug',
        message: 'is required (lower-case letters, digits and single hyphens)',
      });
    }
  } else if (!slugPattern.test(slug) || slug.length > 80) {
    problems.push({
      field: 'slug',
      message: 'must be lower-case letters, digits and single hyphens, at most 80',
    });
  } else if (section && /^\d+$/.test(slug)) {
    // "/world/2024" would read as an article URL (slug/id).
    problems.push({ field: 'slug', message: 'must contain a letter' });
  }
  return slug;
}

function fail(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) {
    throw new ContentError.Invalid(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}
