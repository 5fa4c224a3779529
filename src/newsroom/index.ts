/** newsroom: staff accounts, roles and permissions, sessions, the audit log and the admin API. */
import type { Kysely } from 'kysely';
import type { Clock, Database } from '../platform/index.ts';
import { type AuditLog, createAuditLog } from './audit.ts';
import { createLoginService, type LoginService } from './login.ts';
import { createSessionStore, type SessionStore } from './sessions.ts';

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
export {
  type Action,
  Actions,
  can,
  canEditArticle,
  renderPermissionsMarkdown,
  roleHolds,
} from './permissions.ts';
export { createSessionStore, SESSION_TTL_MS, type SessionStore, type StaffSession } from './sessions.ts';
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
}

/**
 * The newsroom's services over a database, for the admin API plugin.
 *
 * @example
 * const newsroom = createNewsroom({ db, clock });
 * await app.register(adminApiPlugin, { prefix: '/api/admin/v1', content, clock, ...newsroom });
 */
export function createNewsroom(deps: { db: Kysely<Database>; clock: Clock }): Newsroom {
  const sessions = createSessionStore(deps);
  return { sessions, login: createLoginService({ ...deps, sessions }), audit: createAuditLog(deps.db) };
}
