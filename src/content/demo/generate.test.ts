import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { slugify } from '../article.ts';
import type { Block } from '../model.ts';
import type { DemoArticle, DemoBrand } from './demo-data.ts';
import { generateDemoContent } from './generate.ts';

const content = generateDemoContent();
const maxMinutesAgo = 30 * 24 * 60;

function articlesOf(brand: DemoBrand): DemoArticle[] {
  return content.articles.filter((a) => a.brand === brand.slug);
}

function sectionPaths(brand: DemoBrand): string[] {
  return brand.sections.flatMap((s) => [s.slug, ...(s.children ?? []).map((c) => `${s.slug}/${c.slug}`)]);
}

function texts(article: DemoArticle): string[] {
  const ofBlock = (b: Block): string[] => {
    switch (b.type) {
      case 'paragraph':
      case 'subhead':
        return [b.text];
      case 'quote':
        return [b.text, b.cite ?? ''];
      case 'list':
        return [...b.items];
      case 'image':
        return [b.alt, b.caption ?? '', b.credit ?? ''];
      case 'embed':
        return [b.title];
    }
  };
  return [
    article.headline,
    article.summary,
    ...article.body.flatMap(ofBlock),
    article.featuredImage?.caption ?? '',
  ];
}

describe('generateDemoContent', () => {
  it('is deterministic: the same seed gives the same content, another seed differs', () => {
    assert.deepEqual(generateDemoContent(1), content);
    assert.deepEqual(generateDemoContent(7), generateDemoContent(7));
    assert.notDeepEqual(generateDemoContent(2), content);
  });

  it('describes a publisher with three brands, one of them the default', () => {
    assert.equal(content.company, 'Harborline Media Group, Inc.');
    assert.match(content.trademarkText, /Harbor Herald.*Harborline Media Group, Inc\./);
    assert.deepEqual(
      content.brands.map((b) => b.slug),
      ['herald', 'money', 'health'],
    );
    assert.deepEqual(
      content.brands.filter((b) => b.isDefault).map((b) => b.slug),
      ['herald'],
    );
    const hosts = content.brands.flatMap((b) => b.hosts);
    assert.equal(new Set(hosts).size, hosts.length, 'hosts are unique across brands');
    assert.ok(hosts.includes('localhost'));
  });

  it('has enough of everything', () => {
    assert.ok(content.brands.length >= 3);
    assert.ok(content.articles.length >= 270, `${content.articles.length} articles`);
    const tags = content.brands.flatMap((b) => b.tags);
    assert.ok(tags.length >= 60, `${tags.length} tags`);
    for (const brand of content.brands) {
      assert.ok(brand.tags.length >= 20, `${brand.slug}: ${brand.tags.length} tags`);
      assert.ok(brand.authors.length >= 3 && brand.authors.length <= 5, `${brand.slug} authors`);
      assert.deepEqual(
        brand.agencies.map((a) => a.slug),
        ['meridian-press', 'northwind-wire'],
      );
      assert.ok(brand.sections.length >= 4 && brand.sections.length <= 6, `${brand.slug} sections`);
      assert.ok(articlesOf(brand).length >= 80, `${brand.slug} articles`);
    }
  });

  it('gives brands well-formed sections, navigation, tags and authors', () => {
    const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
    for (const brand of content.brands) {
      assert.deepEqual(
        brand.navigation,
        brand.sections.map((s) => ({ label: s.name, href: `/${s.slug}` })),
      );
      for (const section of brand.sections) {
        assert.ok(section.description.length > 0);
        for (const child of section.children ?? []) assert.ok(child.description.length > 0);
      }
      for (const list of [brand.tags, brand.authors, brand.sections]) {
        const slugs = list.map((x) => x.slug);
        assert.equal(new Set(slugs).size, slugs.length, `${brand.slug}: unique slugs`);
        for (const slug of slugs) assert.match(slug, kebab);
      }
      for (const author of brand.authors) {
        assert.ok(author.title.length > 0 && author.bio.length > 0, author.name);
      }
    }
  });

  it('gives every brand unique headlines and article slugs', () => {
    for (const brand of content.brands) {
      const headlines = articlesOf(brand).map((a) => a.headline);
      assert.equal(new Set(headlines).size, headlines.length, `${brand.slug}: headlines`);
      const slugs = headlines.map(slugify);
      assert.equal(new Set(slugs).size, slugs.length, `${brand.slug}: slugs`);
    }
  });

  it('refers only to sections, tags, authors and agencies of the article’s brand', () => {
    for (const brand of content.brands) {
      const paths = new Set(sectionPaths(brand));
      const tags = new Set(brand.tags.map((t) => t.slug));
      const authors = new Set(brand.authors.map((a) => a.slug));
      const agencies = new Set(brand.agencies.map((a) => a.slug));
      for (const article of articlesOf(brand)) {
        assert.ok(paths.has(article.sectionPath), article.sectionPath);
        for (const tag of article.tagSlugs) assert.ok(tags.has(tag), `${brand.slug}: tag ${tag}`);
        for (const author of article.authorSlugs)
          assert.ok(authors.has(author), `${brand.slug}: author ${author}`);
        if (article.agencySlug !== null) assert.ok(agencies.has(article.agencySlug), article.agencySlug);
      }
    }
    const brands = new Set(content.brands.map((b) => b.slug));
    for (const article of content.articles) assert.ok(brands.has(article.brand));
  });

  it('fills every section and subsection, and uses every tag and author', () => {
    for (const brand of content.brands) {
      const articles = articlesOf(brand);
      for (const path of sectionPaths(brand)) {
        const n = articles.filter((a) => a.sectionPath === path).length;
        assert.ok(n >= 3, `${brand.slug}/${path} has ${n} articles`);
      }
      for (const tag of brand.tags) {
        const n = articles.filter((a) => a.tagSlugs.includes(tag.slug)).length;
        assert.ok(n >= 3, `${brand.slug}: tag ${tag.slug} is used by ${n} articles`);
      }
      for (const author of brand.authors) {
        assert.ok(
          articles.some((a) => a.authorSlugs.includes(author.slug)),
          `${brand.slug}: ${author.slug} has no articles`,
        );
      }
    }
  });

  it('keeps tag coverage for other seeds too', () => {
    for (const seed of [2, 3, 42]) {
      const other = generateDemoContent(seed);
      for (const brand of other.brands) {
        for (const tag of brand.tags) {
          const n = other.articles.filter(
            (a) => a.brand === brand.slug && a.tagSlugs.includes(tag.slug),
          ).length;
          assert.ok(n >= 3, `seed ${seed}, ${brand.slug}: tag ${tag.slug} is used by ${n} articles`);
        }
      }
    }
  });

  it('publishes within the last 30 days, with fresh stories in every top-level section', () => {
    for (const article of content.articles) {
      assert.ok(Number.isInteger(article.minutesAgo));
      assert.ok(article.minutesAgo >= 5 && article.minutesAgo <= maxMinutesAgo, String(article.minutesAgo));
      if (article.updatedAfterMinutes !== null) {
        assert.ok(article.updatedAfterMinutes >= 30 && article.updatedAfterMinutes <= 600);
        assert.ok(article.updatedAfterMinutes < article.minutesAgo, 'updates are not in the future');
      }
    }
    for (const brand of content.brands) {
      for (const section of brand.sections) {
        const newest = Math.min(
          ...articlesOf(brand)
            .filter((a) => a.sectionPath.split('/')[0] === section.slug)
            .map((a) => a.minutesAgo),
        );
        assert.ok(newest < 24 * 60, `${brand.slug}/${section.slug}: newest is ${newest} minutes old`);
      }
    }
  });

  it('bylines staff copy and credits wire copy to an agency, about 30% of it', () => {
    for (const article of content.articles) {
      if (article.agencySlug !== null) assert.deepEqual(article.authorSlugs, [], article.headline);
      else assert.ok(article.authorSlugs.length >= 1 && article.authorSlugs.length <= 2, article.headline);
    }
    const share = content.articles.filter((a) => a.agencySlug !== null).length / content.articles.length;
    assert.ok(share > 0.2 && share < 0.4, `wire share ${share}`);
  });

  it('writes complete articles', () => {
    for (const article of content.articles) {
      const { headline } = article;
      assert.ok(headline.length >= 40 && headline.length <= 100, headline);
      assert.ok(article.summary.length > 0, headline);
      assert.ok(
        article.body.length >= 5 && article.body.length <= 10,
        `${headline}: ${article.body.length} blocks`,
      );
      assert.equal(article.body[0]?.type, 'paragraph');
      assert.ok(article.body.filter((b) => b.type === 'paragraph').length >= 3, headline);
      for (const block of article.body) {
        if (block.type === 'list') {
          assert.equal(block.ordered, false);
          assert.ok(block.items.length >= 3 && block.items.length <= 4, headline);
        }
      }
      assert.ok(article.tagSlugs.length >= 2 && article.tagSlugs.length <= 5, headline);
      assert.equal(new Set(article.tagSlugs).size, article.tagSlugs.length, headline);
      assert.ok(article.keywords.length >= 3 && article.keywords.length <= 6, headline);
      for (const keyword of article.keywords) assert.equal(keyword, keyword.toLowerCase());
      for (const text of texts(article)) {
        assert.doesNotMatch(text, /[{}]|undefined|NaN| {2}/, `${headline}: ${text}`);
      }
    }
    const types = new Set(content.articles.flatMap((a) => a.body.map((b) => b.type)));
    for (const type of ['paragraph', 'subhead', 'quote', 'list', 'image'])
      assert.ok(types.has(type as Block['type']));
  });

  it('uses illustrations that exist, on most articles', () => {
    const images = content.articles.flatMap((a) => [
      ...(a.featuredImage ? [a.featuredImage] : []),
      ...a.body.flatMap((b) => (b.type === 'image' ? [b] : [])),
    ]);
    for (const image of images) {
      const name = /^\/media\/demo\/([a-z-]+\.svg)$/.exec(image.src)?.[1];
      assert.ok(name, image.src);
      assert.ok(existsSync(new URL(`./images/${name}`, import.meta.url)), `missing images/${name}`);
      assert.ok(image.alt.length > 0 && image.caption && image.credit, image.src);
      assert.equal(image.width, 1200);
      assert.equal(image.height, 675);
    }
    const featured =
      content.articles.filter((a) => a.featuredImage !== null).length / content.articles.length;
    assert.ok(featured > 0.7 && featured < 0.9, `featured share ${featured}`);
  });
});
