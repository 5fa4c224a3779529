/**
 * The shape of Dateline's demo content: a fictional publisher, generated deterministically.
 * `seed.ts` stores it through the content service; `generate.ts` produces it.
 */
import type { Block, Image, NavigationLink } from '../model.ts';

export interface DemoSection {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly children?: readonly {
    readonly slug: string;
    readonly name: string;
    readonly description: string;
  }[];
}

export interface DemoBrand {
  readonly slug: string;
  readonly name: string;
  readonly tagline: string;
  readonly hosts: readonly string[];
  readonly isDefault: boolean;
  readonly timeZone: string;
  readonly locale: string;
  readonly navigation: readonly NavigationLink[];
  readonly sections: readonly DemoSection[];
  readonly tags: readonly { readonly slug: string; readonly name: string }[];
  readonly authors: readonly {
    readonly slug: string;
    readonly name: string;
    readonly title: string;
    readonly bio: string;
  }[];
  readonly agencies: readonly { readonly slug: string; readonly name: string; readonly url: string }[];
}

export interface DemoArticle {
  readonly brand: string;
  /** "world" or "world/americas". */
  readonly sectionPath: string;
  readonly headline: string;
  readonly summary: string;
  readonly body: readonly Block[];
  readonly tagSlugs: readonly string[];
  /** Staff bylines; empty for wire copy. */
  readonly authorSlugs: readonly string[];
  /** Set for wire copy; the article then carries the agency's rights line. */
  readonly agencySlug: string | null;
  readonly keywords: readonly string[];
  readonly featuredImage: Image | null;
  /** Minutes before the seed's "now" at which the article was published (0 to 30 days). */
  readonly minutesAgo: number;
  /** Minutes after publication at which it was visibly updated, if it was. */
  readonly updatedAfterMinutes: number | null;
}

export interface DemoContent {
  readonly company: string;
  readonly trademarkText: string;
  readonly brands: readonly DemoBrand[];
  readonly articles: readonly DemoArticle[];
}
