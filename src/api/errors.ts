import createError from '@fastify/error';

/**
 * The Content API's stable error codes. Every message says what to change; clients branch on
 * `error` (the code), people read `message`.
 */
export const ApiError = {
  KeyMissing: createError<[string]>('API_KEY_MISSING', '%s', 401),
  KeyInvalid: createError<[string]>('API_KEY_INVALID', '%s', 401),
  KeyRevoked: createError<[string]>('API_KEY_REVOKED', '%s', 401),
  SiteForbidden: createError<[string]>('API_SITE_FORBIDDEN', '%s', 403),
  /** A query or path parameter is malformed, out of range, unknown, or names nothing. */
  InvalidParameter: createError<[string]>('API_INVALID_PARAMETER', '%s', 400),
  InvalidCursor: createError<[string]>('API_INVALID_CURSOR', '%s', 400),
  NotFound: createError<[string]>('API_NOT_FOUND', '%s', 404),
  MethodNotAllowed: createError<[string]>('API_METHOD_NOT_ALLOWED', '%s', 405),
  RateLimited: createError<[string]>('API_RATE_LIMITED', '%s', 429),
  NoSite: createError<[string]>('API_NO_SITE', '%s', 503),
  SearchUnavailable: createError<[string]>('API_SEARCH_UNAVAILABLE', '%s', 503),
};

/** One error answer's JSON: the stable code and a sentence saying what to fix. */
export interface ApiErrorBody {
  readonly error: string;
  readonly message: string;
}
