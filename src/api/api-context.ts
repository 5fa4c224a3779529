/** Which site a request reads, and the origin that site's absolute URLs start with. */
import type { FastifyRequest } from 'fastify';
import type { Author, ContentService, Section, Site, Tag } from '../content/index.ts';
import { ApiError } from './errors.ts';

/**
 * The site named by `?site=`, else the key's own site, else the Host header's site. A key for
 * one site may read only that site.
 */
export function siteForRequest(request: FastifyRequest, content: ContentService, slug?: string): Site {
  const key = request.apiKey;
  const keySite = key?.siteId != null ? content.siteById(key.siteId) : undefined;
  if (slug !== undefined) {
    const site = content.sites.find((s) => s.slug === slug);
    if (keySite && site?.id !== keySite.id) {
      throw new ApiError.SiteForbidden(
        `site: this API key reads only the site "${keySite.slug}"; leave site out or use a key for every site.`,
      );
    }
    if (!site) {
      throw new ApiError.InvalidParameter(
        `site: there is no site "${slug}"; use one of ${content.sites.map((s) => s.slug).join(', ')}.`,
      );
    }
    return site;
  }
  const site = keySite ?? content.siteForHost(request.host);
  if (!site) throw new ApiError.NoSite('No site is set up yet: run `dateline seed --demo` or create one.');
  return site;
}

/**
 * Absolute URLs use the request's host when it is one of the site's (so a local install links
 * to itself), else the site's first host, with the request's scheme and port.
 */
export function originFor(request: FastifyRequest, site: Site): string {
  const scheme = request.protocol;
  // An HTTP/1.0 request may come without a Host header.
  const host = (request.host ?? '').toLowerCase();
  if (host && site.hosts.includes(request.hostname.toLowerCase())) return `${scheme}://${host}`;
  const port = /:\d+$/.exec(host)?.[0] ?? '';
  return `${scheme}://${site.hosts[0] ?? (request.hostname || 'localhost')}${port}`;
}

/** The section given by `?section=` and every section under it, or an error naming the path. */
export function sectionsUnder(content: ContentService, site: Site, path: string): Section[] {
  const sections = content.sections(site.id);
  const family = sections.filter((s) => s.path === path || s.path.startsWith(`${path}/`));
  if (family.length === 0) {
    throw new ApiError.InvalidParameter(
      `section: there is no section "${path}" on the site "${site.slug}"; GET /sections lists them.`,
    );
  }
  return family;
}

/** The tag `?tag=` names, or an error saying where the valid ones are listed. */
export async function tagNamed(content: ContentService, site: Site, slug: string): Promise<Tag> {
  const tag = await content.taxonomy.tagBySlug(site.id, slug);
  if (!tag) {
    throw new ApiError.InvalidParameter(
      `tag: there is no tag "${slug}" on the site "${site.slug}"; GET /tags lists them.`,
    );
  }
  return tag;
}

/** The author `?author=` names, or an error saying where the valid ones are listed. */
export async function authorNamed(content: ContentService, site: Site, slug: string): Promise<Author> {
  const author = await content.taxonomy.authorBySlug(site.id, slug);
  if (!author) {
    throw new ApiError.InvalidParameter(
      `author: there is no author "${slug}" on the site "${site.slug}"; GET /authors lists them.`,
    );
  }
  return author;
}
