import { type Image, mediaRenditions } from '../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';

/** How wide an image shows: the text column (42rem) on wide screens, the viewport on phones. */
const COLUMN_SIZES = '(min-width: 44rem) 42rem, 100vw';

/** An image with its caption and credit; width and height reserve its space (no layout shift). */
export function figure(image: Image, { lazy }: { lazy: boolean }): SafeHtml {
  const caption = image.caption || image.credit;
  return html`<figure class="figure">${responsiveImage(image, { lazy, alt: image.alt, sizes: COLUMN_SIZES })}${
    caption
      ? html`<figcaption>${image.caption ? html`<span>${image.caption}</span> ` : null}${
          image.credit ? html`<span class="credit">${image.credit}</span>` : null
        }</figcaption>`
      : null
  }</figure>`;
}

/**
 * An `<img>`, or for a media-library image a `<picture>` offering AVIF and WebP at every width
 * it was made in, with the JPEG `<img>` as the fallback. Other images are shown as they are.
 */
export function responsiveImage(
  image: Image,
  { lazy, alt, sizes }: { lazy: boolean; alt: string; sizes: string },
): SafeHtml {
  const dimensions =
    image.width && image.height ? html` width="${image.width}" height="${image.height}"` : null;
  const loading = lazy ? html` loading="lazy" decoding="async"` : html` fetchpriority="high"`;
  const renditions = mediaRenditions(image.src);
  if (!renditions) return html`<img src="${image.src}" alt="${alt}"${dimensions}${loading}>`;
  return html`<picture><source type="image/avif" srcset="${renditions.srcset('avif')}" sizes="${sizes}"><source type="image/webp" srcset="${renditions.srcset('webp')}" sizes="${sizes}"><img src="${image.src}" srcset="${renditions.srcset('jpeg')}" sizes="${sizes}" alt="${alt}"${dimensions}${loading}></picture>`;
}
