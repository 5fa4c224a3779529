import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { urls } from '../urls.ts';

/** Footer: the brand family, the trademark notice and the company's copyright line. */
export function siteFooter(ctx: PageContext): SafeHtml {
  const { site } = ctx;
  const year = ctx.now.getUTCFullYear();
  return html`<footer class="site-footer">
<div class="footer-inner">
<nav aria-label="Our brands"><ul class="brand-family">
${ctx.sites.map((s) =>
  s.id === site.id
    ? html`<li><span aria-current="true">${s.name}</span></li>`
    : html`<li><a href="${ctx.originOf(s)}/">${s.name}</a></li>`,
)}
</ul></nav>
<nav aria-label="About"><ul class="footer-links">
<li><a href="${urls.live()}">Live TV</a></li>
<li><a href="${urls.guidelines()}">Community Guidelines</a></li>
<li><a href="#top">Back to top</a></li>
</ul></nav>
<p class="trademark">${site.trademarkText}</p>
<p class="copyright">© ${year} ${site.company.replace(/\.?$/, '.')} All rights reserved.</p>
</div>
</footer>`;
}
