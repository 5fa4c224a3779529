import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database/schema.ts';
import { type ArticleChanged, EventBus } from '../platform/events.ts';
import {
  type ArticleInput,
  createDraft,
  edit,
  isVisible,
  publish,
  publishDue,
  schedule,
  type Transition,
  unpublish,
  withdraw,
} from './article.ts';
import type { ArticleRepository } from './article-repository.ts';
import type { CorrectionRepository } from './correction-repository.ts';
import { ContentError } from './errors.ts';
import type { HomeCurationRepository } from './home-curation-repository.ts';
import type { Article, ArticleTeaser, ArticleView, Correction, Section, Site } from './model.ts';
import type { TaxonomyEditingRepository } from './taxonomy-editing-repository.ts';
import { TaxonomyManagement } from './taxonomy-management.ts';
import type { TaxonomyRepository } from './taxonomy-repository.ts';

/** The most top stories a home page can be curated with. */
export const MAX_CURATED = 12;

export interface ContentServiceDeps {
  readonly articles: ArticleRepository;
  readonly taxonomy: TaxonomyRepository;
  readonly curation: HomeCurationRepository;
  readonly corrections: CorrectionRepository;
  readonly taxonomyEditing: TaxonomyEditingRepository;
  readonly events: EventBus;
  readonly clock: Clock;
  /** The database and the repositories' factories, for `transaction()`. */
  readonly scope?: {
    readonly db: Kysely<Database>;
    readonly articles: (db: Kysely<Database>) => ArticleRepository;
    readonly taxonomy: (db: Kysely<Database>) => TaxonomyRepository;
  };
}

/** The system (seeding, the wire) acts with no staff user. */
export const systemActor: Actor = Object.freeze({ savedBy: null });

interface Actor {
  /** The staff user acting, or null for the system. */
  readonly savedBy: number | null;
}

/**
 * The content capability's one entry point: sites by host, sections, and the article lifecycle.
 * Every change to an article emits `article.changed` with the surrogate keys of the pages it touches.
 */
export class ContentService {
  readonly articles: ArticleRepository;
  readonly taxonomy: TaxonomyRepository;
  /** The newsroom's changes to sections and tags (old URLs keep working). */
  readonly management: TaxonomyManagement;
  readonly #curation: HomeCurationRepository;
  readonly corrections: CorrectionRepository;
  readonly #events: EventBus;
  readonly #clock: Clock;
  readonly #scope: ContentServiceDeps['scope'];
  readonly #deps: ContentServiceDeps;
  #sites: Site[] = [];
  #siteByHost = new Map<string, Site>();
  #sections = new Map<number, Section[]>();
  #sectionById = new Map<number, Section>();

  constructor(deps: ContentServiceDeps) {
    this.articles = deps.articles;
    this.taxonomy = deps.taxonomy;
    this.#curation = deps.curation;
    this.corrections = deps.corrections;
    this.#events = deps.events;
    this.management = new TaxonomyManagement({
      editing: deps.taxonomyEditing,
      content: this,
      events: deps.events,
    });
    this.#clock = deps.clock;
    this.#scope = deps.scope;
    this.#deps = deps;
  }

  /**
   * Runs `work` in one database transaction: the service it is given writes through it, and
   * `db` lets the caller write its own rows in the same transaction. Change events are sent
   * only after the commit, so caches and search never see a rolled-back change.
   *
   * @example
   * await content.transaction(async (tx, db) => {
   *   const article = await tx.createArticle(input, systemActor);
   *   await db.insertInto('wire_items').values({ ... article_id: article.id }).execute();
   * });
   */
  async transaction<T>(
    work: (content: ContentService, db: Kysely<Database>) => Promise<T>,
    options: { searchIndexed?: boolean } = {},
  ): Promise<T> {
    const scope = this.#scope;
    if (!scope) throw new Error('This content service was built without a database scope.');
    const pending: ArticleChanged[] = [];
    const result = await scope.db.transaction().execute(async (trx) => {
      const buffered = new EventBus();
      buffered.on('article.changed', (event) => pending.push(event));
      const scoped = new ContentService({
        ...this.#deps,
        articles: scope.articles(trx),
        taxonomy: scope.taxonomy(trx),
        events: buffered,
        scope: undefined,
      });
      scoped.#adopt(this);
      return work(scoped, trx);
    });
    for (const event of pending) {
      this.#events.emit('article.changed', options.searchIndexed ? { ...event, searchIndexed: true } : event);
    }
    return result;
  }

  #adopt(from: ContentService): void {
    this.#sites = from.#sites;
    this.#siteByHost = from.#siteByHost;
    this.#sections = from.#sections;
    this.#sectionById = from.#sectionById;
  }

  /** Loads sites and sections into memory; call at start and after they change. */
  async load(): Promise<void> {
    const sites = await this.taxonomy.listSites();
    const sections = await Promise.all(sites.map((s) => this.taxonomy.listSections(s.id)));
    this.#sites = sites;
    this.#siteByHost = new Map(sites.flatMap((site) => site.hosts.map((host) => [host, site] as const)));
    this.#sections = new Map(sites.map((site, i) => [site.id, sections[i]!]));
    this.#sectionById = new Map(sections.flat().map((s) => [s.id, s]));
  }

  get sites(): readonly Site[] {
    return this.#sites;
  }

  /** The site whose hostnames include `host` (port ignored), else the default site. */
  siteForHost(host: string | undefined): Site | undefined {
    const name = (host ?? '')
      .toLowerCase()
      .replace(/:\d+$/, '')
      .replace(/^\[(.*)\]$/, '$1');
    return this.#siteByHost.get(name) ?? this.#sites.find((s) => s.isDefault) ?? this.#sites[0];
  }

  siteById(id: number): Site | undefined {
    return this.#sites.find((s) => s.id === id);
  }

  sections(siteId: number): readonly Section[] {
    return this.#sections.get(siteId) ?? [];
  }

  sectionById(id: number): Section | undefined {
    return this.#sectionById.get(id);
  }

  sectionByPath(siteId: number, path: string): Section | undefined {
    return this.sections(siteId).find((s) => s.path === path);
  }

  /** The section and its subsections' ids (a front lists them all). */
  sectionFamily(section: Section): number[] {
    return [
      section.id,
      ...this.sections(section.siteId)
        .filter((s) => s.parentId === section.id)
        .map((s) => s.id),
    ];
  }

  /** Ancestors of a section, outermost first, ending with the section itself. */
  sectionTrail(section: Section): Section[] {
    const trail: Section[] = [section];
    let parentId = section.parentId;
    while (parentId !== null) {
      const parent = this.#sectionById.get(parentId);
      if (!parent) break;
      trail.unshift(parent);
      parentId = parent.parentId;
    }
    return trail;
  }

  /** An article of `siteId` with relations resolved, and whether readers may see it now. */
  async viewArticle(siteId: number, id: number): Promise<{ view: ArticleView; visible: boolean } | null> {
    const found = await this.articles.findWithRelations(id);
    if (!found || found.article.siteId !== siteId) return null;
    const { article, tags, authors, agency } = found;
    const section = this.#sectionById.get(article.sectionId);
    if (!section) return null;
    // Every correction marks the article updated: without an update there is none to look for.
    const corrections = article.updatedAt ? await this.corrections.list(article.id) : [];
    const view: ArticleView = {
      ...article,
      corrections,
      section,
      sectionTrail: this.sectionTrail(section),
      tags,
      authors,
      agency,
    };
    return { view, visible: isVisible(article, this.#clock.now()) };
  }

  /**
   * Creates an article, a draft unless `publish` says otherwise: publishing or scheduling at
   * creation is one write and one revision (the wire creates thousands of articles an hour).
   */
  async createArticle(
    input: ArticleInput,
    { savedBy }: Actor,
    options: { publish?: 'now' | Date } = {},
  ): Promise<Article> {
    const at = this.#clock.now();
    this.#checkSection(input.siteId, input.sectionId);
    const draft = settle(createDraft(input, { at }));
    const article =
      options.publish === undefined
        ? draft
        : options.publish === 'now'
          ? settle(publish(draft, { at }))
          : settle(schedule(draft, { at, for: options.publish }));
    const saved = await this.articles.insert(article, { savedBy, at });
    this.#changed(null, saved);
    return saved;
  }

  async editArticle(
    id: number,
    changes: Partial<Omit<ArticleInput, 'siteId'>>,
    options: Actor & { expectedRevision: number; announce?: boolean },
  ): Promise<Article> {
    const current = await this.#require(id);
    if (changes.sectionId !== undefined) this.#checkSection(current.siteId, changes.sectionId);
    const at = this.#clock.now();
    const next = settle(edit(current, changes, { at, announce: options.announce ?? false }));
    const saved = await this.articles.update(next, options.expectedRevision, {
      savedBy: options.savedBy,
      at,
    });
    this.#changed(current, saved);
    return saved;
  }

  async publishArticle(id: number, actor: Actor): Promise<Article> {
    return this.#transition(id, actor, (article, at) => publish(article, { at }));
  }

  async scheduleArticle(id: number, when: Date, actor: Actor): Promise<Article> {
    return this.#transition(id, actor, (article, at) => schedule(article, { at, for: when }));
  }

  /**
   * Appends a dated correction to a published article and shows readers it was updated. The
   * correction is stored first and taken back if the article cannot be saved.
   */
  async addCorrection(
    id: number,
    text: string,
    actor: Actor,
  ): Promise<{ correction: Correction; article: Article }> {
    const trimmed = text.trim();
    if (trimmed === '') throw new ContentError.Invalid('text: is required');
    if (trimmed.length > 2000) throw new ContentError.Invalid('text: must be at most 2000 characters');
    const current = await this.#require(id);
    if (current.status !== 'published') {
      throw new ContentError.Refused('Only a published article takes corrections; edit a draft instead.');
    }
    const at = this.#clock.now();
    const correction = await this.corrections.add({ articleId: id, text: trimmed, at, by: actor.savedBy });
    try {
      const next = settle(edit(current, {}, { at, announce: true }));
      const saved = await this.articles.update(next, current.revision, { savedBy: actor.savedBy, at });
      this.#changed(current, saved);
      return { correction, article: saved };
    } catch (error) {
      await this.corrections.remove(correction.id);
      throw error;
    }
  }

  /**
   * Makes a scheduled article's publication final (the scheduled-publishing job); refused with
   * ContentError.Refused when it is no longer scheduled for `scheduledFor`.
   */
  async publishScheduledArticle(id: number, scheduledFor: Date, actor: Actor): Promise<Article> {
    return this.#transition(id, actor, (article, at) => publishDue(article, { at, scheduledFor }));
  }

  async unpublishArticle(id: number, actor: Actor): Promise<Article> {
    return this.#transition(id, actor, (article, at) => unpublish(article, { at }));
  }

  /**
   * Takes down a published, scheduled or draft article at once (a wire kill, a licence that
   * ended): it becomes unpublished.
   */
  async withdrawArticle(id: number, actor: Actor): Promise<Article> {
    return this.#transition(id, actor, (article, at) => withdraw(article, { at }));
  }

  /**
   * The home page's curated top stories that readers can see now, in the newsroom's order
   * (articles taken down since drop out).
   */
  async curatedHome(siteId: number): Promise<ArticleTeaser[]> {
    const ids = await this.#curation.find(siteId);
    if (ids.length === 0) return [];
    const { items } = await this.articles.listVisible({
      siteId,
      now: this.#clock.now(),
      ids,
      pageSize: MAX_CURATED,
    });
    const byId = new Map(items.map((item) => [item.id, item]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Sets a home page's top stories, in order: at most MAX_CURATED distinct articles of the
   * site that readers can see. Purges the home page (`home:<siteId>`).
   */
  async curateHome(siteId: number, articleIds: readonly number[]): Promise<number[]> {
    const problems: string[] = [];
    if (articleIds.length > MAX_CURATED)
      problems.push(`articleIds: must list at most ${MAX_CURATED} articles`);
    if (new Set(articleIds).size !== articleIds.length) problems.push('articleIds: lists an article twice');
    const { items } = await this.articles.listVisible({
      siteId,
      now: this.#clock.now(),
      ids: articleIds,
      pageSize: 100,
    });
    const visible = new Set(items.map((item) => item.id));
    articleIds.forEach((id, index) => {
      if (!visible.has(id)) {
        problems.push(`articleIds[${index}]: article ${id} is not a published article of this site`);
      }
    });
    if (problems.length > 0) throw new ContentError.Invalid(problems.join('; '));
    await this.#curation.save(siteId, articleIds, this.#clock.now());
    this.#events.emit('pages.changed', { siteId, keys: [`home:${siteId}`] });
    return [...articleIds];
  }

  /** Surrogate keys of every page that shows `article`: its own, its site's home, its sections, tags, authors. */
  pageKeys(article: Article): string[] {
    const section = this.#sectionById.get(article.sectionId);
    return [
      `article:${article.id}`,
      `home:${article.siteId}`,
      ...(section ? this.sectionTrail(section).map((s) => `section:${s.id}`) : []),
      ...article.tagIds.map((id) => `tag:${id}`),
      ...article.authorIds.map((id) => `author:${id}`),
    ];
  }

  async #transition(
    id: number,
    { savedBy }: Actor,
    step: (a: Article, at: Date) => Transition,
  ): Promise<Article> {
    const current = await this.#require(id);
    const at = this.#clock.now();
    const next = settle(step(current, at));
    const saved = await this.articles.update(next, current.revision, { savedBy, at });
    this.#changed(current, saved);
    return saved;
  }

  async #require(id: number): Promise<Article> {
    const article = await this.articles.findById(id);
    if (!article) throw new ContentError.NotFound(`There is no article ${id}.`);
    return article;
  }

  #checkSection(siteId: number, sectionId: number): void {
    if (this.#sectionById.get(sectionId)?.siteId !== siteId) {
      throw new ContentError.Invalid(`sectionId: section ${sectionId} does not belong to site ${siteId}`);
    }
  }

  #changed(before: Article | null, after: Article): void {
    const keys = new Set([...(before ? this.pageKeys(before) : []), ...this.pageKeys(after)]);
    const live = (a: Article | null) => a?.status === 'published' || a?.status === 'scheduled';
    this.#events.emit('article.changed', {
      siteId: after.siteId,
      articleId: after.id,
      keys: [...keys],
      ...(live(before) && !live(after) ? { takenDown: true } : {}),
    });
  }
}

function settle(result: Transition): Article {
  if (result.ok) return result.article;
  if (result.code === 'invalid') throw new ContentError.Invalid(result.message);
  throw new ContentError.Refused(result.message);
}
