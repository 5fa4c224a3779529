import { CommunityError } from '../errors.ts';
import { type Phase, pass } from './phase.ts';

export const rateLimits = {
  /** A burst: this many from one account within a minute. */
  perReaderPerMinute: 5,
  perReaderPerDay: 100,
  /** Several accounts behind one address (a household, an office) share this. */
  perIpPerMinute: 15,
};

const minuteMs = 60 * 1000;

/** Bursts and floods, per account and per address: refused with when to try again. */
export const ratePhase: Phase = {
  name: 'rate',
  async check({ recent, now, editing }) {
    if (editing) return pass;
    const activity = await recent();
    const lastMinute = activity.byReader.filter((c) => now.getTime() - c.at.getTime() < minuteMs).length;
    if (
      lastMinute >= rateLimits.perReaderPerMinute ||
      activity.byIpInLastMinute >= rateLimits.perIpPerMinute
    ) {
      return {
        kind: 'refuse',
        error: new CommunityError.RateLimited('You are posting very fast. Wait a minute, then post again.'),
      };
    }
    if (activity.byReader.length >= rateLimits.perReaderPerDay) {
      return {
        kind: 'refuse',
        error: new CommunityError.RateLimited(
          `You have posted ${rateLimits.perReaderPerDay} comments today, the most we take in a day. Please come back tomorrow.`,
        ),
      };
    }
    return pass;
  },
};
