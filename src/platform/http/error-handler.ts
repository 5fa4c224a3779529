import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * One place maps errors to HTTP: coded errors with a 4xx status keep their code and message;
 * anything else is logged and answered with a plain 500 that leaks nothing.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'request failed');
      return reply
        .code(500)
        .header('cache-control', 'no-store')
        .send({ error: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' });
    }
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .send({ error: error.code ?? 'BAD_REQUEST', message: error.message });
  });
}
