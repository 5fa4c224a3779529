import { html, type SafeHtml } from '../html.ts';

/**
 * Share links that work without JavaScript; the page script adds the Web Share API and a
 * clipboard copy where the browser has them.
 */
export function shareLinks(url: string, title: string): SafeHtml {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return html`<section class="share" aria-labelledby="share-heading">
<h2 id="share-heading" class="share-heading">Share this article</h2>
<ul class="share-list">
<li><a class="share-x" href="https://x.com/intent/post?url=${u}&amp;text=${t}" rel="noopener" target="_blank">X</a></li>
<li><a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=${u}" rel="noopener" target="_blank">Facebook</a></li>
<li><a class="share-linkedin" href="https://www.linkedin.com/sharing/share-offsite/?url=${u}" rel="noopener" target="_blank">LinkedIn</a></li>
<li><a class="share-email" href="mailto:?subject=${t}&amp;body=${u}">Email</a></li>
<li><a class="share-copy" href="${url}" data-copy="${url}">Copy link</a></li>
<li hidden><button type="button" class="share-native" data-title="${title}" data-url="${url}">More…</button></li>
</ul>
</section>`;
}
