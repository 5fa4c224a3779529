import { xml, xmlDeclaration } from '../xml.ts';
import type { FeedItem, FeedModel } from './feed-model.ts';

/**
 * RSS 2.0 (rssboard.org): the summary in <description>, the full article in content:encoded,
 * bylines as dc:creator, tags as <category>, the featured image both as <enclosure> (length 0:
 * unknown, as the RSS Advisory Board advises) and as media:content, wire copy's rights as dc:rights.
 */
export function renderRss(feed: FeedModel): string {
  return (
    xmlDeclaration +
    xml`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${feed.title}</title>
<link>${feed.pageUrl}</link>
<description>${feed.description}</description>
<atom:link href="${feed.urls.rss}" rel="self" type="application/rss+xml"/>
<language>${feed.language.toLowerCase()}</language>
<copyright>${feed.rights}</copyright>
<lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>
<generator>Dateline</generator>
<docs>https://www.rssboard.org/rss-specification</docs>
${feed.items.map(item)}</channel>
</rss>
`.value
  );
}

function item(entry: FeedItem) {
  const image = entry.image;
  return xml`<item>
<title>${entry.title}</title>
<link>${entry.url}</link>
<guid isPermaLink="false">${entry.id}</guid>
<pubDate>${rfc822(entry.published)}</pubDate>
${entry.summary ? xml`<description>${entry.summary}</description>\n` : null}<content:encoded>${entry.contentHtml}</content:encoded>
${entry.authors.map((a) => xml`<dc:creator>${a.name}</dc:creator>\n`)}${entry.categories.map(
  (c) => xml`<category domain="${entry.categoryScheme}">${c.label}</category>\n`,
)}${
  image
    ? xml`${image.type ? xml`<enclosure url="${image.url}" length="0" type="${image.type}"/>\n` : null}<media:content url="${image.url}" medium="image"${
        image.type ? xml` type="${image.type}"` : null
      }${image.width && image.height ? xml` width="${image.width}" height="${image.height}"` : null}>${
        image.alt ? xml`<media:description type="plain">${image.alt}</media:description>` : null
      }${image.credit ? xml`<media:credit>${image.credit}</media:credit>` : null}</media:content>\n`
    : null
}${entry.rights ? xml`<dc:rights>${entry.rights}</dc:rights>\n` : null}</item>
`;
}

/** RFC 822 as RSS wants it: "Tue, 21 Oct 2025 12:05:00 GMT". */
function rfc822(at: Date): string {
  return at.toUTCString();
}
