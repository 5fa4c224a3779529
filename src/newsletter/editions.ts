import type { Selectable } from 'kysely';
import type { ArticleTeaser, Site } from '../content/index.ts';
import { readJson, readTime, writeTime } from '../platform/database/dialect.ts';
import type { NewsletterEditionsTable } from '../platform/database/schema.ts';
import type { JobQueue } from '../platform/index.ts';
import { formatDateline, urls } from '../site/index.ts';
import { isDate, isSendTime, localDate, nextDay, zonedInstant } from './daily-schedule.ts';
import { type EditionContent, EditionTemplate, type StoryLink } from './edition-email.ts';
import { NewsletterError } from './errors.ts';
import type { ArticleLocalities } from './localities.ts';
import { type NewsletterDeps, siteOrigin } from './newsletter-deps.ts';

export type EditionStatus = NewsletterEditionsTable['status'];

export interface Edition {
  readonly id: number;
  readonly siteId: number;
  readonly date: string;
  readonly status: EditionStatus;
  readonly subject: string;
  readonly intro: string;
  readonly articleIds: readonly number[];
  readonly sendAt: Date | null;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface NewsletterSettings {
  /** HH:MM in the brand's time zone. */
  readonly sendTime: string;
  /** Send at sendTime without an editor's go-ahead. */
  readonly autoSend: boolean;
}

export interface EditionCounts {
  readonly total: number;
  readonly queued: number;
  readonly sending: number;
  readonly sent: number;
  readonly retry: number;
  readonly failed: number;
  readonly suppressed: number;
}

export interface EditionResponses {
  readonly bounces: { readonly hard: number; readonly soft: number };
  readonly unsubscribes: number;
}

/** The home page's curated order of a brand, when something curates it (null: newest first). */
export type HomeOrder = (siteId: number) => Promise<readonly number[] | null>;

export const defaultSettings: NewsletterSettings = { sendTime: '06:00', autoSend: false };
/** An edition is assembled this long before it goes, so editors can look at it and change it. */
export const ASSEMBLE_LEAD_MS = 60 * 60_000;
const TOP_STORIES = 8;
const LOCAL_WINDOW_MS = 7 * 24 * 3600_000;

export const jobKinds = { assemble: 'newsletter.assemble', send: 'newsletter.send' } as const;
export const sendJobKey = (editionId: number) => `newsletter-send:${editionId}`;
export const assembleJobKey = (siteId: number, date: string) => `newsletter-edition:${siteId}:${date}`;

type Row = Selectable<NewsletterEditionsTable>;

function toEdition(row: Row): Edition {
  return {
    id: row.id,
    siteId: row.site_id,
    date: row.edition_date,
    status: row.status,
    subject: row.subject,
    intro: row.intro,
    articleIds: readJson<number[]>(row.article_ids, []),
    sendAt: readTime(row.send_at),
    startedAt: readTime(row.started_at),
    finishedAt: readTime(row.finished_at),
  };
}

/**
 * Each brand's daily edition: assembled from the day's top stories (the home page's curated
 * order first, then newest), editable while it is a draft or scheduled, sent by the sender.
 */
export class Editions {
  constructor(
    private readonly deps: NewsletterDeps,
    private readonly localities: ArticleLocalities,
    private readonly jobs: JobQueue,
    private readonly homeOrder: HomeOrder | null,
  ) {}

  async settings(siteId: number): Promise<NewsletterSettings> {
    const row = await this.deps.db
      .selectFrom('newsletter_settings')
      .selectAll()
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    return row ? { sendTime: row.send_time, autoSend: row.auto_send === 1 } : defaultSettings;
  }

  async updateSettings(siteId: number, settings: NewsletterSettings): Promise<NewsletterSettings> {
    if (!isSendTime(settings.sendTime))
      throw new NewsletterError.NoList('sendTime must be HH:MM, e.g. 06:00');
    const values = {
      send_time: settings.sendTime,
      auto_send: settings.autoSend ? 1 : 0,
      updated_at: writeTime(this.deps.clock.now()),
    };
    await this.deps.db
      .insertInto('newsletter_settings')
      .values({ site_id: siteId, ...values })
      .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
      .execute();
    await this.scheduleDaily(siteId);
    return settings;
  }

  /** Enqueues the next assembly of each brand's edition (keyed per brand and day; safe to repeat). */
  async scheduleDaily(onlySiteId?: number): Promise<void> {
    const now = this.deps.clock.now();
    for (const site of this.deps.content.sites) {
      if (onlySiteId !== undefined && site.id !== onlySiteId) continue;
      const { sendTime } = await this.settings(site.id);
      let date = localDate(now, site.timeZone);
      if (zonedInstant(date, sendTime, site.timeZone).getTime() - ASSEMBLE_LEAD_MS <= now.getTime())
        date = nextDay(date);
      const runAt = new Date(zonedInstant(date, sendTime, site.timeZone).getTime() - ASSEMBLE_LEAD_MS);
      await this.jobs.enqueue(
        jobKinds.assemble,
        { siteId: site.id, date },
        { runAt, key: assembleJobKey(site.id, date) },
      );
    }
  }

  /** The job: assemble the day's edition, schedule it when the brand sends by itself, then book tomorrow. */
  async runDailyAssembly(payload: { siteId: number; date: string }): Promise<void> {
    const site = this.deps.content.siteById(payload.siteId);
    if (!site) return;
    const existing = await this.#byDay(site.id, payload.date);
    if (!existing) {
      const edition = await this.assemble(site.id, payload.date);
      const settings = await this.settings(site.id);
      if (settings.autoSend)
        await this.scheduleSend(edition.id, zonedInstant(payload.date, settings.sendTime, site.timeZone));
    }
    const next = nextDay(payload.date);
    const { sendTime } = await this.settings(site.id);
    await this.jobs.enqueue(
      jobKinds.assemble,
      { siteId: site.id, date: next },
      {
        runAt: new Date(zonedInstant(next, sendTime, site.timeZone).getTime() - ASSEMBLE_LEAD_MS),
        key: assembleJobKey(site.id, next),
      },
    );
  }

  /** Assembles (or answers the existing) edition of a brand for a day, as a draft. */
  async assemble(siteId: number, date?: string): Promise<Edition> {
    const site = this.#site(siteId);
    const now = this.deps.clock.now();
    const day = date ?? localDate(now, site.timeZone);
    if (!isDate(day)) throw new NewsletterError.NoList('date must be YYYY-MM-DD');
    const existing = await this.#byDay(siteId, day);
    if (existing) return existing;
    const ids = await this.topStoryIds(site, now);
    const first = ids.length > 0 ? (await this.#teasers(site, now)).find((t) => t.id === ids[0]) : undefined;
    const stamp = writeTime(now);
    await this.deps.db
      .insertInto('newsletter_editions')
      .values({
        site_id: siteId,
        edition_date: day,
        status: 'draft',
        subject: autoSubject(site, first?.headline ?? null),
        intro: '',
        article_ids: JSON.stringify(ids),
        audience_ready: 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .onConflict((oc) => oc.columns(['site_id', 'edition_date']).doNothing())
      .execute();
    return (await this.#byDay(siteId, day))!;
  }

  /** The day's top stories: the curated home order first, then the newest of the last day. */
  async topStoryIds(site: Site, now: Date): Promise<number[]> {
    const teasers = await this.#teasers(site, now);
    const visible = new Set(teasers.map((t) => t.id));
    const curated = ((await this.homeOrder?.(site.id)) ?? []).filter((id) => visible.has(id));
    const dayAgo = now.getTime() - 24 * 3600_000;
    const fresh = teasers.filter((t) => t.publishedAt.getTime() >= dayAgo).map((t) => t.id);
    const fill = fresh.length >= 3 ? fresh : teasers.map((t) => t.id);
    return [...new Set([...curated, ...fill])].slice(0, TOP_STORIES);
  }

  async get(id: number): Promise<Edition> {
    const row = await this.deps.db
      .selectFrom('newsletter_editions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NewsletterError.EditionNotFound(`There is no edition ${id}.`);
    return toEdition(row);
  }

  async list(siteId: number | undefined, limit = 30): Promise<Edition[]> {
    let query = this.deps.db
      .selectFrom('newsletter_editions')
      .selectAll()
      .orderBy('edition_date', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    if (siteId !== undefined) query = query.where('site_id', '=', siteId);
    return (await query.execute()).map((r) => toEdition(r));
  }

  /** Changes a draft or scheduled edition; one that is sending or sent is refused. */
  async update(
    id: number,
    patch: { subject?: string; intro?: string; articleIds?: readonly number[] },
  ): Promise<Edition> {
    const edition = await this.get(id);
    if (edition.status !== 'draft' && edition.status !== 'scheduled') {
      throw new NewsletterError.EditionLocked(
        `Edition ${id} is ${edition.status}; it can no longer be changed.`,
      );
    }
    const result = await this.deps.db
      .updateTable('newsletter_editions')
      .set({
        ...(patch.subject !== undefined ? { subject: patch.subject } : {}),
        ...(patch.intro !== undefined ? { intro: patch.intro } : {}),
        ...(patch.articleIds !== undefined ? { article_ids: JSON.stringify(patch.articleIds) } : {}),
        updated_at: writeTime(this.deps.clock.now()),
      })
      .where('id', '=', id)
      .where('status', 'in', ['draft', 'scheduled'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new NewsletterError.EditionLocked(`Edition ${id} started sending meanwhile.`);
    return this.get(id);
  }

  /**
   * Takes an article out of every edition of its brand not yet sending (draft or scheduled):
   * editions keep their top stories from assembly, and a killed or unpublished article must not
   * stay in them. Editions sending or sent keep their record. Answers how many changed.
   */
  async dropArticle(siteId: number, articleId: number): Promise<number> {
    const site = this.#site(siteId);
    const pending = await this.deps.db
      .selectFrom('newsletter_editions')
      .select(['id', 'article_ids', 'subject'])
      .where('site_id', '=', siteId)
      .where('status', 'in', ['draft', 'scheduled'])
      .execute();
    let changed = 0;
    for (const row of pending) {
      const ids = readJson<number[]>(row.article_ids, []);
      if (!ids.includes(articleId)) continue;
      const rest = ids.filter((id) => id !== articleId);
      // A subject assembled from the dropped article's headline follows the new first story;
      // one the newsroom wrote stays.
      const dropped = await this.deps.content.articles.findById(articleId);
      const fromDropped = dropped !== null && row.subject === autoSubject(site, dropped.headline);
      const next =
        fromDropped && rest[0] !== undefined ? await this.deps.content.articles.findById(rest[0]) : null;
      const result = await this.deps.db
        .updateTable('newsletter_editions')
        .set({
          article_ids: JSON.stringify(rest),
          ...(fromDropped ? { subject: autoSubject(site, next?.headline ?? null) } : {}),
          updated_at: writeTime(this.deps.clock.now()),
        })
        .where('id', '=', row.id)
        .where('status', 'in', ['draft', 'scheduled'])
        .executeTakeFirst();
      changed += Number(result.numUpdatedRows);
    }
    return changed;
  }

  /** Books the send (now, or at `at`) as a durable job. */
  async scheduleSend(id: number, at?: Date): Promise<Edition> {
    const edition = await this.get(id);
    if (edition.status === 'sent' || edition.status === 'cancelled') {
      throw new NewsletterError.EditionLocked(`Edition ${id} is ${edition.status}.`);
    }
    const runAt = at ?? this.deps.clock.now();
    if (edition.status !== 'sending') {
      await this.deps.db
        .updateTable('newsletter_editions')
        .set({ status: 'scheduled', send_at: writeTime(runAt), updated_at: writeTime(this.deps.clock.now()) })
        .where('id', '=', id)
        .where('status', 'in', ['draft', 'scheduled'])
        .execute();
    }
    await this.jobs.enqueue(
      jobKinds.send,
      { editionId: id },
      { runAt, key: sendJobKey(id), maxAttempts: 20 },
    );
    return this.get(id);
  }

  /** Stops an edition that has not gone (or stops one mid-send: the rest are not sent). */
  async cancel(id: number): Promise<Edition> {
    const edition = await this.get(id);
    if (edition.status === 'sent') throw new NewsletterError.EditionLocked(`Edition ${id} was sent already.`);
    await this.deps.db
      .updateTable('newsletter_editions')
      .set({ status: 'cancelled', updated_at: writeTime(this.deps.clock.now()) })
      .where('id', '=', id)
      .where('status', '!=', 'sent')
      .execute();
    await this.jobs.cancel(sendJobKey(id));
    return this.get(id);
  }

  async counts(id: number): Promise<EditionCounts> {
    const rows = await this.deps.db
      .selectFrom('newsletter_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('edition_id', '=', id)
      .groupBy('status')
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const c = {
      queued: by.queued ?? 0,
      sending: by.sending ?? 0,
      sent: by.sent ?? 0,
      retry: by.retry ?? 0,
      failed: by.failed ?? 0,
      suppressed: by.suppressed ?? 0,
    };
    return { total: Object.values(c).reduce((a, b) => a + b, 0), ...c };
  }

  /** The send-log counts of several editions at once (the admin's list), by edition id. */
  async countsFor(ids: readonly number[]): Promise<Map<number, EditionCounts>> {
    const rows = ids.length
      ? await this.deps.db
          .selectFrom('newsletter_deliveries')
          .select(['edition_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('edition_id', 'in', [...ids])
          .groupBy(['edition_id', 'status'])
          .execute()
      : [];
    const found = new Map<number, EditionCounts>();
    for (const id of ids) {
      const by = Object.fromEntries(
        rows.filter((r) => r.edition_id === id).map((r) => [r.status, Number(r.n)]),
      );
      const c = {
        queued: by.queued ?? 0,
        sending: by.sending ?? 0,
        sent: by.sent ?? 0,
        retry: by.retry ?? 0,
        failed: by.failed ?? 0,
        suppressed: by.suppressed ?? 0,
      };
      found.set(id, { total: Object.values(c).reduce((a, b) => a + b, 0), ...c });
    }
    return found;
  }

  /** What readers answered an edition with: bounce reports (hard, soft) and unsubscribes from its links. */
  async responses(id: number): Promise<EditionResponses> {
    const bounces = await this.deps.db
      .selectFrom('newsletter_bounces')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('edition_id', '=', id)
      .groupBy('kind')
      .execute();
    const unsubscribed = await this.deps.db
      .selectFrom('newsletter_subscriptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unsubscribed_edition_id', '=', id)
      .where('status', '=', 'unsubscribed')
      .executeTakeFirst();
    const kind = (k: 'hard' | 'soft') => Number(bounces.find((b) => b.kind === k)?.n ?? 0);
    return {
      bounces: { hard: kind('hard'), soft: kind('soft') },
      unsubscribes: Number(unsubscribed?.n ?? 0),
    };
  }

  /** How many readers an edition of the brand would go to now (confirmed, not suppressed). */
  async audience(siteId: number): Promise<number> {
    const row = await this.deps.db
      .selectFrom('newsletter_subscriptions as n')
      .innerJoin('newsletter_subscribers as s', 's.id', 'n.subscriber_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('n.site_id', '=', siteId)
      .where('n.status', '=', 'confirmed')
      .where('s.suppressed_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The edition as compiled for sending: shared parts rendered once, local blocks per place. */
  async compile(edition: Edition): Promise<EditionTemplate> {
    const site = this.#site(edition.siteId);
    const now = this.deps.clock.now();
    const origin = siteOrigin(this.deps, site);
    const teasers = await this.#teasers(site, now);
    const byId = new Map(teasers.map((t) => [t.id, t]));
    const link = (t: ArticleTeaser): StoryLink => {
      const section = this.deps.content.sectionById(t.sectionId);
      return {
        id: t.id,
        headline: t.headline,
        summary: t.summary,
        url: section ? `${origin}${urls.article(t, section)}` : `${origin}/`,
        section: section?.name ?? '',
      };
    };
    const stories = edition.articleIds
      .map((id) => byId.get(id))
      .filter((t): t is ArticleTeaser => !!t)
      .map(link);
    const recent = teasers.filter((t) => t.publishedAt.getTime() >= now.getTime() - LOCAL_WINDOW_MS);
    const localities = await this.localities.forArticles(recent.map((t) => t.id));
    const content: EditionContent = {
      site,
      origin,
      subject: edition.subject,
      intro: edition.intro,
      dateLabel: formatDateline(zonedInstant(edition.date, '12:00', site.timeZone), site.timeZone).text.split(
        /\s\d{1,2}:/,
      )[0]!,
      stories,
      localStories: recent
        .filter((t) => localities.has(t.id))
        .map((t) => ({ story: link(t), localities: localities.get(t.id)! })),
    };
    return new EditionTemplate(content);
  }

  async #teasers(site: Site, now: Date): Promise<ArticleTeaser[]> {
    return (await this.deps.content.articles.listVisible({ siteId: site.id, now, pageSize: 100 }))
      .items as ArticleTeaser[];
  }

  async #byDay(siteId: number, date: string): Promise<Edition | null> {
    const row = await this.deps.db
      .selectFrom('newsletter_editions')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('edition_date', '=', date)
      .executeTakeFirst();
    return row ? toEdition(row) : null;
  }

  #site(siteId: number): Site {
    const site = this.deps.content.siteById(siteId);
    if (!site) throw new NewsletterError.EditionNotFound(`There is no site ${siteId}.`);
    return site;
  }
}

/** The subject an edition is assembled with: the brand's name and its first story's headline. */
function autoSubject(site: Site, headline: string | null): string {
  return headline ? `${site.name} Daily: ${headline}`.slice(0, 200) : `${site.name} Daily`;
}
