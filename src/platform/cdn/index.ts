/** CDN friendliness: cache lifetimes per kind of page, surrogate-key headers, durable purges. */
export {
  type CacheKind,
  type CacheTimes,
  cacheControlOf,
  cacheKinds,
  cacheSetting,
  defaultCacheTimes,
  immutableCacheControl,
  privateCacheControl,
} from './cache-times.ts';
export { type CdnConfig, type PurgeTarget, parseCdnConfig } from './cdn-config.ts';
export { CdnPurger, type CdnPurgerOptions, purgeJobKind } from './cdn-purger.ts';
export { installCookieGuard } from './cookie-guard.ts';
export { edgeGridAuthorization } from './edgegrid.ts';
export { type NginxPurgeAgent, startNginxPurgeAgent } from './nginx-purge-agent.ts';
export { purgeOnChanges } from './purge-on-changes.ts';
export { PurgeFailed, type PurgeRequest, purgeRequests, sendPurge } from './purge-requests.ts';
export { akamaiTag, kindKey, surrogateKeyHeaders } from './surrogate-keys.ts';
