/** site: the reader web (pages, templates, assets, SEO metadata, page cache). */
export { type ArticlePreviewInput, renderArticlePreview } from './article-preview.ts';
export { type Asset, buildSiteAssets, type SiteAssets } from './assets.ts';
export { formatDateline, isoWithOffset } from './dateline-format.ts';
export { escapeHtml, html, SafeHtml } from './html.ts';
export { type SitePluginOptions, sitePlugin } from './site-plugin.ts';
export { urls } from './urls.ts';
