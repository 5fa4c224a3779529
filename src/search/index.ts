/**
 * search: full-text search over the articles readers can see, on SQLite (FTS5) and PostgreSQL
 * (tsvector). Other capabilities use only what this file exports.
 */
export { queryLimits } from './query-parser.ts';
export {
  createSearchService,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
  type SearchService,
  type SearchSort,
  searchLimits,
} from './search-service.ts';
export type { Segment } from './segments.ts';
