import type { ArticleView } from '../../content/index.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { urls } from '../urls.ts';

/** "Join the <Brand> Community", the guidelines link, then the comment thread under #comments. */
export function communityBox(ctx: PageContext, article: ArticleView, thread?: SafeHtml): SafeHtml {
  return html`<section class="community-box" aria-labelledby="community-heading">
<h2 id="community-heading">Join the ${ctx.site.name} Community</h2>
<p class="community-lead">Read and Post Comments</p>
<p>Please review <a href="${urls.guidelines()}">Community Guidelines</a> before posting a comment.</p>
<div id="comments" class="comments">
${
  thread ??
  html`<h3 class="comment-count">0 comments</h3>
${
  article.commentsEnabled
    ? html`<p class="comments-empty">No comments yet.</p>`
    : html`<p class="comments-closed">Comments are closed for this article.</p>`
}`
}
</div>
</section>`;
}
