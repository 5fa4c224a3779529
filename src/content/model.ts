/** The content model: immutable values shared by every capability. */

export interface NavigationLink {
  readonly label: string;
  readonly href: string;
}

export interface Site {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly tagline: string;
  /** IANA zone, e.g. America/New_York: datelines are shown in it. */
  readonly timeZone: string;
  /** BCP 47, e.g. en-US. */
  readonly locale: string;
  readonly company: string;
  readonly logoUrl: string;
  /** The brand family's trademark notice shown in every page's footer. */
  readonly trademarkText: string;
  readonly navigation: readonly NavigationLink[];
  readonly hosts: readonly string[];
  readonly isDefault: boolean;
}

export interface Section {
  readonly id: number;
  readonly siteId: number;
  readonly parentId: number | null;
  readonly slug: string;
  /** "world" or "world/americas": the section's URL path. */
  readonly path: string;
  readonly name: string;
  readonly description: string;
  readonly position: number;
}

export interface Tag {
  readonly id: number;
  readonly siteId: number;
  readonly slug: string;
  readonly name: string;
}

export interface Author {
  readonly id: number;
  readonly siteId: number;
  readonly slug: string;
  readonly name: string;
  readonly title: string;
  readonly bio: string;
}

/** A wire agency whose copy the newsroom republishes. */
export interface Agency {
  readonly id: number;
  readonly siteId: number;
  readonly slug: string;
  readonly name: string;
  readonly url: string;
}

export interface Image {
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly width?: number;
  readonly height?: number;
}

/** The structured blocks an article body is made of. */
export type Block =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'subhead'; readonly text: string }
  | { readonly type: 'quote'; readonly text: string; readonly cite?: string }
  | ({ readonly type: 'image' } & Image)
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly type: 'embed'; readonly url: string; readonly title: string };

export type BlockType = Block['type'];
export const blockTypes: readonly BlockType[] = ['paragraph', 'subhead', 'quote', 'image', 'list', 'embed'];

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';

/** An article as the newsroom edits it: relations by id. */
export interface Article {
  readonly id: number;
  readonly siteId: number;
  readonly sectionId: number;
  readonly slug: string;
  readonly headline: string;
  readonly summary: string;
  readonly body: readonly Block[];
  /** Ordered: the first tag is the most important. */
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly agencyId: number | null;
  /** "© 2025 Agency. All rights reserved." for syndicated copy. */
  readonly rightsLine: string | null;
  /**
   * The byline as the copy gives it ("By Jane Doe", "Von Marco Krefting, dpa"): wire copy names
   * its reporters in text. Staff authors (`authorIds`) are shown instead when there are any.
   */
  readonly bylineText: string | null;
  /** Where the story was filed from ("London"): the page leads the body with "LONDON (Agency) —". */
  readonly datelinePlace: string | null;
  readonly keywords: readonly string[];
  readonly featuredImage: Image | null;
  readonly status: ArticleStatus;
  readonly publishedAt: Date | null;
  readonly updatedAt: Date | null;
  readonly commentsEnabled: boolean;
  /** Increases with every save; each save is kept as a revision. */
  readonly revision: number;
  readonly createdAt: Date;
  readonly modifiedAt: Date;
  /** The staff user who created it, set once on insert (null: the system, e.g. seeding or the wire). */
  readonly createdBy: number | null;
}

/** What the newsroom's article list shows: any status, no body, no relations. */
export type ArticleSummary = Pick<
  Article,
  | 'id'
  | 'siteId'
  | 'sectionId'
  | 'slug'
  | 'headline'
  | 'status'
  | 'publishedAt'
  | 'updatedAt'
  | 'revision'
  | 'createdBy'
  | 'modifiedAt'
>;

/** A dated correction appended to a published article. */
export interface Correction {
  readonly id: number;
  readonly articleId: number;
  readonly text: string;
  readonly createdAt: Date;
  readonly createdBy: number | null;
}

/** An article with its relations resolved, as pages show it. */
export interface ArticleView extends Article {
  /** Oldest first; shown at the end of the article. */
  readonly corrections?: readonly Correction[];
  readonly section: Section;
  /** The section's ancestors, outermost first (for breadcrumbs). */
  readonly sectionTrail: readonly Section[];
  readonly tags: readonly Tag[];
  readonly authors: readonly Author[];
  readonly agency: Agency | null;
}

/** What a list (front, tag page, author page) shows of an article. */
export interface ArticleTeaser {
  readonly id: number;
  readonly siteId: number;
  readonly slug: string;
  readonly headline: string;
  readonly summary: string;
  readonly sectionId: number;
  readonly featuredImage: Image | null;
  readonly publishedAt: Date;
  readonly agencyName: string | null;
}

/** What a sitemap lists of a visible article: no body, no relations. */
export interface ArticleListing {
  readonly id: number;
  readonly siteId: number;
  readonly slug: string;
  readonly sectionId: number;
  readonly headline: string;
  readonly featuredImage: Image | null;
  readonly publishedAt: Date;
  readonly updatedAt: Date | null;
}

/** Visible articles whose ids fall in one range of a fixed size (bounded sitemap files). */
export interface ListingChunk {
  /** 0-based: the chunk holds ids `index * size + 1` to `(index + 1) * size`. */
  readonly index: number;
  readonly count: number;
  /** The latest `updatedAt ?? publishedAt` among them. */
  readonly lastModified: Date;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * One page of a reader list, walked by keyset (`next` is where the following page starts, null on
 * the last): no count, so a page costs the same in a tag of ten articles or of a million.
 */
export interface ListPage<T> {
  readonly items: readonly T[];
  /** The page number asked for (1 for the first page and for every keyset page). */
  readonly page: number;
  readonly pageSize: number;
  /** The last item's place in the list's order, when more items follow. */
  readonly next: { readonly at: Date; readonly id: number } | null;
  /** The article this page starts after (`?before=`), or null for a numbered page. */
  readonly before: number | null;
}

export interface Revision {
  readonly articleId: number;
  readonly revision: number;
  readonly savedAt: Date;
  readonly savedBy: number | null;
  readonly snapshot: Article;
}
