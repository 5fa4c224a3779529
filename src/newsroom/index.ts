/** newsroom: staff accounts, roles and permissions, sessions, the audit log and the admin API. */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import type { Clock, Config, Database, JobQueue, Logger, Mailer, RateCounter } from '../platform/index.ts';
import { type AuditLog, createAuditLog } from './audit.ts';
import { createLoginService, type LoginService } from './login.ts';
import { createMediaLibrary, type MediaLibrary } from './media-library.ts';
import { createDirectoryMediaStorage } from './media-storage.ts';
import { createS3MediaStorage } from './media-storage-s3.ts';
import { createPasswordResets, type PasswordResets } from './password-reset.ts';
import { createScheduledPublishing, type ScheduledPublishing } from './scheduled-publishing.ts';
import { createSessionStore, type SessionStore } from './sessions.ts';
import { createStaffAccounts, type StaffAccounts } from './staff-accounts.ts';

export { type AdminApiOptions, type AdminExtension, adminApiPlugin } from './admin-api-plugin.ts';
export { type AdminAppOptions, adminAppCsp, adminAppPlugin, defaultAdminAppDir } from './admin-app-plugin.ts';
export { type EditorRouteDeps, editorExtension } from './admin-editor-routes.ts';
export { signedIn } from './admin-http.ts';
export { type AuditEntry, type AuditEntryInput, type AuditLog, createAuditLog } from './audit.ts';
export { AdminError, loginFailedMessage, ValidationError } from './errors.ts';
export {
  createLoginService,
  LOCKOUT_MS,
  type LoginResult,
  type LoginService,
  MAX_FAILURES,
} from './login.ts';
export { mediaFilesPlugin } from './media-files-plugin.ts';
export { createMediaLibrary, type MediaItem, type MediaLibrary, type MediaSize } from './media-library.ts';
export { createPasswordResets, type PasswordResets, RESET_TTL_MS } from './password-reset.ts';
export {
  type Action,
  Actions,
  can,
  canEditArticle,
  renderPermissionsMarkdown,
  roleHolds,
} from './permissions.ts';
export {
  createScheduledPublishing,
  PUBLISH_JOB,
  publishJobKey,
  type ScheduledPublishing,
} from './scheduled-publishing.ts';
export { createSessionStore, SESSION_TTL_MS, type SessionStore, type StaffSession } from './sessions.ts';
export { createStaffAccounts, type StaffAccount, type StaffAccounts } from './staff-accounts.ts';
export {
  type CreateStaffUserInput,
  type CreateStaffUserResult,
  createStaffUser,
  type StaffRole,
  StaffRoles,
  type StaffUser,
} from './staff-users.ts';

export interface Newsroom {
  readonly sessions: SessionStore;
  readonly login: LoginService;
  readonly audit: AuditLog;
  readonly publishing: ScheduledPublishing;
  readonly media: MediaLibrary;
  readonly mediaMaxBytes: number;
  readonly accounts: StaffAccounts;
  readonly resets: PasswordResets;
  readonly publicLinks: Pick<Config, 'publicScheme' | 'publicPort'>;
}

export interface NewsroomDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly content: ContentService;
  /** The newsroom registers its job handlers (scheduled publishing) here. */
  readonly jobs: JobQueue;
  readonly logger: Logger;
  readonly mailer: Mailer;
  readonly config: Pick<Config, 'mediaDir' | 'mediaMaxBytes' | 'publicScheme' | 'publicPort'> &
    Partial<Pick<Config, 'mediaS3'>>;
  /** Counts the password-reset limits (shared by every node with Redis); in memory when absent. */
  readonly rateCounter?: RateCounter;
}

/**
 * The newsroom's services over a database, for the admin API plugin.
 *
 * @example
 * const newsroom = createNewsroom({ db, clock, content, jobs, mailer, logger, config });
 * await app.register(adminApiPlugin, { prefix: '/api/admin/v1', content, clock, ...newsroom });
 */
export function createNewsroom(deps: NewsroomDeps): Newsroom {
  const { db, clock } = deps;
  const sessions = createSessionStore({ db, clock });
  const audit = createAuditLog(db);
  const publishing = createScheduledPublishing({ ...deps, audit });
  // Media on S3-compatible storage when MEDIA_S3_BUCKET is set, else in MEDIA_DIR.
  const { mediaS3, mediaDir } = deps.config;
  const storage = mediaS3 ? createS3MediaStorage(mediaS3) : createDirectoryMediaStorage(mediaDir);
  const media = createMediaLibrary({ db, clock, mediaDir, storage });
  return {
    sessions,
    login: createLoginService({ db, clock, sessions }),
    audit,
    publishing,
    media,
    mediaMaxBytes: deps.config.mediaMaxBytes,
    accounts: createStaffAccounts({ db, clock }),
    resets: createPasswordResets({
      db,
      clock,
      mailer: deps.mailer,
      logger: deps.logger,
      rateCounter: deps.rateCounter,
    }),
    publicLinks: { publicScheme: deps.config.publicScheme, publicPort: deps.config.publicPort },
  };
}
