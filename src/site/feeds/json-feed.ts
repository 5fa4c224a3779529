import { isoWithOffset } from '../dateline-format.ts';
import type { FeedItem, FeedModel } from './feed-model.ts';

/**
 * JSON Feed 1.1 (jsonfeed.org): content_html carries the full article, image the featured
 * image, tags the tag names. JSON Feed has no rights field, so the site's line and wire copy's
 * rights line travel in the `_dateline` extension (the rights line also ends content_html).
 */
export function renderJsonFeed(feed: FeedModel): string {
  const date = (at: Date) => isoWithOffset(at, feed.timeZone);
  const item = (entry: FeedItem) => ({
    id: entry.id,
    url: entry.url,
    title: entry.title,
    ...(entry.summary ? { summary: entry.summary } : {}),
    content_html: entry.contentHtml,
    ...(entry.image ? { image: entry.image.url } : {}),
    date_published: date(entry.published),
    date_modified: date(entry.updated),
    authors: entry.authors.map((a) => (a.url ? { name: a.name, url: a.url } : { name: a.name })),
    ...(entry.categories.length > 0 ? { tags: entry.categories.map((c) => c.label) } : {}),
    ...(entry.rights ? { _dateline: { rights: entry.rights } } : {}),
  });
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    icon: feed.iconUrl,
    favicon: feed.iconUrl,
    language: feed.language,
    authors: [feed.publisher],
    _dateline: { rights: feed.rights },
    items: feed.items.map(item),
  });
}
