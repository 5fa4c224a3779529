import { CommunityError } from '../errors.ts';
import { type Phase, pass } from './phase.ts';

/**
 * The same words again. On the same article it is nearly always a form sent twice, so it is
 * refused (and no duplicate appears); on another article it is the shape of spam, so it is held.
 */
export const repeatedPhase: Phase = {
  name: 'repeated',
  async check({ body, article, recent, editing }) {
    if (editing) return pass;
    const same = (await recent()).byReader.filter((c) => c.body === body);
    if (same.some((c) => c.articleId === article.id)) {
      return {
        kind: 'refuse',
        error: new CommunityError.CommentDuplicate('You already posted this comment here.'),
      };
    }
    return same.length > 0 ? { kind: 'hold', reason: 'repeated' } : pass;
  },
};
