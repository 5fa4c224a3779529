import { type Phase, pass } from './phase.ts';

/** A brand in pre-moderation shows nothing a moderator has not approved. */
export const premoderationPhase: Phase = {
  name: 'premoderation',
  check({ settings }) {
    return settings.moderationMode === 'pre' ? { kind: 'hold', reason: 'premoderation' } : pass;
  },
};
