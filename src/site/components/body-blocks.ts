import type { Block } from '../../content/index.ts';
import { isSafeUrl } from '../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { figure } from './figure.ts';

/**
 * Renders an article body's structured blocks. Every text is escaped; URLs must be http(s) or
 * site paths. A `lead` (the dateline's "LONDON (Reuters) — ") opens the first paragraph.
 */
export function bodyBlocks(blocks: readonly Block[], lead: string | null = null): SafeHtml {
  if (lead && blocks[0]?.type === 'paragraph') {
    return html`<p><span class="dateline-place">${lead}</span>${blocks[0].text}</p>\n${blocks.slice(1).map(block)}`;
  }
  return html`${blocks.map(block)}`;
}

function block(b: Block): SafeHtml | null {
  switch (b.type) {
    case 'paragraph':
      return html`<p>${b.text}</p>\n`;
    case 'subhead':
      return html`<h2>${b.text}</h2>\n`;
    case 'quote':
      return html`<blockquote><p>${b.text}</p>${b.cite ? html`<footer>— ${b.cite}</footer>` : null}</blockquote>\n`;
    case 'list': {
      const items = b.items.map((item) => html`<li>${item}</li>`);
      return b.ordered ? html`<ol>${items}</ol>\n` : html`<ul>${items}</ul>\n`;
    }
    case 'image':
      return isSafeUrl(b.src) ? html`${figure(b, { lazy: true })}\n` : null;
    case 'embed':
      return isSafeUrl(b.url)
        ? html`<figure class="embed"><a href="${b.url}" rel="noopener nofollow">${b.title || b.url}</a><figcaption>Embedded content from ${hostOf(b.url)}</figcaption></figure>\n`
        : null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
