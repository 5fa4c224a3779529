import type { Kysely } from 'kysely';
import type { ContentService, Site } from '../content/index.ts';
import {
  type Clock,
  type Config,
  type Database,
  type Logger,
  type Mailer,
  publicOrigin,
  type RateCounter,
} from '../platform/index.ts';
import { formatAddress } from './mime.ts';
import type { LinkSigner } from './tokens.ts';
import type { ZipDirectory } from './zip-directory.ts';

/** What the newsletter's parts share; built once by `createNewsletter`. */
export interface NewsletterDeps {
  readonly db: Kysely<Database>;
  readonly content: ContentService;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: Pick<Config, 'publicScheme' | 'publicPort' | 'mailFrom'>;
  readonly signer: LinkSigner;
  readonly zips: ZipDirectory;
  /** Counts the signup limits (shared by every node with Redis); in memory when absent. */
  readonly rateCounter?: RateCounter;
}

/** The origin of a site's links in emails (its first host). */
export function siteOrigin(deps: Pick<NewsletterDeps, 'config'>, site: Site): string {
  return publicOrigin(deps.config, site.hosts[0] ?? 'localhost');
}

/** "Harbor Herald <news@…>": the brand's name before MAIL_FROM's address. */
export function fromFor(deps: Pick<NewsletterDeps, 'config'>, site: Site): string {
  const address = /<([^>]+)>/.exec(deps.config.mailFrom)?.[1] ?? deps.config.mailFrom.trim();
  return formatAddress(site.name, address);
}

export const newsletterPaths = {
  page: '/newsletter',
  signup: '/newsletter/signup',
  confirm: '/newsletter/confirm',
  unsubscribe: '/newsletter/unsubscribe',
  preferences: '/newsletter/preferences',
  script: '/newsletter/signup.js',
};
