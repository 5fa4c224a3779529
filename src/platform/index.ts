/** platform: config, database and dialects, migrations, cache, events, HTTP plumbing. Imports no capability. */
export { FragmentCache } from './cache/fragment-cache.ts';
export { type PageCache as PageCacheType, PageCache } from './cache/page-cache.ts';
export { type Clock, fixedClock, systemClock } from './clock.ts';
export { type Config, ConfigError, loadConfig, publicOrigin } from './config.ts';
export {
  type DatabaseHandle,
  DatabaseOpenError,
  migrateToLatest,
  openDatabase,
} from './database/database.ts';
export { DatabaseHealth } from './database/database-health.ts';
export {
  type DialectCapabilities,
  databaseErrorKind,
  readJson,
  readTime,
  writeTime,
} from './database/dialect.ts';
export type { Database } from './database/schema.ts';
export { EventBus } from './events.ts';
export { installDatabaseUnavailable } from './http/database-unavailable.ts';
export { installErrorHandler } from './http/error-handler.ts';
export { createMetrics, healthPlugin, type Metrics } from './http/health-plugin.ts';
export {
  type EnqueueOptions,
  type JobContext,
  type JobHandler,
  JobQueue,
  type JobRow,
  Lease,
  leaseHolderName,
} from './jobs/index.ts';
export { createLogger, type Logger } from './logger.ts';
export {
  createMailer,
  createOutboxMailer,
  createSmtpMailer,
  MailDeliveryError,
  type Mailer,
  type MailMessage,
  type MailResult,
  type RawMailMessage,
} from './mail/index.ts';
export {
  bridgeEvents,
  createLocalRateCounter,
  openSharedState,
  type RateCounter,
  RedisUnavailableError,
  rateLimitStore,
  type SharedState,
} from './redis/index.ts';
export type { MediaS3Config } from './shared-state-config.ts';
export { wallClockMs, zoneFields } from './time-zone.ts';
