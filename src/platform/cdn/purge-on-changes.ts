import type { EventBus } from '../events.ts';
import type { Logger } from '../logger.ts';
import type { CdnPurger } from './cdn-purger.ts';

/**
 * Turns the content events into CDN purges by the same keys the page cache drops: an article
 * published, updated, corrected or unpublished (`article.changed` names every page that showed
 * it), a taxonomy change (articles' events, or `site.changed`), home curation (`pages.changed`),
 * brand settings and live TV (`site.changed`, `live.changed`: every page of the site), comments.
 * Listen only to this node's own bus: a change is purged once, by the node that made it.
 */
export function purgeOnChanges(events: EventBus, purger: CdnPurger, logger: Logger): void {
  const queue = (keys: readonly string[]) => {
    purger.queue(keys).catch((err) => logger.error({ err, keys }, 'queueing a CDN purge failed'));
  };
  events.on('article.changed', (event) => queue(event.keys));
  events.on('pages.changed', (event) => queue(event.keys));
  events.on('site.changed', (event) => queue([`site:${event.siteId}`]));
  events.on('live.changed', (event) => queue([`site:${event.siteId}`]));
  events.on('comments.changed', (event) => queue([`comments:${event.articleId}`]));
}
