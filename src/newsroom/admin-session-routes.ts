/** POST /session (sign in), GET /session (who am I + CSRF token), DELETE /session (sign out). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdminRouteDeps } from './admin-api-plugin.ts';
import { clearedSessionCookie, sessionCookie, signedIn } from './admin-http.ts';
import { loginSchema, logoutSchema, sessionSchema } from './admin-schemas.ts';
import { AdminError, loginFailedMessage } from './errors.ts';

const secure = (request: FastifyRequest) => request.protocol === 'https';

export async function sessionRoutes(app: FastifyInstance, { login, sessions, audit, clock }: AdminRouteDeps) {
  app.post<{ Body: { email: string; password: string } }>(
    '/session',
    { schema: loginSchema, config: { public: true } },
    async (request, reply) => {
      const result = await login.login(request.body);
      if (!result.ok && result.reason === 'locked') {
        // The same words as a wrong password: a lockout is per address, account or not.
        return reply
          .code(429)
          .header('retry-after', String(result.retryAfterSeconds))
          .header('cache-control', 'no-store')
          .send({ error: 'LOGIN_FAILED', message: loginFailedMessage });
      }
      if (!result.ok) throw new AdminError.LoginFailed(loginFailedMessage);
      await audit.record({
        at: clock.now(),
        userId: result.user.id,
        action: 'session.login',
        subjectType: 'staff_user',
        subjectId: result.user.id,
      });
      reply.header('set-cookie', sessionCookie(result.token, secure(request)));
      return {
        user: result.user,
        csrfToken: result.session.csrfToken,
        expiresAt: result.session.expiresAt,
      };
    },
  );

  app.get('/session', { schema: sessionSchema }, async (request) => {
    const { user, session } = signedIn(request);
    return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.delete('/session', { schema: logoutSchema }, async (request, reply) => {
    const { user, token } = signedIn(request);
    await sessions.revoke(token);
    await audit.record({
      at: clock.now(),
      userId: user.id,
      action: 'session.logout',
      subjectType: 'staff_user',
      subjectId: user.id,
    });
    reply.header('set-cookie', clearedSessionCookie(secure(request)));
    return reply.code(204).send();
  });
}
