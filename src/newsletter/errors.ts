import createError from '@fastify/error';

/** The newsletter's stable error codes (reader pages show the message; the admin API answers JSON). */
export const NewsletterError = {
  InvalidEmail: createError<[string]>('NEWSLETTER_INVALID_EMAIL', '%s', 400),
  InvalidZip: createError<[string]>('NEWSLETTER_INVALID_ZIP', '%s', 400),
  UnknownZip: createError<[string]>('NEWSLETTER_UNKNOWN_ZIP', '%s', 400),
  NoList: createError<[string]>('NEWSLETTER_NO_LIST', '%s', 400),
  InvalidToken: createError<[string]>('NEWSLETTER_INVALID_TOKEN', '%s', 400),
  ExpiredToken: createError<[string]>('NEWSLETTER_EXPIRED_TOKEN', '%s', 400),
  RateLimited: createError<[string]>('NEWSLETTER_RATE_LIMITED', '%s', 429),
  EditionNotFound: createError<[string]>('NEWSLETTER_EDITION_NOT_FOUND', '%s', 404),
  EditionLocked: createError<[string]>('NEWSLETTER_EDITION_LOCKED', '%s', 409),
  NoAudience: createError<[string]>('NEWSLETTER_NO_AUDIENCE', '%s', 409),
  NotABounce: createError<[string]>('NEWSLETTER_NOT_A_BOUNCE', '%s', 422),
};
