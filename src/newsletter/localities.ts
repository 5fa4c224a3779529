import type { Kysely } from 'kysely';
import type { Database } from '../platform/index.ts';

/**
 * Where an article is local news: a US state, optionally narrowed to a county or a city. A reader
 * whose ZIP lies in that state (and county, and city, where given) gets it in their "Local news"
 * block. Names, not a point and radius: they are what an editor knows and types, and they match
 * the places the ZIP dataset gives.
 */
export interface Locality {
  readonly state: string;
  readonly county: string | null;
  readonly city: string | null;
}

export interface PlaceOfReader {
  readonly state: string | null;
  readonly county: string | null;
  readonly city: string | null;
}

export const stateCodes = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP AA AE AP'.split(
    ' ',
  ),
);

const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;

/** Whether a reader's place lies in the locality. */
export function isLocalTo(locality: Locality, place: PlaceOfReader): boolean {
  if (!same(locality.state, place.state)) return false;
  if (locality.county !== null && !same(locality.county.replace(/\s+county$/i, ''), place.county))
    return false;
  if (locality.city !== null && !same(locality.city, place.city)) return false;
  return true;
}

export function placeKey(place: PlaceOfReader): string {
  return `${place.state ?? ''}|${(place.county ?? '').toLowerCase()}|${(place.city ?? '').toLowerCase()}`;
}

/** Checks and tidies what an editor sent; answers the problems by field. */
export function parseLocalities(input: readonly { state?: unknown; county?: unknown; city?: unknown }[]): {
  localities: Locality[];
  problems: { field: string; message: string }[];
} {
  const problems: { field: string; message: string }[] = [];
  const localities: Locality[] = [];
  input.forEach((raw, i) => {
    const state = typeof raw.state === 'string' ? raw.state.trim().toUpperCase() : '';
    if (!stateCodes.has(state))
      problems.push({
        field: `localities[${i}].state`,
        message: 'must be a two-letter US state code such as NY',
      });
    const text = (value: unknown, field: string): string | null => {
      if (value === undefined || value === null || value === '') return null;
      if (typeof value !== 'string' || value.trim().length > 100 || /\p{Cc}/u.test(value)) {
        problems.push({
          field: `localities[${i}].${field}`,
          message: 'must be a place name of at most 100 characters',
        });
        return null;
      }
      return value.trim() || null;
    };
    localities.push({ state, county: text(raw.county, 'county'), city: text(raw.city, 'city') });
  });
  if (input.length > 20) problems.push({ field: 'localities', message: 'at most 20 places per article' });
  return { localities, problems };
}

export class ArticleLocalities {
  constructor(private readonly db: Kysely<Database>) {}

  async forArticle(articleId: number): Promise<Locality[]> {
    return (await this.forArticles([articleId])).get(articleId) ?? [];
  }

  async forArticles(articleIds: readonly number[]): Promise<Map<number, Locality[]>> {
    const map = new Map<number, Locality[]>();
    if (articleIds.length === 0) return map;
    const rows = await this.db
      .selectFrom('article_localities')
      .select(['article_id', 'state', 'county', 'city'])
      .where('article_id', 'in', [...articleIds])
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const list = map.get(row.article_id) ?? [];
      list.push({ state: row.state, county: row.county, city: row.city });
      map.set(row.article_id, list);
    }
    return map;
  }

  /** Replaces an article's localities (an empty list makes it no longer local). */
  async set(articleId: number, localities: readonly Locality[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_localities').where('article_id', '=', articleId).execute();
      if (localities.length > 0) {
        await trx
          .insertInto('article_localities')
          .values(
            localities.map((l) => ({
              article_id: articleId,
              state: l.state,
              county: l.county,
              city: l.city,
            })),
          )
          .execute();
      }
    });
  }
}
