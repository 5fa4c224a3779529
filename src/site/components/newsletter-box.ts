import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { urls } from '../urls.ts';

/**
 * "Sign up for <Brand>'s Daily Newsletter": email required, ZIP optional for local news. It posts
 * to the newsletter's signup (this brand's list) without JavaScript; the newsletter's small
 * script, when it runs, answers inline in the status line instead.
 */
export function newsletterBox(ctx: PageContext): SafeHtml {
  const { site } = ctx;
  return html`<section class="newsletter-box" aria-labelledby="newsletter-heading">
<h2 id="newsletter-heading">Sign up for ${site.name}'s Daily Newsletter</h2>
<p>The day's most important stories, and the news from where you live, every morning.</p>
<form method="post" action="${urls.newsletterSignup()}" class="newsletter-form" data-newsletter-form>
<input type="hidden" name="list" value="${site.slug}">
<div class="field"><label for="nl-email">Email address</label>
<input id="nl-email" name="email" type="email" required autocomplete="email" maxlength="254" placeholder="you@example.com"></div>
<div class="field"><label for="nl-zip">ZIP code <span class="optional">(Optional for Local News)</span></label>
<input id="nl-zip" name="zip" type="text" inputmode="numeric" autocomplete="postal-code" pattern="[0-9]{5}(-[0-9]{4})?" maxlength="10" placeholder="12345"></div>
<button type="submit">Sign up</button>
<p class="newsletter-answer" role="status" aria-live="polite" hidden></p>
</form>
<p class="privacy">Privacy: We never share your email address.</p>
<script src="/newsletter/signup.js" defer></script>
</section>`;
}
