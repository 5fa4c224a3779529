import type { FastifyInstance } from 'fastify';
import { privateCacheControl } from './cache-times.ts';

const tagHeaders = ['surrogate-key', 'cache-tag', 'edge-cache-tag'] as const;

/**
 * No shared cache may keep a response that sets a cookie (it would hand one reader's session to
 * the next). Whatever a route said, such a response leaves as `no-store` without
 * surrogate keys. Registered on the root instance, so it sees every route.
 */
export function installCookieGuard(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.hasHeader('set-cookie')) {
      reply.header('cache-control', privateCacheControl);
      for (const name of tagHeaders) reply.removeHeader(name);
    }
    return payload;
  });
}
