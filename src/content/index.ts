/**
 * content: sites (brands), sections, tags, authors, agencies, articles and their revisions.
 * Other capabilities use only what this file exports.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database/schema.ts';
import type { EventBus } from '../platform/events.ts';
import { createArticleRepository } from './article-repository.ts';
import { ContentService } from './content-service.ts';
import { createCorrectionRepository } from './correction-repository.ts';
import { createHomeCurationRepository } from './home-curation-repository.ts';
import { createTaxonomyEditingRepository } from './taxonomy-editing-repository.ts';
import { createTaxonomyRepository } from './taxonomy-repository.ts';

export type { ArticleInput, Transition } from './article.ts';
export { isSafeUrl, isVisible, publish, schedule, slugify, unpublish, withdraw } from './article.ts';
export {
  type ArticlePosition,
  type ArticleRepository,
  type ArticleWithRelations,
  articleChangedAt,
  type CursorQuery,
  isArticleId,
  type ListingQuery,
  type ListQuery,
  type NewsroomListQuery,
  type TeaserRow,
  teaserColumns,
  toTeaser,
} from './article-repository.ts';
export { ContentService, MAX_CURATED, systemActor } from './content-service.ts';
export { demoImagesDir } from './demo/images.ts';
export { ContentError, type FieldProblem } from './errors.ts';
export type { HomeCurationRepository } from './home-curation-repository.ts';
export {
  MEDIA_FORMATS,
  MEDIA_WIDTHS,
  type MediaFormat,
  type MediaRenditions,
  mediaFileName,
  mediaPath,
  mediaRenditions,
  mediaWidths,
  parseMediaFileName,
} from './media-image.ts';
export type * from './model.ts';
export type { SectionChanges, SectionCreateInput, TaxonomyManagement } from './taxonomy-management.ts';
export type { TaxonomyRepository } from './taxonomy-repository.ts';

/**
 * Builds the content service over a database; call `load()` before serving.
 *
 * @example
 * const content = createContentService({ db, events, clock: systemClock });
 * await content.load();
 */
export function createContentService(deps: {
  db: Kysely<Database>;
  events: EventBus;
  clock: Clock;
}): ContentService {
  return new ContentService({
    articles: createArticleRepository(deps.db),
    taxonomy: createTaxonomyRepository(deps.db),
    curation: createHomeCurationRepository(deps.db),
    corrections: createCorrectionRepository(deps.db),
    taxonomyEditing: createTaxonomyEditingRepository(deps.db),
    events: deps.events,
    clock: deps.clock,
    scope: { db: deps.db, articles: createArticleRepository, taxonomy: createTaxonomyRepository },
  });
}
