import { CommunityError } from '../errors.ts';
import { commentLimits } from '../model.ts';
import { type Phase, pass } from './phase.ts';

// Control characters other than tab and newline cannot be typed and PostgreSQL refuses NUL.
export const forbiddenControls = /(?![\t\n])\p{Cc}/u;

/** Empty, overlong or unstorable text: refused before anything else looks at it. */
export const lengthPhase: Phase = {
  name: 'length',
  check({ body }) {
    if (body.length === 0) {
      return { kind: 'refuse', error: new CommunityError.CommentEmpty('Write something before you post.') };
    }
    const length = [...body].length;
    if (length > commentLimits.maxLength) {
      return {
        kind: 'refuse',
        error: new CommunityError.CommentTooLong(
          `Your comment has ${length.toLocaleString('en-US')} characters; the most is ${commentLimits.maxLength.toLocaleString('en-US')}. Shorten it and post again.`,
        ),
      };
    }
    if (forbiddenControls.test(body)) {
      return {
        kind: 'refuse',
        error: new CommunityError.CommentInvalid(
          'Your comment contains control characters we cannot store; remove them and post again.',
        ),
      };
    }
    return pass;
  },
};
