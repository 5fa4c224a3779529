import type { ArticleView, Section, Site } from '../content/index.ts';
import type { SiteAssets } from './assets.ts';
import { renderArticlePage } from './components/article-page.ts';
import { securityHeaders } from './page-response.ts';

export interface ArticlePreviewInput {
  readonly view: ArticleView;
  readonly sites: readonly Site[];
  readonly sections: readonly Section[];
  readonly assets: SiteAssets;
  /** "http://localhost:3000": where the preview is opened (absolute URLs in the page use it). */
  readonly origin: string;
  readonly now: Date;
}

/**
 * The article page exactly as readers would get it, for an article of any status: the site's
 * own template, stylesheet and script. A draft has no publication time yet; it shows "now", the
 * time it would carry if published at once. Never cached: the newsroom opens it after each save.
 *
 * @example
 * const { body, headers } = renderArticlePreview({ view, sites, sections, assets, origin, now });
 */
export function renderArticlePreview(input: ArticlePreviewInput): {
  body: string;
  headers: Record<string, string>;
} {
  const { view, origin, now } = input;
  const site = input.sites.find((s) => s.id === view.siteId)!;
  const scheme = origin.slice(0, origin.indexOf('://'));
  const port = /:\d+$/.exec(origin)?.[0] ?? '';
  const ctx = {
    site,
    sites: input.sites,
    sections: input.sections,
    origin,
    originOf: (other: Site) =>
      other.id === site.id ? origin : `${scheme}://${other.hosts[0] ?? 'localhost'}${port}`,
    assets: { css: input.assets.css.path, js: input.assets.js.path },
    now,
  };
  const article: ArticleView = { ...view, publishedAt: view.publishedAt ?? now };
  return {
    body: renderArticlePage(ctx, article).value,
    headers: { ...securityHeaders, 'x-robots-tag': 'noindex, nofollow' },
  };
}
