import type { ArticleView } from '../../content/index.ts';
import { formatDateline } from '../dateline-format.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { breadcrumbJsonLd, newsArticleJsonLd } from '../structured-data.ts';
import { urls } from '../urls.ts';
import { bodyBlocks } from './body-blocks.ts';
import { communityBox } from './community-box.ts';
import { figure } from './figure.ts';
import { layout } from './layout.ts';
import { newsletterBox } from './newsletter-box.ts';
import { shareLinks } from './share.ts';

/**
 * The article page, in the order of DESIGN.md §1: header, tags row, headline, dateline, body,
 * rights line, comment call to action, share, newsletter box, community box, back to top, footer.
 */
export function renderArticlePage(ctx: PageContext, article: ArticleView, thread?: SafeHtml): SafeHtml {
  const { site } = ctx;
  const path = urls.article(article, article.section);
  const canonical = ctx.origin + path;
  const published = formatDateline(article.publishedAt!, site.timeZone, site.locale);
  const updated = article.updatedAt ? formatDateline(article.updatedAt, site.timeZone, site.locale) : null;
  const image = article.featuredImage;
  const description = article.summary || article.headline;

  const main = html`<article class="article" aria-labelledby="headline">
${
  article.tags.length > 0
    ? html`<p class="tags-row"><span class="tags-label">Tags:</span> ${article.tags.map(
        (tag, i) =>
          html`${i > 0 ? html` <span class="sep" aria-hidden="true">|</span> ` : null}<a href="${urls.tag(tag)}" rel="tag">${tag.name}</a>`,
      )}</p>`
    : null
}
<h1 id="headline">${article.headline}</h1>
${article.summary ? html`<p class="standfirst">${article.summary}</p>` : null}
<div class="byline-block">
${byline(article)}
<p class="dateline"><time datetime="${published.iso}">${published.text}</time>${
    updated
      ? html`<span class="updated"> · Updated <time datetime="${updated.iso}">${updated.text}</time></span>`
      : null
  }</p>
</div>
${image ? figure(image, { lazy: false }) : null}
<div class="article-body">
${bodyBlocks(article.body, datelineLead(article, site.locale))}
</div>
${corrections(ctx, article)}
${article.rightsLine ? html`<p class="rights-line">${article.rightsLine}</p>` : null}
<p class="comment-cta"><a href="#comments">Click Here to comment on this article</a></p>
${shareLinks(canonical, article.headline)}
</article>
<aside class="article-aside" aria-label="Newsletter and community">
${newsletterBox(ctx)}
${communityBox(ctx, article, thread)}
</aside>
<p class="back-to-top"><a href="#top">Back to TOP</a></p>`;

  return layout(
    ctx,
    {
      title: article.headline,
      description,
      canonicalPath: path,
      ogType: 'article',
      image: image ? { url: image.src, alt: image.alt, width: image.width, height: image.height } : null,
      activeSectionId: article.sectionId,
      extraHead: html`<meta property="article:published_time" content="${published.iso}">
${updated ? html`<meta property="article:modified_time" content="${updated.iso}">` : null}
<meta property="article:section" content="${article.section.name}">
${article.tags.map((t) => html`<meta property="article:tag" content="${t.name}">`)}
${article.keywords.length > 0 ? html`<meta name="keywords" content="${article.keywords.join(', ')}">` : null}
<meta name="publisher" content="${site.name}">`,
      jsonLd: [
        newsArticleJsonLd(ctx, article, canonical),
        breadcrumbJsonLd(ctx, article.sectionTrail, { name: article.headline, url: canonical }),
      ],
    },
    main,
  );
}

/** Corrections, oldest first, each dated in the site's time zone. */
function corrections(ctx: PageContext, article: ArticleView): SafeHtml | null {
  const list = article.corrections ?? [];
  if (list.length === 0) return null;
  return html`<section class="corrections" aria-labelledby="corrections-heading">
<h2 id="corrections-heading">${list.length === 1 ? 'Correction' : 'Corrections'}</h2>
${list.map((c) => {
  const when = formatDateline(c.createdAt, ctx.site.timeZone, ctx.site.locale);
  return html`<p><time datetime="${when.iso}">${when.text}</time>: ${c.text}</p>`;
})}
</section>`;
}

/**
 * Staff authors (linked to their pages) first; else the copy's own byline ("By Jane Doe") with
 * its agency after it unless the byline names it already; else "From Agency".
 */
function byline(article: ArticleView): SafeHtml | null {
  if (article.authors.length > 0) {
    return html`<p class="byline">By ${article.authors.map(
      (a, i) =>
        html`${i === 0 ? null : i === article.authors.length - 1 ? ' and ' : ', '}<a href="${urls.author(a)}" rel="author">${a.name}</a>`,
    )}</p>`;
  }
  const wire = wireByline(article);
  if (wire) {
    return html`<p class="byline">${wire.by}${wire.agency ? html`<span class="byline-agency">, ${wire.agency}</span>` : null}</p>`;
  }
  const agency = article.agency?.name ?? null;
  return agency ? html`<p class="byline">From ${agency}</p>` : null;
}

/**
 * Wire copy's byline as readers see it: "By Jane Doe" and the agency to add after it (null
 * when the byline names it already). Null without a byline. The article page and the feeds
 * both write it, as "By Jane Doe, Agency".
 */
export function wireByline(
  article: Pick<ArticleView, 'bylineText'> & { agency: { name: string } | null },
): { by: string; agency: string | null } | null {
  const text = article.bylineText?.trim();
  if (!text) return null;
  const agency = article.agency?.name ?? null;
  const by = bylineWords.test(text) ? text : `By ${text}`;
  const namesAgency = agency !== null && fold(text).includes(fold(agency));
  return { by, agency: agency && !namesAgency ? agency : null };
}

/** A byline that already begins with its own "By" (in the languages agencies file in). */
const bylineWords = /^(by|von|par|por|di|door|av|af|de)\s/i;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The dateline's lead-in, "LONDON (Reuters) — ", for the body's first paragraph: the place in
 * capitals, then the agency. Null when there is no place, or when the copy already opens with
 * one (agencies often write "LONDON (Reuters) -" into the text themselves).
 */
export function datelineLead(
  article: Pick<ArticleView, 'datelinePlace' | 'body'> & { agency: { name: string } | null },
  locale: string,
): string | null {
  const place = article.datelinePlace?.trim();
  if (!place) return null;
  const first = article.body[0];
  if (first?.type !== 'paragraph') return null;
  const opening = fold(first.text.slice(0, 160));
  const leadsWithPlace =
    opening.startsWith(fold(place.split(',')[0]!)) || opening.startsWith(`(${fold(place)}`);
  // "FORT WASHINGTON, Pa. (AP) _", "(ANSA) - ROMA": a lead-in of the agency's own.
  const hasOwnLead = /^.{0,80}?\([^)]{1,40}\)\s*[-–—_]/.test(first.text);
  if (leadsWithPlace || hasOwnLead) return null;
  const agency = article.agency?.name;
  return `${place.toLocaleUpperCase(locale)}${agency ? ` (${agency})` : ''} — `;
}
