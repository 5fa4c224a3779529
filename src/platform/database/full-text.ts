import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The full-text half of the dialect capabilities: SQLite FTS5 and PostgreSQL tsvector behind one
 * adapter, so the search capability and the 0002-search migration never branch on the dialect.
 *
 * Both dialects keep one row per searchable article in `search_documents` (a read model filled from
 * `articles`). SQLite indexes it with an external-content FTS5 table kept in step by triggers;
 * PostgreSQL with a generated, weighted tsvector column under a GIN index.
 *
 * Filters that are sets (site, section, tag) are indexed too, as facet tokens (`§site2 §section13
 * §tag85` in `search_documents.facets`): the index intersects them with the words, so a filtered
 * query costs what it finds, not what the words alone would find. A fourth facet, the article's
 * id span (`§span24`), lets PostgreSQL look at the newest articles first (see SPAN_SIZE).
 *
 * A search is top-k: `candidates` returns the newest `limit` matches and never reads, sorts,
 * scores or counts the rest, on either dialect; relevance is computed over those only.
 */

/**
 * A reader's query, already parsed: every group of `all` must match (a group matches when any of
 * its terms does), and no term of `none` may. Terms carry only words, never operators, so each
 * dialect renders them into its own syntax without anything to escape.
 */
export interface FullTextQuery {
  readonly all: readonly (readonly FullTextTerm[])[];
  readonly none: readonly FullTextTerm[];
}

export interface FullTextTerm {
  /** The term as typed, without operators: PostgreSQL's parser reads it as it read the documents. */
  readonly text: string;
  /** The letter-and-digit runs of `text`: one word, or a phrase of several. */
  readonly words: readonly string[];
  /** The last word also matches longer words it starts (`elect*`). */
  readonly prefix: boolean;
}

/** Hits in highlighted text sit between these two characters, which the indexed text never contains. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export interface Highlighted {
  /** The whole headline, hits marked. */
  readonly headline: string;
  /** The whole summary, hits marked. */
  readonly summary: string;
  /** The body's best fragment, hits marked (its opening words when it has no hit). */
  readonly fragment: string;
}

export interface Candidate {
  readonly id: number;
  readonly published_at: Date | string;
  /** 0 when not scored. */
  readonly score: number;
}

/** A facet token's name: letters then digits (`site2`); stored with FACET_MARK in front. */
export const FACET_MARK = '§';
const facetName = /^[a-z]+\d+$/;

export interface CandidateOptions {
  /** Every group must hold one of its facets: `[['site2'], ['section13', 'section14'], ['tag85']]`. */
  readonly facets: readonly (readonly string[])[];
  /** More conditions on `d`, the `search_documents` row. */
  readonly filters: RawBuilder<SqlBool>;
  readonly limit: number;
  /** Compute relevance (else score is 0). */
  readonly scored: boolean;
}

function checkFacets(facets: CandidateOptions['facets']): void {
  for (const group of facets) {
    if (group.length === 0 || !group.every((f) => facetName.test(f))) {
      throw new Error(`bad facet group ${JSON.stringify(group)}`);
    }
  }
}

export interface FullTextAdapter {
  /** Adds the dialect's index over `search_documents` (the 0002-search migration). */
  createIndex(db: Kysely<Database>): Promise<void>;
  /** The readable text of an article body column (JSON blocks): paragraphs, quotes, captions, list items. */
  bodyText(body: Expression<unknown>): RawBuilder<string>;
  /** The aggregate that joins a group's texts with spaces (null for no rows). */
  joinText(text: Expression<unknown>): RawBuilder<string | null>;
  /**
   * The most recently created documents matching `query`, the facets and the filters, newest
   * first, at most `limit`; with a relevance score (higher is better: headline hits count most,
   * then summary, then body) when `scored`. Bounded on purpose: a query that matches most of the
   * archive ranks `limit` documents, not all of them.
   */
  candidates(db: Kysely<Database>, query: FullTextQuery, options: CandidateOptions): Promise<Candidate[]>;
  /** Refreshes the planner's statistics after a rebuild (PostgreSQL's ANALYZE; nothing on SQLite). */
  analyze(db: Kysely<Database>): Promise<void>;
  /** Headline, summary and body fragment of each document in `ids` with the query's hits marked. */
  highlight(
    db: Kysely<Database>,
    query: FullTextQuery,
    ids: readonly number[],
  ): Promise<Map<number, Highlighted>>;
}

/** Text as indexed: without the two hit markers, so highlighting can never be spoofed by content. */
export function withoutMarkers(text: Expression<unknown>): RawBuilder<string> {
  return sql<string>`replace(replace(${text}, ${HIT_START}, ''), ${HIT_END}, '')`;
}

/**
 * The facets of the `articles` row aliased `a`: its site, its own section (callers pass a
 * section's family to include subsections) and its tags, e.g. `§site2 §section13 §tag85`.
 */
export function articleFacets(adapter: FullTextAdapter): RawBuilder<string> {
  const tags = adapter.joinText(sql`'§tag' || t.tag_id`);
  return sql<string>`'§site' || a.site_id || ' §section' || a.section_id
    || coalesce((select ' ' || ${tags} from article_tags as t where t.article_id = a.id), '')
    || ' §span' || (a.id / ${sql.lit(SPAN_SIZE)})`;
}

/**
 * Article ids per span facet (`§span24` holds ids 98,304-102,399): PostgreSQL intersects a query
 * with the newest spans inside the GIN index, so a common word costs the matches in those spans,
 * not all of its matches. Frozen in migration 0019, which gave existing documents theirs.
 */
export const SPAN_SIZE = 4096;

/** Body block fields worth finding an article by (not image sources, URLs or credits). */
const bodyFields = ['text', 'cite', 'caption', 'title'] as const;
const fragmentWords = 28;

// SQLite ---------------------------------------------------------------------------------------

/** `"word word" *` quoted for FTS5; the words hold only letters, digits and marks, so no escaping is left. */
function fts5Term(term: FullTextTerm): string {
  const phrase = `"${term.words.join(' ').replaceAll('"', '""')}"`;
  return term.prefix ? `${phrase} *` : phrase;
}

/** The reader's words search the text columns only; facets are matched in their own column. */
function fts5Query(query: FullTextQuery, facets: CandidateOptions['facets'] = []): string {
  const any = (terms: readonly FullTextTerm[]) => `(${terms.map(fts5Term).join(' OR ')})`;
  const all = query.all.map(any).join(' AND ');
  const words = `{headline summary body} : (${query.none.length > 0 ? `(${all}) NOT ${any(query.none)}` : all})`;
  if (facets.length === 0) return words;
  const groups = facets.map((group) => `(${group.map((f) => `"${f}"`).join(' OR ')})`);
  return `${words} AND facets : (${groups.join(' AND ')})`;
}

/** Relevance weights of a group's hit in the headline and in the summary (a match is worth 1). */
const headlineWeight = 8;
const summaryWeight = 3;

/**
 * Relevance on SQLite, over the candidates only: 1 + Σ over the query's groups of 8 when the group
 * hits the headline and 3 when it hits the summary. Each (group, column) is one FTS5 walk down
 * from the newest candidate, at most as many rows as the candidates' id range holds (a lower rowid
 * bound instead makes FTS5 seek from the start of the doclist: 8 ms for "the" on 100,000).
 */
async function sqliteColumnScores(
  db: Kysely<Database>,
  query: FullTextQuery,
  ids: readonly number[],
): Promise<Map<number, number>> {
  const low = Math.min(...ids);
  const high = Math.max(...ids);
  const any = (terms: readonly FullTextTerm[]) => `(${terms.map(fts5Term).join(' OR ')})`;
  const parts = query.all.flatMap((group) =>
    (
      [
        ['headline', headlineWeight],
        ['summary', summaryWeight],
      ] as const
    ).map(
      ([column, weight]) => sql`select * from (select ${sql.lit(weight)} as w, rowid as id from search_index
        where search_index match ${`{${column}} : ${any(group)}`} and rowid <= ${high}
        order by rowid desc limit ${high - low + 1})`,
    ),
  );
  const { rows } = await sql<{ w: number; id: number }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const wanted = new Set(ids);
  const scores = new Map(ids.map((id) => [id, 1]));
  for (const r of rows) {
    const id = Number(r.id);
    if (wanted.has(id)) scores.set(id, scores.get(id)! + Number(r.w));
  }
  return scores;
}

export const sqliteFullText: FullTextAdapter = {
  async createIndex(db) {
    // External content: the text lives once, in search_documents; prefix indexes make `ab*` cheap.
    await sql`create virtual table search_index using fts5(
      headline, summary, body, facets,
      content = 'search_documents', content_rowid = 'article_id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
    // The documented external-content triggers: FTS5 must be told the old text to forget it.
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_index (rowid, headline, summary, body, facets)
        values (new.article_id, new.headline, new.summary, new.body, new.facets);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_index (search_index, rowid, headline, summary, body, facets)
        values ('delete', old.article_id, old.headline, old.summary, old.body, old.facets);
    end`.execute(db);
    await sql`create trigger search_documents_au after update of headline, summary, body, facets on search_documents begin
      insert into search_index (search_index, rowid, headline, summary, body, facets)
        values ('delete', old.article_id, old.headline, old.summary, old.body, old.facets);
      insert into search_index (rowid, headline, summary, body, facets)
        values (new.article_id, new.headline, new.summary, new.body, new.facets);
    end`.execute(db);
  },

  bodyText(body) {
    const fields = sql.join(bodyFields.map((f) => sql.lit(f)));
    return sql<string>`coalesce((
      select group_concat(${withoutMarkers(sql.ref('j.value'))}, char(10))
      from json_tree(case when json_valid(${body}) then ${body} else '[]' end) as j
      where j.type = 'text' and (j.key in (${fields}) or (typeof(j.key) = 'integer' and j.path like '%.items'))
    ), '')`;
  },

  joinText(text) {
    return sql<string | null>`group_concat(${text}, ' ')`;
  },

  async candidates(db, query, { facets, filters, limit, scored }) {
    checkFacets(facets);
    // CROSS JOIN keeps FTS5 the outer loop, and FTS5 walks its matches by descending rowid (the
    // article id) itself, so LIMIT stops the walk early: no sort past `limit` rows. No bm25 here:
    // FTS5's bm25 counts every phrase of the query (facets included) over the whole table before
    // the first row, which for a common word or a site facet is all of the archive.
    const { rows } = await sql<{
      id: number;
      published_at: string;
    }>`select search_index.rowid as id, d.published_at
      from search_index cross join search_documents as d on d.article_id = search_index.rowid
      where search_index match ${fts5Query(query, facets)} and ${filters}
      order by search_index.rowid desc
      limit ${limit}`.execute(db);
    if (!scored || rows.length === 0) return rows.map((r) => ({ ...r, score: 0 }));
    const score = await sqliteColumnScores(
      db,
      query,
      rows.map((r) => Number(r.id)),
    );
    return rows.map((r) => ({ ...r, score: score.get(Number(r.id)) ?? 0 }));
  },

  async analyze() {},

  async highlight(db, query, ids) {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<{ id: number; headline: string; summary: string; fragment: string }>`
      select rowid as id,
        highlight(search_index, 0, ${HIT_START}, ${HIT_END}) as headline,
        highlight(search_index, 1, ${HIT_START}, ${HIT_END}) as summary,
        snippet(search_index, 2, ${HIT_START}, ${HIT_END}, '…', ${fragmentWords}) as fragment
      from search_index
      where search_index match ${fts5Query(query)} and rowid in (${sql.join(ids)})`.execute(db);
    return new Map(rows.map((r) => [Number(r.id), r]));
  },
};

// PostgreSQL -----------------------------------------------------------------------------------

/**
 * `dateline_search` is PostgreSQL's `simple` configuration (no stemming, no stop words, any
 * language) with `unaccent` in front when the server has it, so "cafe" finds "café" as SQLite's
 * `remove_diacritics` does. The regconfig is resolved through search_path, like the tables.
 */
const config = sql`'dateline_search'::regconfig`;

/** `'word' <-> 'word':*` for to_tsquery: the words hold only letters, digits and marks. */
function prefixTsquery(term: FullTextTerm): string {
  return `${term.words.map((w) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`).join(' <-> ')}:*`;
}

function tsquery(query: FullTextQuery): RawBuilder<unknown> {
  // Built from functions that take plain text as a parameter: no reader input is ever parsed as syntax.
  const term = (t: FullTextTerm) =>
    t.prefix ? sql`to_tsquery(${config}, ${prefixTsquery(t)})` : sql`phraseto_tsquery(${config}, ${t.text})`;
  const any = (terms: readonly FullTextTerm[]) => sql`(${sql.join(terms.map(term), sql` || `)})`;
  const all = sql.join(query.all.map(any), sql` && `);
  return query.none.length > 0 ? sql`(${all} && !!${any(query.none)})` : sql`(${all})`;
}

const headlineOptions = `HighlightAll=true, StartSel=${HIT_START}, StopSel=${HIT_END}`;
// The default (cover) algorithm: a third cheaper than MaxFragments=1 for the same passage.
const fragmentOptions = `MaxWords=${fragmentWords}, MinWords=${Math.round(fragmentWords / 2)}, StartSel=${HIT_START}, StopSel=${HIT_END}`;

export const postgresFullText: FullTextAdapter = {
  async createIndex(db) {
    // unaccent is a trusted extension (any database owner may create it). It goes into `public`
    // so per-install schemas can be dropped without taking it along; a server without it (or a
    // concurrent migration that won the race) leaves the configuration plain `simple`.
    await sql`do $$
      declare dictionary text;
      begin
        if not exists (select 1 from pg_extension where extname = 'unaccent') then
          begin
            create extension unaccent schema public;
          exception when others then null;
          end;
        end if;
        select quote_ident(n.nspname) || '.unaccent' into dictionary
          from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent';
        create text search configuration dateline_search (copy = simple);
        if dictionary is not null then
          execute format('alter text search configuration dateline_search
            alter mapping for word, hword, hword_part, numword, numhword with %s, simple', dictionary);
        end if;
      end $$`.execute(db);
    // Text and vector move out of line (TOAST), so the heap a GIN bitmap scan visits stays narrow:
    // about 30 rows a page instead of 5, and a broad query touches a sixth of the pages.
    await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db);
    await sql`alter table search_documents add column document tsvector generated always as (
      setweight(to_tsvector(${config}, headline), 'A') ||
      setweight(to_tsvector(${config}, summary), 'B') ||
      setweight(to_tsvector(${config}, body), 'C') ||
      array_to_tsvector(array_remove(regexp_split_to_array(facets, ' '), ''))
    ) stored`.execute(db);
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
  },

  bodyText(body) {
    const fields = sql.join(
      bodyFields.map((f) => sql`(b.block ->> ${sql.lit(f)})`),
      sql`, `,
    );
    return sql<string>`coalesce((
      select string_agg(${withoutMarkers(sql.ref('x.v'))}, E'\\n' order by b.n, x.n)
      from jsonb_array_elements(case when jsonb_typeof(${body}) = 'array' then ${body} else '[]'::jsonb end)
        with ordinality as b(block, n),
      lateral (
        select v, n from unnest(array[${fields}]) with ordinality as f(v, n)
        union all
        select v, 100 + n from jsonb_array_elements_text(case when jsonb_typeof(b.block -> 'items') = 'array'
          then b.block -> 'items' else '[]'::jsonb end) with ordinality as i(v, n)
      ) as x
      where x.v is not null
    ), '')`;
  },

  joinText(text) {
    return sql<string | null>`string_agg(${text}, ' ')`;
  },

  async candidates(db, query, { facets, filters, limit, scored }) {
    checkFacets(facets);
    const q = tsquery(query);
    // Facet lexemes carry FACET_MARK, which the text parser never keeps: no word can match one.
    const facetQuery = facets
      .map((group) => `(${group.map((f) => `'${FACET_MARK}${f}'`).join(' | ')})`)
      .join(' & ');
    // Only the GIN bitmap is allowed: the planner's guess at how many documents a query matches
    // can be off a hundredfold, and its alternatives (walking the primary key backwards, or the
    // whole table) read and decompress every document's tsvector on the way, 0.4 s on 100,000.
    //
    // The bitmap alone would still visit every match (a common word: most of the archive) and
    // recheck each one's tsvector for a phrase. So the query looks in the newest 4 id spans first,
    // intersected with the words inside GIN, and only when they hold fewer than `limit` matches
    // in the rest, below them. (Windows of 2, 4, 16, 64 spans cost more in planning than they
    // saved: 29 ms of server CPU a search in bench:search against 15.)
    // Every window is exact (all its matches, newest first), so the result is the newest `limit`
    // matches, as one unbounded query would give. Ranking reads the tsvectors, so it runs only on
    // the rows kept.
    return db.transaction().execute(async (trx) => {
      // Before the settings below: max() reads the primary key's last entry (with index scans off
      // it would read the whole table: 100 ms on 100,000).
      const newest = await sql<{
        id: number | null;
      }>`select max(article_id) as id from search_documents`.execute(trx);
      await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
        trx,
      );
      const found: Candidate[] = [];
      let next = Math.floor(Number(newest.rows[0]?.id ?? 0) / SPAN_SIZE);
      for (const width of [4, Number.POSITIVE_INFINITY]) {
        if (next < 0 || found.length >= limit) break;
        const last = width === Number.POSITIVE_INFINITY || next - width < 0;
        const spans = last ? [] : Array.from({ length: width }, (_, i) => `'${FACET_MARK}span${next - i}'`);
        const tokens = [facetQuery, spans.length > 0 ? `(${spans.join(' | ')})` : '']
          .filter(Boolean)
          .join(' & ');
        const match = tokens ? sql`(${q} && ${tokens}::tsquery)` : q;
        const below = (next + 1) * SPAN_SIZE;
        const { rows } = await sql<Candidate>`select c.id, c.published_at,
            ${scored ? sql`ts_rank(c.document, ${q})` : sql`0`} as score
          from (
            select d.article_id as id, d.published_at, d.document from search_documents as d
            where d.document @@ ${match} and ${last ? sql`d.article_id < ${below}` : sql`true`} and ${filters}
            order by d.article_id desc
            limit ${limit - found.length}
          ) as c`.execute(trx);
        found.push(...rows);
        next = last ? -1 : next - width;
      }
      return found;
    });
  },

  async analyze(db) {
    // A rebuild replaces every row: without fresh statistics the planner works from the empty table.
    await sql`analyze search_documents`.execute(db);
  },

  async highlight(db, query, ids) {
    if (ids.length === 0) return new Map();
    const q = tsquery(query);
    const { rows } = await sql<{ id: number; headline: string; summary: string; fragment: string }>`
      select d.article_id as id,
        ts_headline(${config}, d.headline, ${q}, ${headlineOptions}) as headline,
        ts_headline(${config}, d.summary, ${q}, ${headlineOptions}) as summary,
        ts_headline(${config}, d.body, ${q}, ${fragmentOptions}) as fragment
      from search_documents as d
      where d.article_id in (${sql.join(ids)})`.execute(db);
    return new Map(rows.map((r) => [Number(r.id), r]));
  },
};
