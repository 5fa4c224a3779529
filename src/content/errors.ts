import createError from '@fastify/error';

/** The content capability's stable error codes; the HTTP error handler maps them to responses. */
export const ContentError = {
  Invalid: createError<[string]>('CONTENT_INVALID', '%s', 422),
  NotFound: createError<[string]>('CONTENT_NOT_FOUND', '%s', 404),
  RevisionConflict: createError<[string]>('CONTENT_REVISION_CONFLICT', '%s', 409),
  Refused: createError<[string]>('CONTENT_TRANSITION_REFUSED', '%s', 409),
};

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}
