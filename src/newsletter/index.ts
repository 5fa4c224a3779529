/**
 * newsletter: the Daily Newsletter. Readers sign up (double opt-in) for one or more brands'
 * dailies with an optional ZIP code for local news; editors shape each day's edition; the sender
 * delivers it exactly once per reader through a durable send log.
 */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import type { Clock, Config, Database, Logger, Mailer } from '../platform/index.ts';
import type { ReaderRoutes } from '../site/index.ts';
import type { NewsletterDeps } from './newsletter-deps.ts';
import { newsletterReaderRoutes } from './reader-routes.ts';
import { Subscriptions } from './subscriptions.ts';
import { LinkSigner, linkSecret } from './tokens.ts';
import { createZipDirectory, type ZipDirectory } from './zip-directory.ts';

export { NewsletterError } from './errors.ts';
export { newsletterPaths } from './newsletter-deps.ts';
export { normaliseEmail, type ReaderPreferences, Subscriptions } from './subscriptions.ts';
export { LinkSigner } from './tokens.ts';
export { createZipDirectory, type Place, parseZip, type ZipDirectory } from './zip-directory.ts';

export interface Newsletter {
  readonly subscriptions: Subscriptions;
  /** The reader pages, for the site plugin's `readerRoutes`. */
  readonly readerRoutes: ReaderRoutes;
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
  zips?: ZipDirectory;
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
  };
  const subscriptions = new Subscriptions(deps);
  return {
    deps,
    subscriptions,
    readerRoutes: newsletterReaderRoutes({ content: options.content, subscriptions }),
  };
}
