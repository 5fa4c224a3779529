import createError from '@fastify/error';

/**
 * The admin API's stable error codes. Clients branch on `error`, people read `message`.
 * Sign-in failures share one code and one message whether the email is unknown, the password
 * wrong or the email locked out: only the status (401 or 429) differs.
 */
export const AdminError = {
  Unauthenticated: createError<[string]>('UNAUTHENTICATED', '%s', 401),
  LoginFailed: createError<[string]>('LOGIN_FAILED', '%s', 401),
  LoginLocked: createError<[string]>('LOGIN_FAILED', '%s', 429),
  CsrfInvalid: createError<[string]>('CSRF_INVALID', '%s', 403),
  Forbidden: createError<[string]>('FORBIDDEN', '%s', 403),
  NotFound: createError<[string]>('NOT_FOUND', '%s', 404),
  RevisionConflict: createError<[string]>('REVISION_CONFLICT', '%s', 409),
  TransitionRefused: createError<[string]>('TRANSITION_REFUSED', '%s', 409),
  BadRequest: createError<[string]>('BAD_REQUEST', '%s', 400),
  MediaTooLarge: createError<[string]>('MEDIA_TOO_LARGE', '%s', 413),
  MediaUnsupported: createError<[string]>('MEDIA_UNSUPPORTED_TYPE', '%s', 415),
  RateLimited: createError<[string]>('RATE_LIMITED', '%s', 429),
};

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** 422 with every field problem: `{error: 'VALIDATION', message, fields: [{field, message}]}`. */
export class ValidationError extends Error {
  readonly code = 'VALIDATION';
  readonly statusCode = 422;
  constructor(readonly fields: readonly FieldError[]) {
    super(`Some fields are not valid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`);
    this.name = 'ValidationError';
  }
}

/** The generic sign-in failure: the same words for an unknown email, a wrong password and a lockout. */
export const loginFailedMessage = 'Email or password is incorrect.';
