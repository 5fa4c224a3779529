/**
 * Staff accounts (users.manage): GET/POST /users, PATCH /users/:id. And the public password
 * reset: POST /password-reset (the same answer for every address; rate limited) and
 * POST /password-reset/confirm.
 */
import type { FastifyInstance } from 'fastify';
import { publicOrigin } from '../platform/index.ts';
import type { AdminRouteDeps } from './admin-api-plugin.ts';
import { signedIn } from './admin-http.ts';
import {
  confirmResetSchema,
  createUserSchema,
  listUsersSchema,
  requestResetSchema,
  updateUserSchema,
} from './admin-schemas.ts';
import { AdminError, ValidationError } from './errors.ts';
import type { AccountResult } from './staff-accounts.ts';

const resetAnswer =
  'If that address has a newsroom account, we have sent it a link to choose a new password. The link works once, within an hour.';

export async function userRoutes(app: FastifyInstance, deps: AdminRouteDeps) {
  const { accounts, resets, audit, clock, content, publicLinks } = deps;
  const settle = <T>(result: AccountResult<T>): T => {
    if (result.ok) return result.value;
    if (result.status === 404) throw new AdminError.NotFound(result.fields[0]!.message);
    throw new ValidationError(result.fields);
  };
  const manage = { action: 'users.manage' } as const;

  app.get('/users', { schema: listUsersSchema, config: manage }, async () => ({
    data: await accounts.list(),
  }));

  app.post<{ Body: { email: string; name?: string; role: string; password?: string } }>(
    '/users',
    { schema: createUserSchema, config: manage },
    async (request, reply) => {
      const { account, generatedPassword } = settle(await accounts.create(request.body));
      await audit.record({
        at: clock.now(),
        userId: signedIn(request).user.id,
        action: 'user.create',
        subjectType: 'staff_user',
        subjectId: account.id,
        details: { email: account.email, role: account.role },
      });
      // The generated password is shown once, here; only its hash is kept.
      return reply.code(201).send({ data: account, ...(generatedPassword ? { generatedPassword } : {}) });
    },
  );

  app.patch<{ Params: { id: number }; Body: { role?: string; name?: string; disabled?: boolean } }>(
    '/users/:id',
    { schema: updateUserSchema, config: manage },
    async (request) => {
      const account = settle(await accounts.update(request.params.id, request.body));
      await audit.record({
        at: clock.now(),
        userId: signedIn(request).user.id,
        action: 'user.update',
        subjectType: 'staff_user',
        subjectId: account.id,
        details: { ...request.body },
      });
      return { data: account };
    },
  );

  app.post<{ Body: { email: string } }>(
    '/password-reset',
    { schema: requestResetSchema, config: { public: true } },
    async (request, reply) => {
      // Links go to the default site's host, never the request's Host (which the asker controls).
      const site = content.sites.find((s) => s.isDefault) ?? content.sites[0];
      const origin = publicOrigin(publicLinks, site?.hosts[0] ?? 'localhost');
      const result = await resets.request({ email: request.body.email, client: request.ip, origin });
      if (!result.ok) {
        return reply.code(429).header('retry-after', String(result.retryAfterSeconds)).send({
          error: 'RATE_LIMITED',
          message: 'Too many reset requests; wait a few minutes and try again.',
        });
      }
      return reply.code(202).send({ data: { message: resetAnswer } });
    },
  );

  app.post<{ Body: { token: string; password: string } }>(
    '/password-reset/confirm',
    { schema: confirmResetSchema, config: { public: true } },
    async (request) => {
      const result = await resets.confirm(request.body);
      if (!result.ok) {
        throw new ValidationError([
          { field: result.reason === 'weak_password' ? 'password' : 'token', message: result.message },
        ]);
      }
      await audit.record({
        at: clock.now(),
        userId: result.userId,
        action: 'user.password_reset',
        subjectType: 'staff_user',
        subjectId: result.userId,
      });
      return { data: { message: 'Your password is changed. Sign in with it now.' } };
    },
  );
}
