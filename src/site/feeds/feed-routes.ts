import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentService } from '../../content/index.ts';
import type { PageResponder } from '../page-response.ts';
import { urls } from '../urls.ts';
import { renderAtom } from './atom.ts';
import { type FeedFormat, feedFormats, feedPaths, formatOfFile } from './feed-links.ts';
import { buildFeedModel, type FeedModel, type FeedSubject } from './feed-model.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderRss } from './rss.ts';

export interface FeedRoutesOptions {
  readonly content: ContentService;
  readonly responder: PageResponder;
}

const renderers: Record<FeedFormat, (feed: FeedModel) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/**
 * RSS, Atom and JSON Feed for the site, each section, tag and author, under /feeds/. Registered
 * inside the site plugin: the site comes from the Host header and every feed is a cached page
 * with the surrogate key of its list, so an unpublished article leaves every feed at once.
 */
export async function feedRoutes(app: FastifyInstance, { content, responder }: FeedRoutesOptions) {
  /** Answers one feed; `subject` null (unknown tag, section, author) or a bad file is a 404. */
  async function serveFeed(
    request: FastifyRequest,
    reply: FastifyReply,
    file: string,
    find: () => Promise<{ subject: FeedSubject; key: string } | { movedTo: string } | null>,
  ) {
    const format = formatOfFile(file);
    // Feeds have no pages: any ?page= is a URL we never link to.
    if (!format || request.page.pageNumber !== 1) return responder.notFound(request, reply);
    const found = await find();
    if (!found) return responder.notFound(request, reply);
    if ('movedTo' in found) {
      // A renamed section's or merged tag's feed: the same file under its new path.
      return reply
        .header('cache-control', responder.cacheControl('feed'))
        .redirect(`${found.movedTo}/${file}`, 301);
    }
    const { site, ctx } = request.page;
    const feed = await buildFeedModel(content, ctx, found.subject);
    return responder.finish(request, reply, 200, renderers[format](feed), {
      keys: [found.key],
      kind: 'feed',
      expiresAt: await responder.listExpiry(site.id),
      contentType: `${feedFormats[format].mediaType}; charset=utf-8`,
      lastModified: ctx.now,
    });
  }

  app.get<{ Params: { file: string } }>('/feeds/:file', (request, reply) => {
    const { site } = request.page;
    return serveFeed(request, reply, request.params.file, async () => ({
      subject: {
        name: null,
        description: site.tagline,
        pagePath: urls.home(),
        feedPath: feedPaths.site(),
        filter: {},
      },
      key: `home:${site.id}`,
    }));
  });

  // /feeds/section/world/europe/rss.xml: the section path is everything before the file.
  app.get('/feeds/section/*', (request, reply) => {
    const { site } = request.page;
    const rest = request.url.split('?')[0]!.slice('/feeds/section/'.length);
    const slash = rest.lastIndexOf('/');
    return serveFeed(request, reply, rest.slice(slash + 1), async () => {
      const path = rest.slice(0, slash);
      const section = slash > 0 ? content.sectionByPath(site.id, path) : undefined;
      if (!section) {
        const moved = slash > 0 ? await content.management.sectionRedirect(site.id, path) : undefined;
        return moved ? { movedTo: feedPaths.section(moved) } : null;
      }
      const trail = content.sectionTrail(section);
      return {
        subject: {
          name: trail.map((s) => s.name).join(': '),
          description: section.description || `The latest from ${section.name} at ${site.name}.`,
          pagePath: urls.section(section),
          feedPath: feedPaths.section(section),
          filter: { sectionIds: content.sectionFamily(section) },
        },
        key: `section:${section.id}`,
      };
    });
  });

  app.get<{ Params: { slug: string; file: string } }>('/feeds/tag/:slug/:file', (request, reply) => {
    const { site } = request.page;
    return serveFeed(request, reply, request.params.file, async () => {
      const tag = await content.taxonomy.tagBySlug(site.id, request.params.slug);
      if (!tag) {
        const moved = await content.management.tagRedirect(site.id, request.params.slug);
        return moved ? { movedTo: feedPaths.tag(moved) } : null;
      }
      return {
        subject: {
          name: tag.name,
          description: `Every ${site.name} story tagged “${tag.name}”, newest first.`,
          pagePath: urls.tag(tag),
          feedPath: feedPaths.tag(tag),
          filter: { tagId: tag.id },
        },
        key: `tag:${tag.id}`,
      };
    });
  });

  app.get<{ Params: { slug: string; file: string } }>('/feeds/author/:slug/:file', (request, reply) => {
    const { site } = request.page;
    return serveFeed(request, reply, request.params.file, async () => {
      const author = await content.taxonomy.authorBySlug(site.id, request.params.slug);
      if (!author) return null;
      return {
        subject: {
          name: author.name,
          description: [author.title, author.bio].filter(Boolean).join('. ') || `Stories by ${author.name}.`,
          pagePath: urls.author(author),
          feedPath: feedPaths.author(author),
          filter: { authorId: author.id },
        },
        key: `author:${author.id}`,
      };
    });
  });
}
