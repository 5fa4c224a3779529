/**
 * How the Content API answers anything that is not a success: every problem a client can fix is
 * a 4xx `{error, message}` naming what to change; anything else is a bare 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';
import { parameterHints } from './schemas.ts';

/** Fastify's schema validation errors, reworded to name the parameter and say what it must be. */
export const formatSchemaError: Parameters<FastifyInstance['setSchemaErrorFormatter']>[0] = (
  errors,
  dataVar,
) => {
  const error = errors[0]!;
  const params = error.params as Record<string, unknown>;
  const name =
    error.instancePath.split('/')[1] ||
    (typeof params.missingProperty === 'string' ? params.missingProperty : '') ||
    (typeof params.additionalProperty === 'string' ? params.additionalProperty : '') ||
    dataVar;
  const hint = parameterHints[name];
  if (!hint) return new ApiError.InvalidParameter(`${name}: ${error.message ?? 'is not valid'}.`);
  switch (error.keyword) {
    case 'required':
      return new ApiError.InvalidParameter(`${name}: is required; it must be ${hint}.`);
    case 'type':
      return new ApiError.InvalidParameter(`${name}: must be ${hint}, given once.`);
    default:
      return new ApiError.InvalidParameter(`${name}: must be ${hint}.`);
  }
};

/**
 * Unknown query parameters are refused rather than ignored: a misspelt filter (`?sectoin=`)
 * would otherwise answer every article as if it had worked.
 */
export async function rejectUnknownParameters(request: FastifyRequest): Promise<void> {
  const schema = request.routeOptions.schema?.querystring as
    | { properties?: Record<string, unknown> }
    | undefined;
  if (!schema) return;
  const known = Object.keys(schema.properties ?? {});
  const query = request.query as Record<string, unknown>;
  const unknown = Object.keys(query).find((name) => !known.includes(name));
  if (unknown === undefined) return;
  const shown = JSON.stringify(unknown.length > 60 ? `${unknown.slice(0, 60)}…` : unknown);
  throw new ApiError.InvalidParameter(
    known.length > 0
      ? `${shown} is not a parameter here; this endpoint takes ${known.join(', ')} (names are case-sensitive).`
      : `${shown} is not a parameter here; this endpoint takes none.`,
  );
}

/**
 * Ajv coerces "Infinity" to a number that passes `integer`, `minimum` and `maximum`; refuse it
 * here, after validation, so handlers only ever see finite numbers.
 */
export async function rejectNonFiniteNumbers(request: FastifyRequest): Promise<void> {
  for (const values of [request.params, request.query] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(values ?? {})) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        const hint = parameterHints[name];
        throw new ApiError.InvalidParameter(`${name}: must be ${hint ?? 'a finite number'}.`);
      }
    }
  }
}

export function apiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500;
  const ours = typeof error.code === 'string' && error.code.startsWith('API_');
  if (!ours && (status < 400 || status >= 500)) {
    request.log.error({ err: error }, 'content API request failed');
    return reply
      .code(500)
      .header('cache-control', 'no-store')
      .send({ error: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' });
  }
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="Dateline Content API"');
  if (status === 405) reply.header('allow', 'GET, HEAD, OPTIONS');
  // Fastify's own 4xx (a malformed URL, a body on a GET…) keep their message under a generic code.
  const code = ours ? error.code : 'API_BAD_REQUEST';
  return reply.code(status).header('cache-control', 'no-store').send({ error: code, message: error.message });
}
