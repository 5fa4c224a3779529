import type { ArticleTeaser, ListPage } from '../../content/index.ts';
import { formatDateline } from '../dateline-format.ts';
import { html, type SafeHtml } from '../html.ts';
import { type PageContext, sectionById } from '../page-context.ts';
import { urls } from '../urls.ts';
import { responsiveImage } from './figure.ts';

/**
 * How wide teaser images show (site.css): the lead takes two thirds of the wide layout from
 * 64rem, other teasers a quarter (front sections) or 14rem (lists), half from 48rem; phones
 * show them full width.
 */
const LEAD_SIZES = '(min-width: 76rem) 48rem, (min-width: 64rem) 64vw, 100vw';
const TEASER_SIZES = '(min-width: 64rem) 18rem, (min-width: 48rem) 50vw, 100vw';

export type TeaserSize = 'lead' | 'standard' | 'compact';

/** One article in a list: headline link, summary, image, time and section. */
export function teaser(
  ctx: PageContext,
  item: ArticleTeaser,
  size: TeaserSize,
  level: 2 | 3,
): SafeHtml | null {
  const section = sectionById(ctx, item.sectionId);
  if (!section) return null;
  const href = urls.article(item, section);
  const time = formatDateline(item.publishedAt, ctx.site.timeZone, ctx.site.locale);
  const image = size !== 'compact' ? item.featuredImage : null;
  const link = html`<a href="${href}">${item.headline}</a>`;
  const comments = ctx.commentCounts?.get(item.id) ?? 0;
  return html`<article class="teaser teaser-${size}">
${
  image
    ? html`<a class="teaser-image" href="${href}" tabindex="-1" aria-hidden="true">${responsiveImage(image, {
        lazy: size !== 'lead',
        alt: '',
        sizes: size === 'lead' ? LEAD_SIZES : TEASER_SIZES,
      })}</a>`
    : null
}
<div class="teaser-text">
<p class="kicker"><a href="${urls.section(section)}">${section.name}</a></p>
${level === 2 ? html`<h2 class="teaser-headline">${link}</h2>` : html`<h3 class="teaser-headline">${link}</h3>`}
${size !== 'compact' && item.summary ? html`<p class="teaser-summary">${item.summary}</p>` : null}
<p class="teaser-meta"><time datetime="${time.iso}">${time.date}</time>${
    item.agencyName ? html` · ${item.agencyName}` : null
  }${
    comments > 0
      ? html` · <a class="teaser-comments" href="${href}#comments">${comments} ${comments === 1 ? 'comment' : 'comments'}</a>`
      : null
  }</p>
</div>
</article>`;
}

/** Teasers under a heading of level `level - 1`, so the page's outline has no gaps. */
export function teaserList(
  ctx: PageContext,
  items: readonly ArticleTeaser[],
  { size = 'standard', level = 3 }: { size?: TeaserSize; level?: 2 | 3 } = {},
): SafeHtml {
  return html`<div class="teaser-list teaser-list-${size}">${items.map((item) => teaser(ctx, item, size, level))}</div>`;
}

/**
 * "Newest / Older" links. Older pages are keyset pages (`?before=<last article's id>`), so the
 * thousandth page of a big tag costs what the first does; no "Page 2 of 9", which would need a
 * count of the whole list on every render.
 */
export function pagination(path: string, page: ListPage<{ readonly id: number }>): SafeHtml | null {
  const continued = page.before !== null || page.page > 1;
  if (!continued && !page.next) return null;
  return html`<nav class="pagination" aria-label="Pages">
${continued ? html`<a href="${path}">← Newest</a>` : html`<span></span>`}
${page.next ? html`<a rel="next" href="${urls.olderThan(path, page.next.id)}">Older →</a>` : html`<span></span>`}
</nav>`;
}
