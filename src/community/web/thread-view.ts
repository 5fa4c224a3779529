/**
 * The comment thread as HTML. One renderer for both places it appears: the article page
 * (public, cached, links only) and the discussion page (per reader, with forms carrying the
 * session's CSRF token). Reader text goes through `formatCommentText` and the escaping `html`.
 */
import { formatDateline, html, type PageContext, type SafeHtml } from '../../site/index.ts';
import type { ThreadItem, ThreadPage } from '../comment-repository.ts';
import { formatCommentText } from '../comment-text.ts';
import { type Comment, type CommentSort, commentLimits, type Reader, reportReasons } from '../model.ts';
import { communityUrls } from './urls.ts';

/** Who is looking, on the discussion page; null on the cached article page. */
export interface Viewer {
  readonly reader: Reader | null;
  readonly csrfToken: string | null;
  readonly liked: ReadonlySet<number>;
  /** The comment whose reply, edit or report form is open. */
  readonly open: { readonly kind: 'reply' | 'edit' | 'report'; readonly commentId: number } | null;
  readonly draft: string;
  /** A problem with what was just sent, shown beside the form it came from. */
  readonly problem: { readonly message: string; readonly formFor: 'new' | number } | null;
  readonly canPost: boolean;
  readonly now: Date;
}

export interface ThreadModel {
  readonly articleId: number;
  readonly page: ThreadPage;
  readonly sort: CommentSort;
  readonly open: boolean;
  readonly viewer: Viewer | null;
  /** The count's heading level: 3 under the article page's community box, 2 on the discussion page. */
  readonly headingLevel?: 2 | 3;
}

const sortLabels: Record<CommentSort, string> = { newest: 'Newest', oldest: 'Oldest', liked: 'Most liked' };

export function countLabel(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'comment' : 'comments'}`;
}

export function commentBody(body: string): SafeHtml {
  return html`${formatCommentText(body).map(
    (lines) =>
      html`<p>${lines.map(
        (segments, i) =>
          html`${i > 0 ? html`<br>` : null}${segments.map((s) =>
            s.kind === 'link' ? html`<a href="${s.href}" rel="nofollow ugc noopener">${s.text}</a>` : s.text,
          )}`,
      )}</p>`,
  )}`;
}

export function renderThread(ctx: PageContext, model: ThreadModel): SafeHtml {
  const { page, sort, viewer, articleId } = model;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const discussion = communityUrls.discussion(articleId);
  const count = countLabel(page.count);
  return html`${model.headingLevel === 2 ? html`<h2 class="comment-count">${count}</h2>` : html`<h3 class="comment-count">${count}</h3>`}
${
  model.open
    ? viewer
      ? null
      : html`<p class="comment-join"><a class="button" href="${discussion}#comment-form">Post a comment</a></p>`
    : html`<p class="comments-closed">Comments are closed for this article.</p>`
}
${
  page.total > 1
    ? html`<nav class="comment-sort" aria-label="Sort comments"><span>Sort by:</span> ${(
        ['newest', 'oldest', 'liked'] as const
      ).map((s) =>
        s === sort
          ? html`<strong aria-current="true">${sortLabels[s]}</strong> `
          : html`<a href="${communityUrls.discussion(articleId, { sort: s })}#comments">${sortLabels[s]}</a> `,
      )}</nav>`
    : null
}
${page.total === 0 ? html`<p class="comments-empty">No comments yet.</p>` : null}
<ol class="comment-list">
${page.items.map((item) => threadItem(ctx, model, item))}
</ol>
${
  pages > 1
    ? html`<nav class="pagination comment-pages" aria-label="Comment pages">
${page.page > 1 ? html`<a rel="prev" href="${communityUrls.discussion(articleId, { sort, page: page.page - 1 })}#comments">← Previous comments</a>` : html`<span></span>`}
<span class="page-count">Page ${page.page} of ${pages}</span>
${page.page < pages ? html`<a rel="next" href="${communityUrls.discussion(articleId, { sort, page: page.page + 1 })}#comments">More comments →</a>` : html`<span></span>`}
</nav>`
    : null
}`;
}

function threadItem(ctx: PageContext, model: ThreadModel, item: ThreadItem): SafeHtml {
  return html`<li class="comment-thread">
${comment(ctx, model, item.comment, item.comment.id)}
${
  item.replies.length > 0 || isOpen(model, 'reply', item.comment.id)
    ? html`<ol class="comment-replies">${item.replies.map((reply) => html`<li>${comment(ctx, model, reply, item.comment.id)}${replyFormIfOpen(model, reply)}</li>`)}</ol>`
    : null
}
${replyFormIfOpen(model, item.comment)}
</li>`;
}

function isOpen(model: ThreadModel, kind: 'reply' | 'edit' | 'report', id: number): boolean {
  return model.viewer?.open?.kind === kind && model.viewer.open.commentId === id;
}

function replyFormIfOpen(model: ThreadModel, target: Comment): SafeHtml | null {
  const { viewer } = model;
  if (!viewer || !isOpen(model, 'reply', target.id) || !viewer.canPost || !model.open) return null;
  return html`<form class="comment-form reply-form" id="reply-form" method="post" action="${communityUrls.post(model.articleId)}">
${csrfField(viewer)}<input type="hidden" name="parent" value="${target.id}"><input type="hidden" name="sort" value="${model.sort}">
${problemFor(viewer, target.id)}
<label for="reply-body">Reply to ${target.authorName ?? 'this comment'}</label>
<textarea id="reply-body" name="body" rows="4" maxlength="${commentLimits.maxLength}" required>${viewer.draft}</textarea>
<button type="submit">Post reply</button> <a href="${communityUrls.discussion(model.articleId, { sort: model.sort })}#comment-${target.id}">Cancel</a>
</form>`;
}

function comment(ctx: PageContext, model: ThreadModel, c: Comment, threadId: number): SafeHtml {
  const { viewer, articleId } = model;
  if (c.status === 'deleted') {
    return html`<article class="comment comment-deleted" id="comment-${c.id}"><p>This comment was deleted.</p></article>`;
  }
  const time = formatDateline(c.createdAt, ctx.site.timeZone, ctx.site.locale);
  const own = viewer?.reader && c.readerId === viewer.reader.id;
  const discussion = (open: 'reply' | 'report') =>
    `${communityUrls.discussion(articleId, { sort: model.sort, [open]: c.id })}#comment-${c.id}`;
  const editing = own && isOpen(model, 'edit', c.id);
  return html`<article class="comment${c.parentId !== null ? ' comment-reply' : ''}" id="comment-${c.id}" aria-label="Comment by ${c.authorName ?? 'a former member'}">
<p class="comment-meta"><span class="comment-author">${c.authorName ?? 'Former member'}</span> · <a class="comment-time" href="#comment-${c.id}"><time datetime="${time.iso}">${time.text}</time></a>${
    c.editedAt ? html` · <span class="comment-edited">edited</span>` : null
  }${c.status === 'pending' ? html` · <strong class="comment-pending">Awaiting review: only you can see this for now</strong>` : null}</p>
${
  editing && viewer
    ? html`<form class="comment-form edit-form" method="post" action="${communityUrls.edit(c.id)}">
${csrfField(viewer)}<input type="hidden" name="sort" value="${model.sort}">
${problemFor(viewer, c.id)}
<label for="edit-body">Edit your comment</label>
<textarea id="edit-body" name="body" rows="4" maxlength="${commentLimits.maxLength}" required>${viewer.problem ? viewer.draft : c.body}</textarea>
<button type="submit">Save</button> <a href="${communityUrls.discussion(articleId, { sort: model.sort })}#comment-${c.id}">Cancel</a>
</form>`
    : html`<div class="comment-body">${commentBody(c.body)}</div>`
}
${c.status === 'approved' ? actions(model, c, threadId, discussion) : null}
${viewer && isOpen(model, 'report', c.id) && c.status === 'approved' ? reportForm(model, viewer, c) : null}
</article>`;
}

function actions(
  model: ThreadModel,
  c: Comment,
  _threadId: number,
  discussion: (open: 'reply' | 'report') => string,
): SafeHtml {
  const { viewer } = model;
  const likes = html`<span class="like-count">${c.likeCount}</span> ${c.likeCount === 1 ? 'like' : 'likes'}`;
  if (!viewer?.reader || !viewer.csrfToken) {
    // The cached page and signed-out readers: links to the discussion page, where the forms are.
    return html`<p class="comment-actions"><span class="comment-likes">${likes}</span>${
      model.open ? html` · <a href="${discussion('reply')}">Reply</a>` : null
    } · <a href="${discussion('report')}">Report</a></p>`;
  }
  const liked = viewer.liked.has(c.id);
  const own = c.readerId === viewer.reader.id;
  const canEdit = own && viewer.now.getTime() - c.createdAt.getTime() <= commentLimits.editWindowMs;
  return html`<div class="comment-actions">
<form method="post" action="${communityUrls.like(c.id)}">${csrfField(viewer)}<input type="hidden" name="sort" value="${model.sort}"><button type="submit" class="link-button" aria-pressed="${liked ? 'true' : 'false'}">${liked ? 'Liked' : 'Like'}</button> <span class="comment-likes">${likes}</span></form>
${model.open && viewer.canPost ? html`<a href="${discussion('reply')}">Reply</a>` : null}
${own ? null : html`<a href="${discussion('report')}">Report</a>`}
${canEdit ? html`<a href="${communityUrls.discussion(model.articleId, { sort: model.sort, edit: c.id })}#comment-${c.id}">Edit</a>` : null}
${
  own
    ? html`<form method="post" action="${communityUrls.remove(c.id)}">${csrfField(viewer)}<input type="hidden" name="sort" value="${model.sort}"><button type="submit" class="link-button">Delete</button></form>`
    : null
}
</div>`;
}

function reportForm(model: ThreadModel, viewer: Viewer, c: Comment): SafeHtml {
  return html`<form class="report-form" method="post" action="${communityUrls.report(c.id)}">
${csrfField(viewer)}<input type="hidden" name="sort" value="${model.sort}">
${problemFor(viewer, c.id)}
<fieldset><legend>Why are you reporting this comment?</legend>
${Object.entries(reportReasons).map(
  ([value, label], i) =>
    html`<label class="choice"><input type="radio" name="reason" value="${value}"${i === 0 ? html` required` : null}> ${label}</label>`,
)}
</fieldset>
<label for="report-note">Anything moderators should know? (optional)</label>
<textarea id="report-note" name="note" rows="2" maxlength="${commentLimits.reportNoteMax}"></textarea>
<button type="submit">Send report</button> <a href="${communityUrls.discussion(model.articleId, { sort: model.sort })}#comment-${c.id}">Cancel</a>
</form>`;
}

export function csrfField(viewer: Pick<Viewer, 'csrfToken'>): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${viewer.csrfToken ?? ''}">`;
}

export function problemFor(viewer: Viewer, formFor: 'new' | number): SafeHtml | null {
  return viewer.problem && viewer.problem.formFor === formFor
    ? html`<p class="form-problem" role="alert">${viewer.problem.message}</p>`
    : null;
}
