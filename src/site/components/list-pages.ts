import type { ArticleTeaser, Author, ListPage, Section, Tag } from '../../content/index.ts';
import { type FeedLink, feedLinks, feedPaths } from '../feeds/feed-links.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import {
  breadcrumbJsonLd,
  collectionPageJsonLd,
  organizationJsonLd,
  webSiteJsonLd,
} from '../structured-data.ts';
import { urls } from '../urls.ts';
import { layout } from './layout.ts';
import { pagination, teaserList } from './teasers.ts';

export interface HomeModel {
  readonly top: readonly ArticleTeaser[];
  /** How many of `top` the newsroom picked: they come first, in its order. */
  readonly curated?: number;
  readonly bySection: readonly { readonly section: Section; readonly items: readonly ArticleTeaser[] }[];
}

export function renderHomePage(ctx: PageContext, model: HomeModel): SafeHtml {
  const [lead, ...rest] = model.top;
  const picked = rest.slice(0, Math.max(0, (model.curated ?? 0) - 1));
  const latest = rest.slice(picked.length);
  const main = html`<h1 class="visually-hidden">${ctx.site.name}: ${ctx.site.tagline}</h1>
<section class="front-top" aria-label="Top stories">
<div class="front-lead">${lead ? teaserList(ctx, [lead], { size: 'lead', level: 2 }) : html`<p>No stories yet.</p>`}</div>
<div class="front-latest">${
    picked.length > 0
      ? html`<h2 class="rail-heading">Top stories</h2>${teaserList(ctx, picked, { size: 'compact' })}`
      : null
  }${latest.length > 0 ? html`<h2 class="rail-heading">Latest</h2>${teaserList(ctx, latest, { size: 'compact' })}` : null}</div>
</section>
${model.bySection.map(
  ({ section, items }) => html`<section class="front-section" aria-labelledby="sec-${section.id}">
<h2 class="section-heading" id="sec-${section.id}"><a href="${urls.section(section)}">${section.name}</a></h2>
${teaserList(ctx, items)}
</section>`,
)}`;
  return layout(
    ctx,
    {
      title: ctx.site.name,
      description: ctx.site.tagline,
      canonicalPath: '/',
      jsonLd: [webSiteJsonLd(ctx), organizationJsonLd(ctx)],
    },
    main,
  );
}

interface ListModel {
  readonly heading: string;
  readonly intro?: string;
  readonly path: string;
  readonly page: ListPage<ArticleTeaser>;
  readonly subsections?: readonly Section[];
  readonly trail?: readonly Section[];
  readonly activeSectionId?: number;
  readonly label: string;
  readonly feeds: readonly FeedLink[];
  /** What the page is about, for its CollectionPage JSON-LD (a tag, a person). */
  readonly about?: object;
}

function renderList(ctx: PageContext, model: ListModel): SafeHtml {
  const { page } = model;
  const pageSuffix = page.before !== null ? ' (older)' : page.page > 1 ? ` (page ${page.page})` : '';
  const description = model.intro || `The latest from ${model.heading} at ${ctx.site.name}.`;
  const canonicalPath = urls.listPage(model.path, page);
  const main = html`<header class="list-header">
<p class="list-label">${model.label}</p>
<h1>${model.heading}</h1>
${model.intro ? html`<p class="list-intro">${model.intro}</p>` : null}
${
  model.subsections && model.subsections.length > 0
    ? html`<nav class="subsections" aria-label="${model.heading} subsections"><ul>${model.subsections.map(
        (s) => html`<li><a href="${urls.section(s)}">${s.name}</a></li>`,
      )}</ul></nav>`
    : null
}
</header>
${page.items.length > 0 ? teaserList(ctx, page.items, { level: 2 }) : html`<p class="empty">No articles here yet.</p>`}
${pagination(model.path, page)}`;
  return layout(
    ctx,
    {
      title: model.heading + pageSuffix,
      description,
      canonicalPath,
      activeSectionId: model.activeSectionId,
      jsonLd: [
        collectionPageJsonLd(ctx, {
          name: model.heading + pageSuffix,
          description,
          path: canonicalPath,
          page,
          about: model.about,
        }),
        model.trail
          ? breadcrumbJsonLd(ctx, model.trail)
          : breadcrumbJsonLd(ctx, [], { name: model.heading, url: ctx.origin + model.path }),
      ],
      feeds: model.feeds,
    },
    main,
  );
}

export function renderSectionPage(
  ctx: PageContext,
  section: Section,
  trail: readonly Section[],
  page: ListPage<ArticleTeaser>,
): SafeHtml {
  return renderList(ctx, {
    heading: section.name,
    intro: section.description,
    path: urls.section(section),
    page,
    subsections: ctx.sections.filter((s) => s.parentId === section.id),
    trail,
    activeSectionId: section.id,
    label: trail.length > 1 ? trail[0]!.name : 'Section',
    feeds: feedLinks(feedPaths.section(section), `${ctx.site.name}: ${trail.map((s) => s.name).join(': ')}`),
  });
}

export function renderTagPage(ctx: PageContext, tag: Tag, page: ListPage<ArticleTeaser>): SafeHtml {
  return renderList(ctx, {
    heading: tag.name,
    intro: `Every ${ctx.site.name} story tagged “${tag.name}”, newest first.`,
    path: urls.tag(tag),
    page,
    label: 'Tag',
    about: { '@type': 'Thing', name: tag.name },
    feeds: feedLinks(feedPaths.tag(tag), `${ctx.site.name}: ${tag.name}`),
  });
}

export function renderAuthorPage(ctx: PageContext, author: Author, page: ListPage<ArticleTeaser>): SafeHtml {
  return renderList(ctx, {
    heading: author.name,
    intro: [author.title, author.bio].filter(Boolean).join('. '),
    path: urls.author(author),
    page,
    label: 'Author',
    about: {
      '@type': 'Person',
      name: author.name,
      url: ctx.origin + urls.author(author),
      ...(author.title ? { jobTitle: author.title } : {}),
    },
    feeds: feedLinks(feedPaths.author(author), `${ctx.site.name}: ${author.name}`),
  });
}
