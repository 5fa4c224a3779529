import type { Section, Site } from '../content/index.ts';

/** What every page template needs to know about where and for whom it renders. */
export interface PageContext {
  readonly site: Site;
  /** Every brand of the publisher, for the footer's brand family. */
  readonly sites: readonly Site[];
  /** The site's sections, in navigation order. */
  readonly sections: readonly Section[];
  /** "https://www.example.com": absolute URLs (canonical, Open Graph, JSON-LD) start with it. */
  readonly origin: string;
  /** The origin another brand of the family is served from (same scheme and port as this request). */
  originOf(site: Site): string;
  readonly assets: { readonly css: string; readonly js: string };
  readonly now: Date;
  /** The site's channel is on air and a programme is airing: the header shows LIVE. */
  readonly live?: boolean;
  /** Comments per article, for teasers (set on list pages when the community capability is on). */
  readonly commentCounts?: ReadonlyMap<number, number>;
}

export function sectionById(ctx: PageContext, id: number): Section | undefined {
  return ctx.sections.find((s) => s.id === id);
}
