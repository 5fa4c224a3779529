/** site: the reader web (pages, templates, assets, SEO metadata, page cache). */
export { type ArticlePreviewInput, renderArticlePreview } from './article-preview.ts';
export { type Asset, buildSiteAssets, type SiteAssets } from './assets.ts';
export { absolute, layout, type PageMeta } from './components/layout.ts';
export { renderGuidelinesPage, renderMessagePage } from './components/simple-pages.ts';
export { formatDateline, isoWithOffset } from './dateline-format.ts';
export type { ArticleComments, ArticleThread, SiteExtension, SiteExtensionOptions } from './extensions.ts';
export { escapeHtml, html, SafeHtml } from './html.ts';
export type { PageContext } from './page-context.ts';
export { cachePolicy, type PageResponder, securityHeaders } from './page-response.ts';
export { type SitePluginOptions, sitePlugin } from './site-plugin.ts';
export { urls } from './urls.ts';
