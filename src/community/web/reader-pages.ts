/** The community's own reader pages: join, check your email, confirm sign-in, account, discussion. */
import type { ArticleView } from '../../content/index.ts';
import { html, layout, type PageContext, type SafeHtml } from '../../site/index.ts';
import { commentLimits, type Reader } from '../model.ts';
import { csrfField, problemFor, renderThread, type ThreadModel, type Viewer } from './thread-view.ts';
import { communityUrls } from './urls.ts';

const privatePage = { robots: 'noindex' };

function problem(message: string | null): SafeHtml | null {
  return message ? html`<p class="form-problem" role="alert">${message}</p>` : null;
}

export function renderJoinPage(
  ctx: PageContext,
  form: { email: string; returnPath: string; problem: string | null; signedInAs: Reader | null },
): SafeHtml {
  return layout(
    ctx,
    {
      title: 'Join or sign in',
      description: `Join the ${ctx.site.name} community.`,
      canonicalPath: communityUrls.join(),
      ...privatePage,
    },
    html`<section class="static-page community-page">
<h1>Join the ${ctx.site.name} Community</h1>
${
  form.signedInAs
    ? html`<p>You are signed in as ${form.signedInAs.displayName ?? form.signedInAs.email}. <a href="${communityUrls.account()}">Your account</a></p>`
    : null
}
<p>Enter your email address and we will send you a link to join or sign in. There is no password to remember: each link works once, for 30 minutes.</p>
<form class="community-form" method="post" action="${communityUrls.join()}">
<input type="hidden" name="return" value="${form.returnPath}">
${problem(form.problem)}
<div class="field"><label for="join-email">Email address</label>
<input id="join-email" name="email" type="email" required autocomplete="email" maxlength="254" value="${form.email}"></div>
<button type="submit">Email me a sign-in link</button>
</form>
<p>Please review the <a href="${communityUrls.guidelines()}">Community Guidelines</a> before posting a comment.</p>
</section>`,
  );
}

export function renderCheckEmailPage(ctx: PageContext, email: string): SafeHtml {
  return layout(
    ctx,
    {
      title: 'Check your email',
      description: 'We sent you a sign-in link.',
      canonicalPath: communityUrls.join(),
      ...privatePage,
    },
    html`<section class="static-page community-page">
<h1>Check your email</h1>
<p>We sent a sign-in link to <strong>${email}</strong>. Open it on this device within 30 minutes to join or sign in.</p>
<p>Nothing arrived? Check your spam folder, or <a href="${communityUrls.join()}">ask for another link</a>.</p>
</section>`,
  );
}

export function renderConfirmSignInPage(ctx: PageContext, token: string): SafeHtml {
  return layout(
    ctx,
    {
      title: 'Sign in',
      description: `Sign in to ${ctx.site.name}.`,
      canonicalPath: communityUrls.signIn(),
      ...privatePage,
    },
    html`<section class="static-page community-page">
<h1>Sign in to ${ctx.site.name}</h1>
<p>Press the button to finish signing in on this device.</p>
<form class="community-form" method="post" action="${communityUrls.signIn()}">
<input type="hidden" name="token" value="${token}">
<button type="submit">Sign in</button>
</form>
</section>`,
  );
}

export function renderAccountPage(
  ctx: PageContext,
  model: {
    reader: Reader;
    csrfToken: string;
    returnPath: string;
    problem: string | null;
    notice: string | null;
    form?: { displayName: string; notifyReplies: boolean };
  },
): SafeHtml {
  const { reader } = model;
  const viewer = { csrfToken: model.csrfToken };
  const displayName = model.form?.displayName ?? reader.displayName ?? '';
  const notify = model.form?.notifyReplies ?? reader.notifyReplies;
  return layout(
    ctx,
    {
      title: 'Your community account',
      description: 'Your display name and settings.',
      canonicalPath: communityUrls.account(),
      ...privatePage,
    },
    html`<section class="static-page community-page">
<h1>Your community account</h1>
${model.notice ? html`<p class="form-notice" role="status">${model.notice}</p>` : null}
<p>Signed in as <strong>${reader.email}</strong>. Your email address is never shown to other readers.</p>
<form class="community-form" method="post" action="${communityUrls.account()}">
${csrfField(viewer)}<input type="hidden" name="return" value="${model.returnPath}">
${problem(model.problem)}
<div class="field"><label for="display-name">Display name (shown with your comments)</label>
<input id="display-name" name="displayName" type="text" required maxlength="${commentLimits.displayNameMax}" autocomplete="nickname" value="${displayName}"></div>
${
  reader.guidelinesAcceptedAt
    ? html`<p>You accepted the <a href="${communityUrls.guidelines()}">Community Guidelines</a>.</p><input type="hidden" name="acceptGuidelines" value="yes">`
    : html`<div class="field"><label class="choice"><input type="checkbox" name="acceptGuidelines" value="yes" required> I have read and accept the <a href="${communityUrls.guidelines()}">Community Guidelines</a></label></div>`
}
<div class="field"><label class="choice"><input type="checkbox" name="notifyReplies" value="yes"${notify ? html` checked` : null}> Email me when someone replies to my comments</label></div>
<button type="submit">Save</button>
</form>
<h2>Your data</h2>
<p><a href="${communityUrls.accountData()}" download>Download everything we keep about you (JSON)</a></p>
<form class="community-form" method="post" action="${communityUrls.accountDelete()}">
${csrfField(viewer)}
<div class="field"><label class="choice"><input type="checkbox" name="confirm" value="yes" required> Delete my account and the words of all my comments. This cannot be undone.</label></div>
<button type="submit" class="button-danger">Delete my account</button>
</form>
<h2>Sign out</h2>
<form class="community-form" method="post" action="${communityUrls.signOut()}">${csrfField(viewer)}<button type="submit">Sign out</button></form>
</section>`,
  );
}

export function renderDiscussionPage(
  ctx: PageContext,
  model: {
    article: ArticleView;
    articlePath: string;
    thread: ThreadModel;
    viewer: Viewer;
    notice: string | null;
  },
): SafeHtml {
  const { article, viewer, thread } = model;
  const path = communityUrls.discussion(article.id);
  return layout(
    ctx,
    {
      title: `Comments: ${article.headline}`,
      description: `Readers' comments on “${article.headline}”.`,
      canonicalPath: path,
      ...privatePage,
    },
    html`<section class="discussion-page">
<p class="list-label">Comments</p>
<h1><a href="${model.articlePath}">${article.headline}</a></h1>
<p>Please review <a href="${communityUrls.guidelines()}">Community Guidelines</a> before posting a comment.</p>
${model.notice ? html`<p class="form-notice" role="status">${model.notice}</p>` : null}
<div id="comments" class="comments">
${postBox(ctx, model)}
${renderThread(ctx, thread)}
</div>
<p><a href="${model.articlePath}">Back to the article</a></p>
</section>`,
  );
  function postBox(_ctx: PageContext, m: typeof model): SafeHtml | null {
    // Without a form to show it beside (a closed thread, an unfinished profile), a problem goes first.
    const standalone = viewer.problem?.formFor === 'new' ? problem(viewer.problem.message) : null;
    if (!m.thread.open) return standalone;
    const returnPath = communityUrls.discussion(article.id);
    if (!viewer.reader) {
      return html`<p class="comment-join" id="comment-form"><a class="button" href="${communityUrls.join(returnPath)}">Join or sign in to comment</a></p>`;
    }
    if (!viewer.canPost) {
      return html`${standalone}<p class="comment-join" id="comment-form"><a href="${communityUrls.account()}?return=${encodeURIComponent(returnPath)}">Choose a display name and accept the guidelines</a> to comment.</p>`;
    }
    const draft = viewer.problem?.formFor === 'new' ? viewer.draft : '';
    return html`<form class="comment-form" id="comment-form" method="post" action="${communityUrls.post(article.id)}">
${csrfField(viewer)}<input type="hidden" name="sort" value="${thread.sort}">
${problemFor(viewer, 'new')}
<label for="comment-body">Your comment, as ${viewer.reader.displayName}</label>
<textarea id="comment-body" name="body" rows="5" maxlength="${commentLimits.maxLength}" required>${draft}</textarea>
<p class="form-hint">Plain text; links are fine. A blank line starts a new paragraph. At most ${commentLimits.maxLength.toLocaleString('en-US')} characters.</p>
<button type="submit">Post comment</button>
</form>`;
  }
}

export function renderCommunityMessage(
  ctx: PageContext,
  model: { title: string; message: string; links?: readonly { href: string; label: string }[] },
): SafeHtml {
  return layout(
    ctx,
    { title: model.title, description: model.message, canonicalPath: '/community', ...privatePage },
    html`<section class="static-page community-page">
<h1>${model.title}</h1>
<p>${model.message}</p>
${(model.links ?? [{ href: '/', label: 'Back to the home page' }]).map((l) => html`<p><a href="${l.href}">${l.label}</a></p>`)}
</section>`,
  );
}
