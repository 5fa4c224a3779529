import { containsLink } from '../comment-text.ts';
import { type Phase, pass } from './phase.ts';

/** Links are the spammer's payload; an account earns them with approved comments. */
export const NEW_ACCOUNT_APPROVED_COMMENTS = 3;

export const linksPhase: Phase = {
  name: 'links',
  async check({ body, approvedCount }) {
    if (!containsLink(body)) return pass;
    return (await approvedCount()) < NEW_ACCOUNT_APPROVED_COMMENTS
      ? { kind: 'hold', reason: 'new-account-links' }
      : pass;
  },
};
