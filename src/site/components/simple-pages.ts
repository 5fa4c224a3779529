import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { urls } from '../urls.ts';
import { layout } from './layout.ts';

/** 404, 410 and other dead ends: say what happened and offer ways on. */
export function renderErrorPage(ctx: PageContext, status: 404 | 410, path: string): SafeHtml {
  const [title, text] =
    status === 410
      ? [
          'This article has been removed',
          'The article you are looking for is no longer available on this site.',
        ]
      : [
          'Page not found',
          'We could not find the page you asked for. It may have moved, or the address may be mistyped.',
        ];
  return layout(
    ctx,
    { title, description: text, canonicalPath: path, robots: 'noindex' },
    html`<section class="error-page">
<p class="error-code">${status === 410 ? 'Gone' : 'Error 404'}</p>
<h1>${title}</h1>
<p>${text}</p>
<p><a class="button" href="/">Go to the ${ctx.site.name} home page</a></p>
<h2>Browse our sections</h2>
<ul class="error-sections">${ctx.sections
      .filter((s) => s.parentId === null)
      .map((s) => html`<li><a href="${urls.section(s)}">${s.name}</a></li>`)}</ul>
</section>`,
  );
}

export interface GuidelinesModel {
  readonly title: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

export function renderGuidelinesPage(ctx: PageContext, model: GuidelinesModel): SafeHtml {
  return layout(
    ctx,
    {
      title: model.title,
      description: `How to take part in ${ctx.site.name}'s comments.`,
      canonicalPath: urls.guidelines(),
    },
    html`<article class="static-page">
<h1>${model.title}</h1>
${model.sections.map(
  (section) => html`<h2>${section.heading}</h2>
${section.paragraphs.map((p) => html`<p>${p}</p>`)}`,
)}
</article>`,
  );
}

/** A plain message page (for form answers that need no template of their own). */
export function renderMessagePage(
  ctx: PageContext,
  { title, message }: { title: string; message: string },
): SafeHtml {
  return layout(
    ctx,
    { title, description: message, canonicalPath: '/', robots: 'noindex' },
    html`<section class="static-page"><h1>${title}</h1><p>${message}</p><p><a href="/">Back to the home page</a></p></section>`,
  );
}
