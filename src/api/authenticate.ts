/** The API-key check in front of every data route: one onRequest hook, one clear 401 per problem. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/index.ts';
import { type ApiKey, verifyApiKey } from './api-keys.ts';
import { ApiError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified key of a Content API request; null before the check and on public routes. */
    apiKey: ApiKey | null;
  }
}

const howToSend = 'Send it as "Authorization: Bearer <key>" or as "X-API-Key: <key>".';

/** The secret a request presents, or an error saying what is wrong with how it was sent. */
function presentedSecret(request: FastifyRequest): string {
  const authorization = request.headers.authorization?.trim();
  const header = request.headers['x-api-key'];
  const xApiKey = (Array.isArray(header) ? header.join(',') : header)?.trim();
  let bearer: string | undefined;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) {
      throw new ApiError.KeyInvalid(
        `The Authorization header must be "Bearer <key>" (no other scheme is accepted). ${howToSend}`,
      );
    }
    bearer = match[1];
  }
  if (bearer && xApiKey && bearer !== xApiKey) {
    throw new ApiError.KeyInvalid('The Authorization and X-API-Key headers carry different keys; send one.');
  }
  const secret = bearer ?? xApiKey;
  if (!secret) {
    throw new ApiError.KeyMissing(
      `This endpoint needs an API key. ${howToSend} The site's operator creates keys with \`dateline apikey create --name NAME\`.`,
    );
  }
  return secret;
}

/** Builds the hook that verifies the key and puts it on `request.apiKey`. */
export function authenticate(db: Kysely<Database>) {
  return async function checkApiKey(request: FastifyRequest): Promise<void> {
    const secret = presentedSecret(request);
    const check = await verifyApiKey(db, secret);
    if (check.ok) {
      request.apiKey = check.key;
      return;
    }
    switch (check.code) {
      case 'malformed':
        throw new ApiError.KeyInvalid(
          'This is not an API key: a key is "dl_" followed by 43 letters, digits, "-" or "_". Check that it was copied whole, without quotes or spaces.',
        );
      case 'unknown':
        throw new ApiError.KeyInvalid(
          'This API key is not known here. Check that it was copied whole and is for this site; otherwise ask for a new key.',
        );
      case 'revoked':
        throw new ApiError.KeyRevoked(
          `This API key (${check.key.prefix}…) was revoked on ${check.key.revokedAt!.toISOString().slice(0, 10)}; ask the site's operator for a new one.`,
        );
    }
  };
}
