import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ArticleView, Site } from '../content/index.ts';
import type { SafeHtml } from './html.ts';
import type { PageContext } from './page-context.ts';
import type { PageResponder } from './page-response.ts';

/**
 * How other capabilities add to the reader site without the site importing them: comments under
 * an article and counts in lists (`ArticleComments`), and reader pages of their own registered
 * inside the site plugin (`SiteExtension`), so they get the site by Host, the layout and the
 * page cache like the site's own pages.
 */
export interface ArticleComments {
  /** The thread shown under the article's `#comments` anchor and the surrogate keys it depends on. */
  thread(ctx: PageContext, article: ArticleView): Promise<ArticleThread>;
  /** Visible comments per article, for the "N comments" of teasers (articles without any may be absent). */
  counts(articleIds: readonly number[]): Promise<ReadonlyMap<number, number>>;
  /** How long a list showing counts may be cached (counts in lists may lag by this much). */
  readonly countsMaxAgeMs: number;
}

/** A rendered thread; the page showing it is dropped by `keys` and kept at most until `expiresAt`. */
export interface ArticleThread {
  readonly html: SafeHtml;
  readonly keys: readonly string[];
  readonly expiresAt?: number;
}

export interface SiteExtensionOptions {
  readonly responder: PageResponder;
  /** The site and page context of any request (GETs already have `request.page`; POSTs do not). */
  pageContext(request: FastifyRequest): { site: Site; ctx: PageContext } | null;
}

export type SiteExtension = FastifyPluginAsync<SiteExtensionOptions>;
