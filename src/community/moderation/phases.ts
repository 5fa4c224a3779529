import { accountPhase } from './account.ts';
import { bannedWordsPhase } from './banned-words.ts';
import { closedPhase } from './closed.ts';
import { lengthPhase } from './length.ts';
import { linksPhase } from './links.ts';
import type { Phase, PhaseInput } from './phase.ts';
import { premoderationPhase } from './premoderation.ts';
import { ratePhase } from './rate.ts';
import { repeatedPhase } from './repeated.ts';

/**
 * The moderation phases, in order. Refusals come first (nothing is stored, the reader is told
 * at once), holds after (the comment is stored as pending with the phase's name), and the first
 * phase that refuses or holds ends the walk.
 */
export const moderationPhases: readonly Phase[] = [
  // Whatever a suspended or banned account wrote, that is the answer it needs.
  accountPhase,
  // Pure and cheap: empty, overlong or unstorable text needs no database.
  lengthPhase,
  // Needs the article and brand settings, but no history; a closed thread refuses everyone alike.
  closedPhase,
  // Before the rate limit: a form sent twice should hear "already posted", not "slow down".
  repeatedPhase,
  // The last refusal: bursts per account and per address (one history query shared with the above).
  ratePhase,
  // Holds from here on. Words first: the most common reason a moderator must look.
  bannedWordsPhase,
  // Links only matter from accounts without a record; costs a count, so after the word check.
  linksPhase,
  // Last: a brand in pre-moderation holds whatever no earlier phase held, with that reason.
  premoderationPhase,
];

export type ModerationOutcome =
  | { readonly kind: 'refuse'; readonly error: Error; readonly phase: string }
  | { readonly kind: 'accept'; readonly status: 'approved' | 'pending'; readonly holdReason: string | null };

export async function moderate(input: PhaseInput, phases = moderationPhases): Promise<ModerationOutcome> {
  for (const phase of phases) {
    const result = await phase.check(input);
    if (result.kind === 'refuse') return { kind: 'refuse', error: result.error, phase: phase.name };
    if (result.kind === 'hold') return { kind: 'accept', status: 'pending', holdReason: result.reason };
  }
  return { kind: 'accept', status: 'approved', holdReason: null };
}
