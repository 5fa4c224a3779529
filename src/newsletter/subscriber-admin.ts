import { randomUUID } from 'node:crypto';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { readTime } from '../platform/database/dialect.ts';
import type { Database } from '../platform/index.ts';
import type { BounceInbox } from './bounces/bounce-inbox.ts';
import type { NewsletterDeps } from './newsletter-deps.ts';
import { deleteSubscriber } from './subscriptions.ts';

export interface SubscriberFilter {
  /** Part of the address. */
  readonly q?: string;
  /** Only subscribers of this brand's list… */
  readonly siteId?: number;
  /** …with this status there. */
  readonly status?: 'pending' | 'confirmed' | 'unsubscribed';
  readonly state?: string;
  readonly county?: string;
  readonly city?: string;
  readonly suppressed?: boolean;
  /** A ZIP code or its first digits ("100" finds 10001). */
  readonly zip?: string;
}

/** A place the list's readers live in, with how many (for the admin's filter). */
export interface SubscriberPlace {
  readonly state: string;
  readonly county: string | null;
  readonly city: string | null;
  readonly subscribers: number;
}

export interface SubscriberSummary {
  readonly id: number;
  readonly email: string;
  readonly zip: string | null;
  readonly place: {
    readonly state: string | null;
    readonly county: string | null;
    readonly city: string | null;
  };
  readonly suppressed: { readonly at: string; readonly reason: string | null } | null;
  readonly createdAt: string;
  readonly lists: readonly { readonly siteId: number; readonly status: string }[];
  /** Bounce reports received for the address. */
  readonly bounces: { readonly hard: number; readonly soft: number };
}

/** The newsroom's view of the list: search and filter by keyset pages, CSV export, delete, bounces. */
export class SubscriberAdmin {
  readonly #db: Kysely<Database>;
  constructor(
    private readonly deps: NewsletterDeps,
    private readonly bounces: BounceInbox,
  ) {
    this.#db = deps.db;
  }

  async search(
    filter: SubscriberFilter,
    page: { after?: number; limit?: number; total?: boolean } = {},
  ): Promise<{ items: SubscriberSummary[]; next: number | null; total?: number }> {
    const limit = Math.min(500, Math.max(1, page.limit ?? 50));
    const query = this.#filtered(filter)
      .selectAll('s')
      .where('s.id', '>', page.after ?? 0)
      .orderBy('s.id')
      .limit(limit + 1);
    const rows = await query.execute();
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const ids = items.map((r) => r.id);
    const lists = ids.length
      ? await this.#db
          .selectFrom('newsletter_subscriptions')
          .select(['subscriber_id', 'site_id', 'status'])
          .where('subscriber_id', 'in', ids)
          .execute()
      : [];
    const bounceRows = ids.length
      ? await this.#db
          .selectFrom('newsletter_bounces')
          .select(['subscriber_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
          .where('subscriber_id', 'in', ids)
          .groupBy(['subscriber_id', 'kind'])
          .execute()
      : [];
    const bounceCount = (id: number, kind: 'hard' | 'soft') =>
      Number(bounceRows.find((b) => b.subscriber_id === id && b.kind === kind)?.n ?? 0);
    const iso = (v: Date | string | null) => readTime(v)?.toISOString() ?? '';
    const total = page.total
      ? Number(
          (
            await this.#filtered(filter)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirst()
          )?.n ?? 0,
        )
      : undefined;
    return {
      items: items.map((r) => ({
        id: r.id,
        email: r.email,
        zip: r.zip,
        place: { state: r.place_state, county: r.place_county, city: r.place_city },
        suppressed: r.suppressed_at ? { at: iso(r.suppressed_at), reason: r.suppressed_reason } : null,
        createdAt: iso(r.created_at),
        lists: lists
          .filter((l) => l.subscriber_id === r.id)
          .map((l) => ({ siteId: l.site_id, status: l.status })),
        bounces: { hard: bounceCount(r.id, 'hard'), soft: bounceCount(r.id, 'soft') },
      })),
      next: more ? items[items.length - 1]!.id : null,
      ...(total !== undefined ? { total } : {}),
    };
  }

  /** The places readers of the list (or of every list) live in, most readers first. */
  async places(siteId?: number): Promise<SubscriberPlace[]> {
    const rows = await this.#filtered(siteId === undefined ? {} : { siteId })
      .where('s.place_state', 'is not', null)
      .select(['s.place_state', 's.place_county', 's.place_city', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['s.place_state', 's.place_county', 's.place_city'])
      .orderBy('n', 'desc')
      .orderBy('s.place_state')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      state: r.place_state!,
      county: r.place_county,
      city: r.place_city,
      subscribers: Number(r.n),
    }));
  }

  /** The subscribers a filter selects (no columns chosen yet). */
  #filtered(
    filter: SubscriberFilter,
  ): SelectQueryBuilder<Database & { s: Database['newsletter_subscribers'] }, 's', object> {
    let query = this.#db.selectFrom('newsletter_subscribers as s');
    if (filter.zip) {
      const prefix = `${filter.zip.replace(/[^0-9]/g, '')}%`;
      query = query.where('s.zip', 'like', prefix);
    }
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // ESCAPE spelled out: SQLite's LIKE has no escape character unless told.
      query = query.where(sql<boolean>`${sql.ref('s.email')} like ${like} escape '\\'`);
    }
    if (filter.state) query = query.where('s.place_state', '=', filter.state.toUpperCase());
    if (filter.county) query = query.where('s.place_county', '=', filter.county);
    if (filter.city) query = query.where('s.place_city', '=', filter.city);
    if (filter.suppressed !== undefined)
      query = query.where('s.suppressed_at', filter.suppressed ? 'is not' : 'is', null);
    if (filter.siteId !== undefined || filter.status !== undefined) {
      const { siteId, status } = filter;
      // A status without a list: that status on any of the brand lists.
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('newsletter_subscriptions as n')
            .select('n.subscriber_id')
            .whereRef('n.subscriber_id', '=', 's.id')
            .$if(siteId !== undefined, (q) => q.where('n.site_id', '=', siteId!))
            .$if(status !== undefined, (q) => q.where('n.status', '=', status!)),
        ),
      );
    }
    return query;
  }

  /** CSV lines (header first), page by page: the list is never held in memory. */
  async *csv(filter: SubscriberFilter): AsyncGenerator<string> {
    yield 'id,email,zip,state,county,city,lists,suppressed_at,created_at\r\n';
    let after = 0;
    for (;;) {
      const page = await this.search(filter, { after, limit: 500 });
      for (const s of page.items) {
        const lists = s.lists
          .map((l) => `${this.deps.content.siteById(l.siteId)?.slug ?? l.siteId}:${l.status}`)
          .join(' ');
        yield `${[s.id, s.email, s.zip, s.place.state, s.place.county, s.place.city, lists, s.suppressed?.at, s.createdAt].map(csvField).join(',')}\r\n`;
      }
      if (page.next === null) return;
      after = page.next;
    }
  }

  delete(id: number): Promise<boolean> {
    return deleteSubscriber(this.deps, id);
  }

  /** A bounce reported by address: it suppresses the address. Answers whether the address is known. */
  recordBounce(email: string, reason: string): Promise<boolean> {
    return this.bounces.reportByAddress(email, reason, `api:${randomUUID()}`);
  }
}

/** RFC 4180, and a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
