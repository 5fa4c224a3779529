import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { urls } from '../urls.ts';

/** Masthead: the brand, the search box, the WATCH TV LIVE link and the section navigation. */
export function siteHeader(ctx: PageContext, activeSectionId?: number): SafeHtml {
  const { site } = ctx;
  const activePath = ctx.sections.find((s) => s.id === activeSectionId)?.path;
  return html`<header class="masthead" id="top">
<div class="masthead-bar">
<a class="brand" href="/">${
    site.logoUrl
      ? html`<img src="${site.logoUrl}" alt="${site.name}" width="180" height="40">`
      : html`<span class="brand-mark" aria-hidden="true">${site.name.slice(0, 1)}</span><span class="brand-name">${site.name}</span>`
  }</a>
<form class="masthead-search" action="${urls.search()}" method="get" role="search" aria-label="Site search">
<label class="visually-hidden" for="masthead-q">Search ${site.name}</label>
<input id="masthead-q" type="search" name="q" maxlength="256" placeholder="Search">
<button type="submit">Search</button>
</form>
${
  ctx.live
    ? html`<a class="watch-live is-live" href="${urls.live()}"><span class="live-dot" aria-hidden="true"></span>WATCH TV LIVE <span class="live-flag" aria-hidden="true">LIVE</span><span class="visually-hidden">(on air now)</span></a>`
    : html`<a class="watch-live" href="${urls.live()}"><span class="live-dot" aria-hidden="true"></span>WATCH TV LIVE</a>`
}
</div>
<nav class="primary-nav" aria-label="Sections">
<ul>
${site.navigation.map((link) => {
  const current =
    activePath !== undefined &&
    (link.href === `/${activePath}` || activePath.startsWith(`${link.href.slice(1)}/`));
  return html`<li><a href="${link.href}"${current ? html` aria-current="page"` : null}>${link.label}</a></li>`;
})}
</ul>
</nav>
</header>`;
}
