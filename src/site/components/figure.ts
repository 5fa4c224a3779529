import type { Image } from '../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';

/** An image with its caption and credit; width and height reserve its space (no layout shift). */
export function figure(image: Image, { lazy }: { lazy: boolean }): SafeHtml {
  const caption = image.caption || image.credit;
  return html`<figure class="figure"><img src="${image.src}" alt="${image.alt}"${
    image.width && image.height ? html` width="${image.width}" height="${image.height}"` : null
  }${lazy ? html` loading="lazy" decoding="async"` : html` fetchpriority="high"`}>${
    caption
      ? html`<figcaption>${image.caption ? html`<span>${image.caption}</span> ` : null}${
          image.credit ? html`<span class="credit">${image.credit}</span>` : null
        }</figcaption>`
      : null
  }</figure>`;
}
