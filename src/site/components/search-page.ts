import type { Section, Tag } from '../../content/index.ts';
import type { SearchHit, SearchResult, Segment } from '../../search/index.ts';
import { formatDateline } from '../dateline-format.ts';
import { html, type SafeHtml } from '../html.ts';
import { type PageContext, sectionById } from '../page-context.ts';
import { urls } from '../urls.ts';
import { layout } from './layout.ts';

/** The search form as the reader filled it in (strings as sent, so the form shows them back). */
export interface SearchForm {
  readonly q: string;
  /** A section path ("world/europe"), or "" for all. */
  readonly section: string;
  /** A tag slug, or "" for all. */
  readonly tag: string;
  /** YYYY-MM-DD or "". */
  readonly from: string;
  readonly to: string;
  readonly sort: 'relevance' | 'newest';
}

export interface SearchPageModel {
  readonly form: SearchForm;
  readonly tags: readonly Tag[];
  /** What is wrong with the form (the page is then a 400 and searches nothing). */
  readonly problems: readonly string[];
  /** null when there is nothing to search for yet. */
  readonly result: SearchResult | null;
}

/** The search path with the form's non-empty fields (and a page past the first). */
export function searchUrl(form: SearchForm, page = 1): string {
  const params = new URLSearchParams();
  if (form.q) params.set('q', form.q);
  if (form.section) params.set('section', form.section);
  if (form.tag) params.set('tag', form.tag);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (form.sort !== 'relevance') params.set('sort', form.sort);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${urls.search()}?${query}` : urls.search();
}

/** Hits become <mark>; every segment's text is escaped like any other interpolation. */
function marked(segments: readonly Segment[]): SafeHtml {
  return html`${segments.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : s.text))}`;
}

export function renderSearchPage(ctx: PageContext, model: SearchPageModel): SafeHtml {
  const { form, result } = model;
  const heading =
    form.q && !model.problems.length ? html`Results for “${form.q}”` : html`Search ${ctx.site.name}`;
  const pageSuffix = result && result.page > 1 ? ` (page ${result.page})` : '';
  const main = html`<header class="list-header">
<p class="list-label">Search</p>
<h1>${heading}</h1>
</header>
${searchForm(ctx, model)}
${model.problems.length > 0 ? problems(model.problems) : result ? results(ctx, form, result) : tips()}`;
  return layout(
    ctx,
    {
      title: (form.q ? `“${form.q}”: search` : 'Search') + pageSuffix,
      description: `Search ${ctx.site.name}'s articles.`,
      canonicalPath: urls.search(),
      // Result pages are endless and change by the minute: worth following, not indexing.
      robots: 'noindex, follow',
    },
    main,
  );
}

function searchForm(ctx: PageContext, { form, tags }: SearchPageModel): SafeHtml {
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : null}>${label}</option>`;
  const sections = ctx.sections
    .filter((s) => s.parentId === null)
    .flatMap((parent) => [parent, ...ctx.sections.filter((s) => s.parentId === parent.id)]);
  const sectionLabel = (s: Section) => {
    const parent = s.parentId === null ? undefined : sectionById(ctx, s.parentId);
    return parent ? `${parent.name} › ${s.name}` : s.name;
  };
  return html`<form class="search-form" action="${urls.search()}" method="get" role="search" aria-label="Search articles">
<div class="search-main">
<label for="search-q">Search words</label>
<input id="search-q" type="search" name="q" value="${form.q}" maxlength="256" aria-describedby="search-hint">
<button type="submit">Search</button>
</div>
<p class="search-hint" id="search-hint">Use "quotes" for a phrase, * for a word's beginning (elect*), OR for either word, and - to leave a word out.</p>
<fieldset class="search-filters">
<legend>Narrow the results</legend>
<p><label for="search-section">Section</label>
<select id="search-section" name="section">${option('', 'All sections', form.section === '')}${sections.map(
    (s) => option(s.path, sectionLabel(s), s.path === form.section),
  )}</select></p>
<p><label for="search-tag">Tag</label>
<select id="search-tag" name="tag">${option('', 'All tags', form.tag === '')}${tags.map((t) =>
    option(t.slug, t.name, t.slug === form.tag),
  )}</select></p>
<p><label for="search-from">From</label>
<input id="search-from" type="date" name="from" value="${form.from}"></p>
<p><label for="search-to">To</label>
<input id="search-to" type="date" name="to" value="${form.to}"></p>
<p><label for="search-sort">Order</label>
<select id="search-sort" name="sort">${option('relevance', 'Best match', form.sort === 'relevance')}${option(
    'newest',
    'Newest first',
    form.sort === 'newest',
  )}</select></p>
</fieldset>
</form>`;
}

function problems(list: readonly string[]): SafeHtml {
  return html`<div class="search-problems" role="alert">
<h2>Please check the search</h2>
<ul>${list.map((p) => html`<li>${p}</li>`)}</ul>
</div>`;
}

function tips(): SafeHtml {
  return html`<p class="search-intro">Type a few words above: a name, a place, a subject. Results list the best matches first; choose “Newest first” to follow a story.</p>`;
}

function results(ctx: PageContext, form: SearchForm, result: SearchResult): SafeHtml {
  if (result.total === 0) return emptyState(ctx, form);
  const count = result.more
    ? `More than ${result.total.toLocaleString('en-US')} articles match; these are the ${result.total.toLocaleString('en-US')} most recent. Add words or dates to narrow them.`
    : `${result.total.toLocaleString('en-US')} ${result.total === 1 ? 'article matches' : 'articles match'}.`;
  return html`<p class="search-count" role="status">${count}</p>
<div class="teaser-list search-results">${result.items.map((hit) => searchHit(ctx, hit))}</div>
${pagination(form, result)}`;
}

function searchHit(ctx: PageContext, hit: SearchHit): SafeHtml | null {
  const section = sectionById(ctx, hit.sectionId);
  if (!section) return null;
  const href = urls.article(hit, section);
  const time = formatDateline(hit.publishedAt, ctx.site.timeZone, ctx.site.locale);
  return html`<article class="teaser teaser-standard search-hit">
<div class="teaser-text">
<p class="kicker"><a href="${urls.section(section)}">${section.name}</a></p>
<h2 class="teaser-headline"><a href="${href}">${marked(hit.headlineSegments)}</a></h2>
${hit.snippet.length > 0 ? html`<p class="teaser-summary search-snippet">${marked(hit.snippet)}</p>` : null}
<p class="teaser-meta"><time datetime="${time.iso}">${time.date}</time>${hit.agencyName ? html` · ${hit.agencyName}` : null}</p>
</div>
</article>`;
}

function emptyState(ctx: PageContext, form: SearchForm): SafeHtml {
  const filtered = Boolean(form.section || form.tag || form.from || form.to);
  const top = ctx.sections.filter((s) => s.parentId === null);
  return html`<div class="search-empty">
<h2>No articles match “${form.q}”</h2>
<p>Some things to try:</p>
<ul>
<li>Check the spelling of each word.</li>
<li>Use fewer words, or more general ones; end a word with * to match its longer forms (elect* finds election and elected).</li>
${filtered ? html`<li><a href="${searchUrl({ ...form, section: '', tag: '', from: '', to: '' })}">Search all sections, tags and dates</a> instead.</li>` : null}
<li>Browse a section: ${top.map((s, i) => html`${i > 0 ? ', ' : ''}<a href="${urls.section(s)}">${s.name}</a>`)}.</li>
</ul>
</div>`;
}

function pagination(form: SearchForm, result: SearchResult): SafeHtml | null {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (pages <= 1) return null;
  return html`<nav class="pagination" aria-label="Result pages">
${result.page > 1 ? html`<a rel="prev" href="${searchUrl(form, result.page - 1)}">← Previous</a>` : html`<span></span>`}
<span class="page-count">Page ${result.page} of ${pages}</span>
${result.page < pages ? html`<a rel="next" href="${searchUrl(form, result.page + 1)}">Next →</a>` : html`<span></span>`}
</nav>`;
}
