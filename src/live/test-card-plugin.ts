/**
 * Serves the test card under /live/test-card/: the master and live media playlists and the four
 * segments (read once at start), and the poster. Registered by the composition root beside the
 * site; these are media files, not pages, so the page cache and layout stay out of it.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../platform/clock.ts';
import { TEST_CARD_PATHS, testCard, testCardMaster, testCardPlaylist } from './test-card.ts';

const playlistType = 'application/vnd.apple.mpegurl';

export async function testCardPlugin(app: FastifyInstance, options: { clock: Clock }): Promise<void> {
  const file = (name: string) => readFileSync(new URL(`./test-card/${name}`, import.meta.url));
  const segments = Array.from({ length: testCard.segments }, (_, i) => file(`segment-${i}.mpegts`));
  const poster = file('poster.jpg');
  const master = testCardMaster();

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('access-control-allow-origin', '*');
  });

  app.get(TEST_CARD_PATHS.master, async (_request, reply) =>
    reply.type(playlistType).header('cache-control', 'public, max-age=300').send(master),
  );

  // A live playlist changes every segment: a cache may keep it for one second at most.
  app.get(TEST_CARD_PATHS.media, async (_request, reply) =>
    reply
      .type(playlistType)
      .header('cache-control', 'public, max-age=1')
      .send(testCardPlaylist(options.clock.now())),
  );

  app.get<{ Params: { n: string } }>('/live/test-card/live-:n.ts', async (request, reply) => {
    const n = request.params.n;
    const segment = /^\d{1,15}$/.test(n) ? segments[Number(n) % testCard.segments] : undefined;
    if (!segment) return reply.code(404).type('text/plain; charset=utf-8').send('No such segment');
    return reply.type('video/mp2t').header('cache-control', 'public, max-age=86400').send(segment);
  });

  app.get(TEST_CARD_PATHS.poster, async (_request, reply) =>
    reply.type('image/jpeg').header('cache-control', 'public, max-age=86400').send(poster),
  );
}
