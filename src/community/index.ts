/** community: reader accounts, comments, moderation and the community guidelines. */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import type { AuditLog } from '../newsroom/index.ts';
import type { Clock, Database, EventBus, Logger, Mailer } from '../platform/index.ts';
import { type Accounts, createAccounts } from './accounts.ts';
import { createCommentRepository } from './comment-repository.ts';
import { type Comments, createComments } from './comments.ts';
import { createModeration, type Moderation } from './moderation-service.ts';
import { createNotifications, type Notifications } from './notifications.ts';
import { createReaderRepository, type ReaderRepository } from './readers.ts';
import { createSettingsStore } from './settings.ts';
import { createSignInLinks } from './sign-in-links.ts';

export { seedDemoCommunity } from './demo.ts';
export { CommunityError, communityErrorCodes } from './errors.ts';
export { defaultGuidelines } from './guidelines.ts';
export type * from './model.ts';
export { commentLimits, reportReasons } from './model.ts';
export { moderationPhases } from './moderation/phases.ts';
export { communityAdminExtension } from './web/admin-routes.ts';
export { communityComments, communityReaderPages } from './web/reader-routes.ts';

export interface Community {
  readonly readers: ReaderRepository;
  readonly accounts: Accounts;
  readonly comments: Comments;
  readonly moderation: Moderation;
  readonly notifications: Notifications;
  /** Waits for reply emails being sent. */
  close(): Promise<void>;
}

export interface CommunityDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly content: ContentService;
  readonly events: EventBus;
  readonly audit: Pick<AuditLog, 'record' | 'about'>;
  readonly logger: Logger;
  /** The origin reply emails link to for a site. */
  readonly originFor: (siteId: number) => string;
}

/**
 * @example
 * const community = createCommunity({ db, clock, mailer, content, events, audit, logger, originFor });
 * await community.comments.post({ reader, site, articleId: 12, parentId: null, body: 'Hello', ip });
 */
export function createCommunity(deps: CommunityDeps): Community {
  const { db, clock, events } = deps;
  const repo = createCommentRepository(db);
  const readers = createReaderRepository({ db, clock });
  const settings = createSettingsStore(db);
  const notifications = createNotifications({ ...deps });
  const changed = (siteId: number, articleId: number) =>
    events.emit('comments.changed', { siteId, articleId });
  const afterCommit = () => notifications.dispatch();
  const accounts = createAccounts({
    db,
    clock,
    mailer: deps.mailer,
    readers,
    links: createSignInLinks({ db, clock }),
    comments: repo,
    changed,
  });
  const comments = createComments({ clock, content: deps.content, repo, settings, changed, afterCommit });
  const moderation = createModeration({
    db,
    clock,
    repo,
    settings,
    audit: deps.audit,
    changed,
    siteChanged: (siteId) => events.emit('site.changed', { siteId }),
    afterCommit,
  });
  // Replies queued before a restart (a temporary mail failure) go out now.
  notifications.dispatch();
  return { readers, accounts, comments, moderation, notifications, close: () => notifications.idle() };
}
