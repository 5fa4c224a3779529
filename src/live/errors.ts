import createError from '@fastify/error';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Live TV's refusal of what the newsroom entered: every problem with the field it concerns.
 * Nothing was stored.
 */
export class LiveInvalidError extends Error {
  readonly code = 'LIVE_INVALID';
  readonly statusCode = 422;
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'LiveInvalidError';
  }
}

/** Live TV's stable error codes. */
export const LiveError = {
  NotFound: createError<[string]>('LIVE_NOT_FOUND', '%s', 404),
  NoChannel: createError<[string]>('LIVE_NO_CHANNEL', '%s', 409),
  XmltvMalformed: createError<[string]>('LIVE_XMLTV_MALFORMED', '%s', 400),
};
