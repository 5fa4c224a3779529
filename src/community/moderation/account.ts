import { CommunityError } from '../errors.ts';
import { standingOf } from '../model.ts';
import { type Phase, pass } from './phase.ts';

/** A suspended or banned account is refused whatever it wrote, with when it may post again. */
export const accountPhase: Phase = {
  name: 'account',
  check({ reader, now }) {
    const standing = standingOf(reader, now);
    if (standing.kind === 'banned') {
      return {
        kind: 'refuse',
        error: new CommunityError.AccountBanned(
          'Your account may no longer post comments because it broke the community guidelines.',
        ),
      };
    }
    if (standing.kind === 'suspended') {
      return {
        kind: 'refuse',
        error: new CommunityError.AccountSuspended(
          `Your account is suspended from commenting until ${standing.until.toUTCString()}. You can still read comments.`,
        ),
      };
    }
    return pass;
  },
};
