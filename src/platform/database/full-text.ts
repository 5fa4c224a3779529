import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { columnScorer } from './full-text-score.ts';
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
 * query costs what it finds, not what the words alone would find.
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

/**
 * Two control characters kept out of indexed text. Hits are marked in JavaScript now (see
 * search/highlight.ts); stripping them still keeps documents identical to those indexed before.
 */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

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
}

/** Text as indexed: without the two marker characters (see HIT_START). */
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
    || coalesce((select ' ' || ${tags} from article_tags as t where t.article_id = a.id), '')`;
}

/** Body block fields worth finding an article by (not image sources, URLs or credits). */
const bodyFields = ['text', 'cite', 'caption', 'title'] as const;
const bodyFieldSet: ReadonlySet<string> = new Set(bodyFields);
// The two hit markers (HIT_START, HIT_END), built from them: a literal would be a control character.
const markers = new RegExp(`[${HIT_START}${HIT_END}]`, 'g');

/**
 * `bodyText` in JavaScript, for a body already in memory (a batch indexing thousands of articles:
 * SQLite's `json_tree` walk cost more than the rest of the document). The same texts in the same
 * order as SQLite's: each block's fields as stored, a list's items where its `items` stands.
 */
export function bodySearchText(body: unknown): string {
  if (!Array.isArray(body)) return '';
  const texts: string[] = [];
  for (const block of body) {
    if (block === null || typeof block !== 'object' || Array.isArray(block)) continue;
    for (const key in block) {
      const value = (block as Record<string, unknown>)[key];
      if (typeof value === 'string') {
        if (bodyFieldSet.has(key)) texts.push(value);
      } else if (key === 'items' && Array.isArray(value)) {
        for (const item of value) if (typeof item === 'string') texts.push(item);
      }
    }
  }
  return texts.join('\n').replace(markers, '');
}

/** `withoutMarkers` in JavaScript. */
export function textWithoutMarkers(text: string): string {
  return text.replace(markers, '');
}

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

export const sqliteFullText: FullTextAdapter = {
  async createIndex(db) {
    // External content: the text lives once, in search_documents; prefix indexes make `ab*` cheap.
    // (As 0002 made it; 0022 keeps only the 2-letter prefix index.)
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
    // article id) itself, so LIMIT stops the walk early: no sort, nothing read past `limit` rows.
    // Relevance is scored here over the candidates, not by bm25() (see columnScorer).
    const { rows } = await sql<{ id: number; published_at: string; headline?: string; summary?: string }>`
      select search_index.rowid as id, d.published_at${scored ? sql`, d.headline, d.summary` : sql``}
      from search_index cross join search_documents as d on d.article_id = search_index.rowid
      where search_index match ${fts5Query(query, facets)} and ${filters}
      order by search_index.rowid desc
      limit ${limit}`.execute(db);
    const score = scored ? columnScorer(query) : () => 0;
    return rows.map((r) => ({
      id: r.id,
      published_at: r.published_at,
      score: score(r.headline!, r.summary!),
    }));
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
    const match = facets.length > 0 ? sql`(${q} && ${facetQuery}::tsquery)` : q;
    // Only the GIN bitmap is allowed: the planner's guess at how many documents a query matches
    // can be off a hundredfold, and its alternatives (walking the primary key backwards, or the
    // whole table) read and decompress every document's tsvector on the way, 0.4 s on 100,000.
    // The bitmap costs what the query really matches. Ranking reads the tsvectors too, so it runs
    // only on the `limit` rows the inner query keeps.
    return db.transaction().execute(async (trx) => {
      await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
        trx,
      );
      const { rows } = await sql<Candidate>`select c.id, c.published_at,
          ${scored ? sql`ts_rank(c.document, ${q})` : sql`0`} as score
        from (
          select d.article_id as id, d.published_at, d.document from search_documents as d
          where d.document @@ ${match} and ${filters}
          order by d.article_id desc
          limit ${limit}
        ) as c`.execute(trx);
      return rows;
    });
  },
};
