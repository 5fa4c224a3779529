import type { FastifyInstance } from 'fastify';
import type { Channel, LiveAsset, LiveService } from '../live/index.ts';
import { renderLivePage } from './components/live-page.ts';
import { cachePolicy, type PageResponder, securityHeaders } from './page-response.ts';
import { urls } from './urls.ts';

export interface LiveRoutesOptions {
  /** The schedule and the player script (hls.js and ours, served here, loaded by /live only). */
  readonly live: { readonly service: LiveService; readonly player: LiveAsset } | undefined;
  readonly responder: PageResponder;
}

/**
 * /live: registered inside the site plugin (site by Host, layout, page cache). The page is cached
 * until the next programme starts or ends (or midnight, when "today" changes), and purged by
 * `live.changed` through its `site:` key.
 */
export async function liveRoutes(app: FastifyInstance, { live, responder }: LiveRoutesOptions) {
  app.get(urls.live(), async (request, reply) => {
    const { site, ctx } = request.page;
    const day = live ? await live.service.day(site.id, ctx.now) : null;
    const body = renderLivePage(ctx, { day, playerScript: live?.player.path ?? '' }).value;
    return responder.finish(request, reply, 200, body, {
      keys: [`live:${site.id}`],
      kind: 'page',
      ...(day
        ? {
            expiresAt: day.status.changesAt.getTime(),
            headers: { 'content-security-policy': livePolicy(day.status.channel) },
          }
        : {}),
    });
  });

  if (!live) return;
  const { player } = live;
  app.get(player.path, async (_request, reply) => {
    reply.headers(securityHeaders).header('cache-control', cachePolicy.asset);
    return reply.type(player.contentType).send(player.body);
  });
}

/**
 * The site's policy, with the stream's and backup's origins allowed for media and for hls.js's
 * requests, and `blob:` media for Media Source Extensions.
 */
export function livePolicy(channel: Channel): string {
  const origins = new Set<string>();
  for (const url of [channel.streamUrl, channel.backupUrl, channel.posterUrl]) {
    if (url && /^https?:\/\//.test(url)) origins.add(new URL(url).origin);
  }
  const extra = [...origins].join(' ');
  return securityHeaders['content-security-policy']
    .replace(
      "default-src 'self';",
      `default-src 'self'; media-src 'self' blob: ${extra}; connect-src 'self' ${extra};`,
    )
    .replace(/ +;/g, ';');
}
