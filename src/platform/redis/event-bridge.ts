/**
 * Carries the event bus between nodes over Redis pub/sub, so a change on one node purges the
 * page cache (and reloads the sites, and forgets the LIVE status) on every node at once.
 *
 * Pub/sub delivers only to whoever is connected: events published while a node was cut off are
 * lost to it. So when Redis comes back the bridge calls `resync`, and the node drops what it
 * cached while it could not hear the others (the page cache, the sites in memory).
 */

import { type DomainEvents, domainEventNames, type EventBus } from '../events.ts';
import type { Logger } from '../logger.ts';
import type { SharedRedis } from './shared-redis.ts';

const channel = 'events';

export interface EventBridgeOptions {
  readonly events: EventBus;
  readonly redis: SharedRedis;
  readonly logger: Logger;
  /** Drop node-local state that may have missed other nodes' events (after an outage). */
  readonly resync: () => void;
}

/**
 * @example
 * const stop = await bridgeEvents({ events, redis, logger, resync: () => cache.clear() });
 */
export async function bridgeEvents(options: EventBridgeOptions): Promise<() => void> {
  const { events, redis, logger, resync } = options;
  const names = new Set<string>(domainEventNames);
  await redis.subscribe(channel, (message) => {
    let parsed: { from?: unknown; name?: unknown; event?: unknown };
    try {
      parsed = JSON.parse(message);
    } catch {
      return logger.warn('ignored a malformed event from Redis');
    }
    if (parsed.from === redis.nodeId || typeof parsed.name !== 'string' || !names.has(parsed.name)) return;
    if (typeof parsed.event !== 'object' || parsed.event === null) return;
    events.receiveFromOtherNode(parsed.name as keyof DomainEvents, parsed.event as never);
  });
  const stopForwarding = events.forward((name, event) => {
    void redis.publish(channel, JSON.stringify({ from: redis.nodeId, name, event }));
  });
  const stopWatching = redis.onStateChange((state) => {
    if (state === 'up') resync();
  });
  return () => {
    stopForwarding();
    stopWatching();
  };
}
