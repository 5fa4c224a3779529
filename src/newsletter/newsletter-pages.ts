import type { Site } from '../content/index.ts';
import { html, layout, type PageContext, type SafeHtml } from '../site/index.ts';
import { newsletterPaths } from './newsletter-deps.ts';
import type { ReaderPreferences } from './subscriptions.ts';

export interface SignupForm {
  readonly email: string;
  readonly zip: string;
  readonly lists: readonly string[];
}

function page(ctx: PageContext, title: string, path: string, main: SafeHtml): SafeHtml {
  return layout(ctx, { title, description: title, canonicalPath: path, robots: 'noindex' }, main);
}

function listChoices(sites: readonly Site[], checked: (site: Site) => boolean): SafeHtml {
  return html`<fieldset class="newsletter-lists"><legend>Newsletters</legend>
${sites.map(
  (s) =>
    html`<label><input type="checkbox" name="list" value="${s.slug}"${checked(s) ? html` checked` : null}> ${s.name}'s Daily Newsletter</label>\n`,
)}</fieldset>`;
}

/** /newsletter: every brand's daily, the current one ticked; shown again with the problem after a refusal. */
export function renderSignupPage(
  ctx: PageContext,
  options: { form: SignupForm; problem?: string },
): SafeHtml {
  const { form, problem } = options;
  const ticked = form.lists.length > 0 ? form.lists : [ctx.site.slug];
  return page(
    ctx,
    `${ctx.site.name}'s Daily Newsletter`,
    newsletterPaths.page,
    html`<section class="static-page newsletter-page">
<h1>${ctx.site.name}'s Daily Newsletter</h1>
<p>The day's most important stories every morning. Add your ZIP code and we add the news from where you live.</p>
${problem ? html`<p class="form-problem" role="alert"><strong>Please check the form:</strong> ${problem}</p>` : null}
<form method="post" action="${newsletterPaths.signup}" class="newsletter-form" data-newsletter-form>
<div class="field"><label for="nlp-email">Email address</label>
<input id="nlp-email" name="email" type="email" required autocomplete="email" maxlength="254" value="${form.email}"></div>
<div class="field"><label for="nlp-zip">ZIP code <span class="optional">(Optional for Local News)</span></label>
<input id="nlp-zip" name="zip" type="text" inputmode="numeric" autocomplete="postal-code" maxlength="10" value="${form.zip}"></div>
${listChoices(ctx.sites, (s) => ticked.includes(s.slug))}
<button type="submit">Sign up</button>
<p class="newsletter-answer" role="status" aria-live="polite" hidden></p>
</form>
<p class="privacy">Privacy: We never share your email address. Every newsletter has a link to unsubscribe, and to see or delete what we hold about you.</p>
<script src="${newsletterPaths.script}" defer></script>
</section>`,
  );
}

/** A short answer page: signup received, confirmed, unsubscribed, or a link that did not work. */
export function renderNewsletterMessage(
  ctx: PageContext,
  options: { title: string; paragraphs: readonly string[]; link?: { href: string; text: string } },
): SafeHtml {
  return page(
    ctx,
    options.title,
    newsletterPaths.page,
    html`<section class="static-page newsletter-page">
<h1>${options.title}</h1>
${options.paragraphs.map((p) => html`<p>${p}</p>`)}
<p><a href="${options.link?.href ?? '/'}">${options.link?.text ?? `Back to ${ctx.site.name}`}</a></p>
</section>`,
  );
}

/** GET of an unsubscribe link asks first (mail scanners follow links); the button posts. */
export function renderUnsubscribePage(ctx: PageContext, options: { token: string; list: Site }): SafeHtml {
  return page(
    ctx,
    'Unsubscribe',
    newsletterPaths.unsubscribe,
    html`<section class="static-page newsletter-page">
<h1>Unsubscribe from ${options.list.name}'s Daily Newsletter?</h1>
<form method="post" action="${newsletterPaths.unsubscribe}">
<input type="hidden" name="token" value="${options.token}">
<button type="submit">Unsubscribe</button>
</form>
</section>`,
  );
}

export function renderPreferencesPage(
  ctx: PageContext,
  options: { token: string; prefs: ReaderPreferences; notice?: string; problem?: string },
): SafeHtml {
  const { prefs, token } = options;
  const confirmed = new Set(prefs.subscriptions.filter((s) => s.status === 'confirmed').map((s) => s.siteId));
  const place = [
    prefs.place.city,
    prefs.place.county ? `${prefs.place.county} County` : null,
    prefs.place.state,
  ]
    .filter(Boolean)
    .join(', ');
  return page(
    ctx,
    'Newsletter preferences',
    newsletterPaths.preferences,
    html`<section class="static-page newsletter-page">
<h1>Your newsletter preferences</h1>
<p>For <strong>${prefs.email}</strong>${place ? html`; local news for ${place}` : null}.</p>
${options.notice ? html`<p class="form-notice" role="status">${options.notice}</p>` : null}
${options.problem ? html`<p class="form-problem" role="alert"><strong>Please check the form:</strong> ${options.problem}</p>` : null}
<form method="post" action="${newsletterPaths.preferences}" class="newsletter-form">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="action" value="save">
<div class="field"><label for="pref-zip">ZIP code <span class="optional">(Optional for Local News)</span></label>
<input id="pref-zip" name="zip" type="text" inputmode="numeric" autocomplete="postal-code" maxlength="10" value="${prefs.zip ?? ''}"></div>
${listChoices(ctx.sites, (s) => confirmed.has(s.id))}
<button type="submit">Save my preferences</button>
</form>
<h2>Your data</h2>
<form method="post" action="${newsletterPaths.preferences}" class="data-actions">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="action" value="export">
<button type="submit" class="button">Download my data (JSON)</button>
</form>
<form method="post" action="${newsletterPaths.preferences}" class="data-actions">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="action" value="delete">
<label class="confirm-delete"><input type="checkbox" name="confirm" value="yes" required> Delete my address and everything held about me</label>
<button type="submit" class="button">Delete all my data</button>
</form>
</section>`,
  );
}
