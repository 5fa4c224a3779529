import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createStaffUser, type StaffRole, StaffRoles, type StaffUser } from '../newsroom/index.ts';
import { type Clock, fixedClock } from '../platform/index.ts';
import { sqliteDialect, type TestDialect } from './databases.ts';
import { TEST_NOW } from './fixed-time.ts';
import { createSmallSite } from './small-site.ts';
import { buildTestApp } from './test-app.ts';

export const ADMIN = '/api/admin/v1';
export const PASSWORD = 'correct horse battery staple';

export interface SignedInClient {
  readonly user: StaffUser;
  readonly cookie: string;
  readonly csrfToken: string;
  /** Sends a request with the session cookie and, unless `csrf: false`, the CSRF header. */
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

/**
 * The real app on in-memory SQLite (or `dialect`'s database) with the small site and one staff
 * user per role. On a dialect that is not available (no PostgreSQL) it throws `DialectMissing`.
 */
export async function buildAdminTestApp(
  options: {
    clock?: Clock & { set(at: Date | string): void };
    env?: Record<string, string>;
    dialect?: TestDialect;
  } = {},
) {
  const clock = options.clock ?? fixedClock(TEST_NOW);
  const database = await (options.dialect ?? sqliteDialect).open();
  if (!database) throw new DialectMissing();
  // Outgoing mail (the outbox without SMTP_URL) and media go to a folder of this test's own.
  const dataDir = await mkdtemp(join(tmpdir(), 'dateline-admin-test-'));
  const app = await buildTestApp({ database, clock, env: { DATELINE_DATA_DIR: dataDir, ...options.env } });
  app.addHook('onClose', async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const fixture = await createSmallSite(app.services.content, TEST_NOW);
  const users = {} as Record<StaffRole, StaffUser>;
  for (const role of StaffRoles) {
    const created = await createStaffUser(database.db, {
      email: `${role}@daily.test`,
      role,
      name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`,
      password: PASSWORD,
      at: TEST_NOW,
    });
    if (!created.ok) throw new Error(created.message);
    users[role] = created.user;
  }
  return { app, clock, fixture, users, database, dataDir };
}

/** The test dialect's database is not reachable here (the suite skips, with the notice already given). */
export class DialectMissing extends Error {
  override name = 'DialectMissing';
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
): Promise<SignedInClient> {
  const res = await app.inject({ method: 'POST', url: `${ADMIN}/session`, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const { user, csrfToken } = res.json() as { user: StaffUser; csrfToken: string };
  return {
    user,
    cookie,
    csrfToken,
    request: ({ csrf = true, headers, ...rest }) =>
      app.inject({
        ...rest,
        headers: { cookie, ...(csrf ? { 'x-csrf-token': csrfToken } : {}), ...headers },
      } as InjectOptions),
  };
}
