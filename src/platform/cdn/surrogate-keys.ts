/**
 * Surrogate keys in the headers CDNs read. The keys are the page cache's own (`article:12`,
 * `section:3`, `tag:7`, `author:2`, `home:1`, `site:1`, `fronts:1`…), so one content change
 * purges the same pages in the process and at the edge.
 *
 * - `Surrogate-Key`: Fastly (and Varnish xkey, and the nginx purge agent), space-separated.
 * - `Cache-Tag`: Cloudflare, comma-separated.
 * - `Edge-Cache-Tag`: Akamai, comma-separated, only when Akamai is the purge target. Akamai
 *   refuses colons in tags, so there `article:12` is spelled `article-12` (as in its purges).
 */
export function surrogateKeyHeaders(
  keys: readonly string[],
  options: { readonly akamai?: boolean } = {},
): Record<string, string> {
  if (keys.length === 0) return {};
  const headers: Record<string, string> = {
    'surrogate-key': keys.join(' '),
    'cache-tag': keys.join(','),
  };
  if (options.akamai) headers['edge-cache-tag'] = keys.map(akamaiTag).join(',');
  return headers;
}

/** Akamai cache tags allow letters, digits and !#$%'+./^_`|~- (no colon). */
export function akamaiTag(key: string): string {
  return key.replace(/[^A-Za-z0-9!#$%'+./^_`|~-]/g, '-');
}

/** The page-kind key of a site: every page of that kind (`fronts:1`, `feeds:1`, `sitemaps:1`…). */
export function kindKey(kind: string, siteId: number): string {
  return `${kind}:${siteId}`;
}
