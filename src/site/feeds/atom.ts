import { isoWithOffset } from '../dateline-format.ts';
import { xml, xmlDeclaration } from '../xml.ts';
import type { FeedItem, FeedModel } from './feed-model.ts';

/**
 * Atom 1.0 (RFC 4287): the full article as escaped HTML content, the summary as text, tags as
 * categories whose scheme plus term is the tag's page, the featured image as link rel="enclosure",
 * the site's rights on the feed and wire copy's rights line on its entry.
 */
export function renderAtom(feed: FeedModel): string {
  const date = (at: Date) => isoWithOffset(at, feed.timeZone);
  const entry = (item: FeedItem) => xml`<entry>
<id>${item.id}</id>
<title type="text">${item.title}</title>
<link rel="alternate" type="text/html" href="${item.url}"/>
<published>${date(item.published)}</published>
<updated>${date(item.updated)}</updated>
${item.authors.map((a) => xml`<author><name>${a.name}</name>${a.url ? xml`<uri>${a.url}</uri>` : null}</author>\n`)}${item.categories.map(
  (c) => xml`<category term="${c.term}" scheme="${item.categoryScheme}" label="${c.label}"/>\n`,
)}${item.summary ? xml`<summary type="text">${item.summary}</summary>\n` : null}<content type="html">${item.contentHtml}</content>
${
  item.image
    ? xml`<link rel="enclosure" href="${item.image.url}"${item.image.type ? xml` type="${item.image.type}"` : null}${
        item.image.alt ? xml` title="${item.image.alt}"` : null
      }/>\n`
    : null
}${item.rights ? xml`<rights type="text">${item.rights}</rights>\n` : null}</entry>
`;
  return (
    xmlDeclaration +
    xml`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">
<id>${feed.urls.atom}</id>
<title type="text">${feed.title}</title>
<subtitle type="text">${feed.description}</subtitle>
<link rel="alternate" type="text/html" href="${feed.pageUrl}"/>
<link rel="self" type="application/atom+xml" href="${feed.urls.atom}"/>
<updated>${date(feed.updated)}</updated>
<author><name>${feed.publisher.name}</name><uri>${feed.publisher.url}</uri></author>
<rights type="text">${feed.rights}</rights>
<generator>Dateline</generator>
<icon>${feed.iconUrl}</icon>
<logo>${feed.logoUrl}</logo>
${feed.items.map(entry)}</feed>
`.value
  );
}
