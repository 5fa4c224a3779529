import createError from '@fastify/error';

/** The wire capability's stable error codes; the admin API's error handler maps them to HTTP. */
export const WireError = {
  NotFound: createError<[string]>('WIRE_NOT_FOUND', '%s', 404),
  Invalid: createError<[string]>('WIRE_INVALID', '%s', 422),
  Conflict: createError<[string]>('WIRE_CONFLICT', '%s', 409),
};
