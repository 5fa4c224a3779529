/**
 * newsletter: the Daily Newsletter. Readers sign up (double opt-in) for one or more brands'
 * dailies with an optional ZIP code for local news; editors shape each day's edition; the sender
 * delivers it exactly once per reader through a durable send log.
 */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import type { AdminExtension, AuditLog } from '../newsroom/index.ts';
import type { Clock, Config, Database, JobQueue, Logger, Mailer, RateCounter } from '../platform/index.ts';
import type { SiteExtension } from '../site/index.ts';
import { newsletterAdminRoutes } from './admin-routes.ts';
import { BounceInbox } from './bounces/bounce-inbox.ts';
import { Editions, type HomeOrder, jobKinds, sendJobKey } from './editions.ts';
import { ArticleLocalities } from './localities.ts';
import type { NewsletterDeps } from './newsletter-deps.ts';
import { newsletterReaderRoutes } from './reader-routes.ts';
import { EditionSender, type SenderOptions } from './sender.ts';
import { SubscriberAdmin } from './subscriber-admin.ts';
import { Subscriptions } from './subscriptions.ts';
import { LinkSigner, linkSecret } from './tokens.ts';
import { createZipDirectory, type ZipDirectory } from './zip-directory.ts';

export { BounceInbox, type BounceResult, type InboxAnswer } from './bounces/bounce-inbox.ts';
export { type ParsedBounce, parseBounce } from './bounces/parse-bounce.ts';
export { zonedInstant } from './daily-schedule.ts';
export {
  type Edition,
  type EditionCounts,
  Editions,
  type HomeOrder,
  jobKinds,
  type NewsletterSettings,
} from './editions.ts';
export { NewsletterError } from './errors.ts';
export { ArticleLocalities, type Locality, parseLocalities } from './localities.ts';
export { newsletterPaths } from './newsletter-deps.ts';
export { EditionSender, editionMessageId, type SenderOptions, type SendResult } from './sender.ts';
export { SubscriberAdmin, type SubscriberFilter } from './subscriber-admin.ts';
export { normaliseEmail, type ReaderPreferences, Subscriptions } from './subscriptions.ts';
export { LinkSigner } from './tokens.ts';
export { createZipDirectory, type Place, parseZip, type ZipDirectory } from './zip-directory.ts';

export interface Newsletter {
  readonly subscriptions: Subscriptions;
  readonly localities: ArticleLocalities;
  readonly editions: Editions;
  /** The sender the `newsletter.send` job uses. */
  readonly sender: EditionSender;
  /** Another sender (the CLI's, with its own lease and sizes); the send log keeps them from overlapping. */
  createSender(options?: SenderOptions): EditionSender;
  readonly subscriberAdmin: SubscriberAdmin;
  /** Bounce messages (raw RFC 822) in: hard bounces suppress, soft ones are counted. */
  readonly bounces: BounceInbox;
  /** Loads the ZIP dataset (call before serving, so no reader waits for it). */
  warmUp(): Promise<void>;
  /** The reader pages, for the site plugin's `extensions`. */
  readonly readerRoutes: SiteExtension;
  /** The admin API extension (editions, settings, localities, subscribers). */
  adminExtension(audit: AuditLog): AdminExtension;
  readonly deps: NewsletterDeps;
}

/**
 * Builds the newsletter over the app's services. Signed links use SECRET_KEY, or a key kept in
 * the data directory when it is unset.
 *
 * @example
 * const newsletter = createNewsletter({ db, content, mailer, clock, logger, config });
 */
export function createNewsletter(options: {
  db: Kysely<Database>;
  content: ContentService;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  config: Config;
  jobs: JobQueue;
  zips?: ZipDirectory;
  rateCounter?: RateCounter;
  /** The home page's curated order (another capability's); without it editions take the newest first. */
  homeOrder?: HomeOrder;
}): Newsletter {
  const deps: NewsletterDeps = {
    db: options.db,
    content: options.content,
    mailer: options.mailer,
    clock: options.clock,
    logger: options.logger,
    config: options.config,
    signer: new LinkSigner(linkSecret(options.config)),
    zips: options.zips ?? createZipDirectory(),
    rateCounter: options.rateCounter,
  };
  const subscriptions = new Subscriptions(deps);
  const localities = new ArticleLocalities(options.db);
  const editions = new Editions(deps, localities, options.jobs, options.homeOrder ?? null);
  const createSender = (senderOptions?: SenderOptions) =>
    new EditionSender(deps, editions, subscriptions, {
      leaseMs: options.config.newsletterSendLeaseMs,
      ...senderOptions,
    });
  const sender = createSender();
  options.jobs.register<{ siteId: number; date: string }>(jobKinds.assemble, (payload) =>
    editions.runDailyAssembly(payload),
  );
  options.jobs.register<{ editionId: number }>(jobKinds.send, async ({ editionId }) => {
    const result = await sender.run(editionId);
    if (result.done) return;
    const runAt = result.retryAt ?? result.busyUntil ?? new Date(options.clock.now().getTime() + 60_000);
    await options.jobs.enqueue(
      jobKinds.send,
      { editionId },
      { runAt, key: sendJobKey(editionId), maxAttempts: 20 },
    );
  });
  const bounces = new BounceInbox(deps);
  const subscriberAdmin = new SubscriberAdmin(deps, bounces);
  return {
    deps,
    subscriptions,
    subscriberAdmin,
    bounces,
    warmUp: () => deps.zips.preload(),
    adminExtension: (audit) => ({
      name: 'newsletter',
      description: 'Daily newsletter editions, send settings, article localities and subscribers',
      routes: newsletterAdminRoutes({
        content: options.content,
        clock: options.clock,
        audit,
        editions,
        localities,
        subscriptions,
        subscriberAdmin,
        bounces,
      }),
    }),
    localities,
    editions,
    sender,
    createSender,
    readerRoutes: newsletterReaderRoutes({ content: options.content, subscriptions }),
  };
}
