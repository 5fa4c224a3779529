/**
 * The JSON-LD of every kind of reader page, checked against what Google asks for: for Article,
 * headline, image, datePublished, dateModified, author (name and url, or an Organization) and
 * publisher; for BreadcrumbList, named and linked positions; for the home page, the WebSite with
 * its SearchAction and the publisher with name, url and logo; for lists, a CollectionPage.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildDemoApp } from '../testing/demo-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers under test are read field by field.
type Json = Record<string, any>;

const isoWithOffset = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;
const absoluteUrl = /^https?:\/\/[^/\s]+\/\S*$/;
/** The scheme, host and port as written (URL#origin would drop an explicit :80). */
const originOf = (url: string) => /^https?:\/\/[^/]+/.exec(url)![0];

describe('structured data on reader pages (demo publisher)', async () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildDemoApp();
  });
  after(() => app.close());

  /** The page's JSON-LD blocks, its canonical URL and its HTML. */
  async function page(path: string) {
    const res = await app.inject({ url: path });
    assert.equal(res.statusCode, 200, path);
    const blocks: Json[] = [
      ...res.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs),
    ].map((m) => JSON.parse(m[1]!));
    for (const block of blocks) assert.equal(block['@context'], 'https://schema.org', path);
    const canonical = /<link rel="canonical" href="([^"]+)">/.exec(res.body)![1]!;
    return {
      blocks,
      canonical,
      html: res.body,
      of: (type: string) => blocks.filter((b) => b['@type'] === type),
    };
  }

  function assertPublisher(publisher: Json) {
    assert.match(publisher['@type'], /^(NewsMedia)?Organization$/);
    assert.equal(publisher.name, 'Harbor Herald');
    assert.match(publisher.url, absoluteUrl);
    assert.match(publisher.logo.url, absoluteUrl);
  }

  function assertBreadcrumb(crumbs: Json, names: string[], lastUrl: string) {
    assert.ok(crumbs.itemListElement.length >= 2);
    crumbs.itemListElement.forEach((item: Json, i: number) => {
      assert.equal(item['@type'], 'ListItem');
      assert.equal(item.position, i + 1);
      assert.equal(typeof item.name, 'string');
      assert.match(item.item, absoluteUrl);
    });
    assert.deepEqual(
      crumbs.itemListElement.map((i: Json) => i.name),
      names,
    );
    assert.equal(crumbs.itemListElement.at(-1).item, lastUrl);
  }

  /** A CollectionPage naming the page and listing, in order, the articles the page links to. */
  function assertCollection(p: Awaited<ReturnType<typeof page>>, name: string, firstPosition = 1) {
    const [collection] = p.of('CollectionPage');
    assert.ok(collection, 'a CollectionPage');
    assert.equal(collection.name, name);
    assert.equal(collection.url, p.canonical);
    assert.ok(collection.description.length > 0);
    assert.equal(collection.isPartOf['@type'], 'WebSite');
    assertPublisher(collection.publisher);
    const list = collection.mainEntity;
    assert.equal(list['@type'], 'ItemList');
    assert.ok(list.itemListElement.length > 0);
    assert.equal(list.numberOfItems, list.itemListElement.length);
    const origin = originOf(p.canonical);
    const linked = [...p.html.matchAll(/<h2 class="teaser-headline[^"]*"><a href="([^"]+)"/g)].map(
      (m) => origin + m[1],
    );
    list.itemListElement.forEach((item: Json, i: number) => {
      assert.equal(item['@type'], 'ListItem');
      assert.equal(item.position, firstPosition + i);
      assert.match(item.url, absoluteUrl);
    });
    if (linked.length > 0) {
      assert.deepEqual(
        list.itemListElement.map((i: Json) => i.url),
        linked,
      );
    }
    return collection;
  }

  test('article (staff): NewsArticle with Google’s required and recommended properties', async () => {
    const { content, clock } = app.services;
    const site = content.siteForHost('localhost')!;
    const teasers = await content.articles.listVisible({ siteId: site.id, now: clock.now(), pageSize: 100 });
    const staff = teasers.items.find((t) => t.agencyName === null)!;
    const found = (await content.viewArticle(site.id, staff.id))!;
    const path = `/${found.view.section.path}/${staff.slug}/${staff.id}`;
    const p = await page(path);
    const [article] = p.of('NewsArticle');
    assert.ok(article);
    assert.equal(article.headline, found.view.headline);
    assert.ok(article.headline.length <= 110, 'headline within 110 characters');
    assert.match(article.datePublished, isoWithOffset);
    assert.match(article.dateModified, isoWithOffset);
    assert.ok(article.dateModified >= article.datePublished);
    const images = [article.image].flat();
    assert.ok(images.length > 0);
    for (const image of images) assert.match(typeof image === 'string' ? image : image.url, absoluteUrl);
    const authors = [article.author].flat();
    assert.ok(authors.length > 0);
    for (const author of authors) {
      assert.equal(author['@type'], 'Person');
      assert.ok(author.name);
      assert.match(author.url, absoluteUrl);
    }
    assert.deepEqual(
      authors.map((a) => a.name),
      found.view.authors.map((a) => a.name),
    );
    assertPublisher(article.publisher);
    assert.equal(article.mainEntityOfPage['@id'], p.canonical);
    assert.equal(article.url, p.canonical);
    const [crumbs] = p.of('BreadcrumbList');
    assertBreadcrumb(
      crumbs!,
      ['Harbor Herald', ...found.view.sectionTrail.map((s) => s.name), found.view.headline],
      p.canonical,
    );
  });

  test('article (agency copy): the agency is the author, an Organization with a name and url', async () => {
    const { content, clock } = app.services;
    const site = content.siteForHost('localhost')!;
    const teasers = await content.articles.listVisible({ siteId: site.id, now: clock.now(), pageSize: 100 });
    const wire = teasers.items.find((t) => t.agencyName !== null);
    assert.ok(wire, 'the demo has agency copy');
    const found = (await content.viewArticle(site.id, wire.id))!;
    const [article] = (await page(`/${found.view.section.path}/${wire.slug}/${wire.id}`)).of('NewsArticle');
    const authors = [article!.author].flat();
    assert.equal(authors.length, 1);
    assert.equal(authors[0]['@type'], 'Organization');
    assert.equal(authors[0].name, wire.agencyName);
    assert.match(authors[0].url, /^https?:\/\//);
    assert.equal(article!.sourceOrganization.name, wire.agencyName);
    assert.ok(article!.copyrightNotice);
    assertPublisher(article!.publisher);
  });

  test('home page: WebSite with a SearchAction, and the publisher with name, url and logo', async () => {
    const p = await page('/');
    const [site] = p.of('WebSite');
    assert.ok(site);
    assert.equal(site.name, 'Harbor Herald');
    assert.equal(site.url, p.canonical);
    const action = site.potentialAction;
    assert.equal(action['@type'], 'SearchAction');
    assert.equal(action.target.urlTemplate, `${originOf(p.canonical)}/search?q={search_term_string}`);
    assert.equal(action['query-input'], 'required name=search_term_string');
    const [publisher] = p.of('NewsMediaOrganization');
    assert.ok(publisher);
    assertPublisher(publisher);
    assert.equal(site.publisher['@id'], publisher['@id'], 'the WebSite points at the publisher');
    assert.equal(publisher.parentOrganization.name, 'Harborline Media Group, Inc.');
    assert.equal(p.of('CollectionPage').length, 0);
  });

  test('section front and subsection: CollectionPage with a BreadcrumbList', async () => {
    const world = await page('/world');
    assertCollection(world, 'World');
    assertBreadcrumb(world.of('BreadcrumbList')[0]!, ['Harbor Herald', 'World'], world.canonical);
    const europe = await page('/world/europe');
    assertCollection(europe, 'Europe');
    assertBreadcrumb(europe.of('BreadcrumbList')[0]!, ['Harbor Herald', 'World', 'Europe'], europe.canonical);
  });

  test('page 2 of a front: positions continue from page 1, the URL is the page’s own', async () => {
    const second = await page('/world?page=2');
    assert.match(second.canonical, /\/world\?page=2$/);
    assertCollection(second, 'World (page 2)', 21);
  });

  test('tag page: CollectionPage about the tag, with a BreadcrumbList', async () => {
    const p = await page('/tag/diplomacy');
    const collection = assertCollection(p, 'Diplomacy');
    assert.deepEqual(collection.about, { '@type': 'Thing', name: 'Diplomacy' });
    assertBreadcrumb(p.of('BreadcrumbList')[0]!, ['Harbor Herald', 'Diplomacy'], p.canonical);
  });

  test('author page: CollectionPage about the person, with a BreadcrumbList', async () => {
    const { content } = app.services;
    const site = content.siteForHost('localhost')!;
    const [author] = await content.taxonomy.listAuthors(site.id);
    const p = await page(`/author/${author!.slug}`);
    const collection = assertCollection(p, author!.name);
    assert.equal(collection.about['@type'], 'Person');
    assert.equal(collection.about.name, author!.name);
    assert.equal(collection.about.url, p.canonical);
    assertBreadcrumb(p.of('BreadcrumbList')[0]!, ['Harbor Herald', author!.name], p.canonical);
  });
});
