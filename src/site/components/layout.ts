import { type FeedLink, feedLinks, feedPaths } from '../feeds/feed-links.ts';
import { html, jsonForScript, type Renderable, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { siteFooter } from './footer.ts';
import { siteHeader } from './header.ts';

export interface PageMeta {
  /** The page's own title; the site name is appended. */
  readonly title: string;
  readonly description: string;
  /** Path of the canonical URL, e.g. "/world/europe/slug/12". */
  readonly canonicalPath: string;
  readonly ogType?: 'website' | 'article';
  readonly image?: {
    readonly url: string;
    readonly alt: string;
    readonly width?: number;
    readonly height?: number;
  } | null;
  /** Extra tags for the head (article:published_time and friends). */
  readonly extraHead?: Renderable;
  readonly jsonLd?: readonly object[];
  readonly robots?: string;
  /** Highlights the current section in the navigation. */
  readonly activeSectionId?: number;
  /** The page's own feeds (a section's, a tag's); the site's feeds are always linked after them. */
  readonly feeds?: readonly FeedLink[];
}

export function layout(ctx: PageContext, meta: PageMeta, main: SafeHtml): SafeHtml {
  const { site, origin } = ctx;
  const title = meta.title === site.name ? `${site.name}: ${site.tagline}` : `${meta.title} | ${site.name}`;
  const canonical = origin + meta.canonicalPath;
  const image = meta.image ? absolute(origin, meta.image.url) : null;
  const feeds = [...(meta.feeds ?? []), ...feedLinks(feedPaths.site(), site.name)];
  return html`<!doctype html>
<html lang="${site.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${canonical}">
<link rel="stylesheet" href="${ctx.assets.css}">
<link rel="icon" href="/brand/icon.svg" type="image/svg+xml">
${feeds.map((f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${origin}${f.href}">\n`)}<meta name="theme-color" content="#ffffff">
${meta.robots ? html`<meta name="robots" content="${meta.robots}">` : null}
<meta property="og:site_name" content="${site.name}">
<meta property="og:type" content="${meta.ogType ?? 'website'}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${site.locale.replace('-', '_')}">
${
  image
    ? html`<meta property="og:image" content="${image}">
<meta property="og:image:alt" content="${meta.image!.alt}">
${meta.image!.width ? html`<meta property="og:image:width" content="${meta.image!.width}">` : null}
${meta.image!.height ? html`<meta property="og:image:height" content="${meta.image!.height}">` : null}`
    : null
}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${image ? html`<meta name="twitter:image" content="${image}">` : null}
${meta.extraHead}
${(meta.jsonLd ?? []).map((data) => html`<script type="application/ld+json">${jsonForScript(data)}</script>`)}
<script src="${ctx.assets.js}" defer></script>
</head>
<body class="brand-${site.slug}">
<a class="skip-link" href="#main">Skip to content</a>
${siteHeader(ctx, meta.activeSectionId)}
<main id="main" tabindex="-1">
${main}
</main>
${siteFooter(ctx)}
</body>
</html>
`;
}

export function absolute(origin: string, url: string): string {
  return url.startsWith('/') ? origin + url : url;
}
