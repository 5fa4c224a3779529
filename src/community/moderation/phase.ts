import type { CommunitySettings, Reader } from '../model.ts';

/** What every moderation phase may look at. Phases read; they never write. */
export interface PhaseInput {
  readonly reader: Reader;
  /** Already normalised (line ends, trimmed ends). */
  readonly body: string;
  readonly now: Date;
  readonly article: {
    readonly id: number;
    readonly commentsEnabled: boolean;
    readonly publishedAt: Date | null;
  };
  readonly settings: CommunitySettings & { readonly closeAfterDays: number | null };
  /** What this reader and their address posted lately (loaded once, only for phases that need it). */
  readonly recent: () => Promise<RecentActivity>;
  readonly approvedCount: () => Promise<number>;
  /** true when editing an existing comment: the rate and repeat phases skip. */
  readonly editing?: boolean;
}

export interface RecentActivity {
  /** The reader's comments in the last day. */
  readonly byReader: readonly { readonly articleId: number; readonly body: string; readonly at: Date }[];
  /** Comments from the same address in the last day. */
  readonly byIpInLastMinute: number;
}

/**
 * pass: on to the next phase. refuse: nothing is stored and the reader sees `error`'s message.
 * hold: stored as pending for a moderator, with `reason` naming the phase.
 */
export type PhaseResult =
  | { readonly kind: 'pass' }
  | { readonly kind: 'refuse'; readonly error: Error }
  | { readonly kind: 'hold'; readonly reason: string };

export interface Phase {
  readonly name: string;
  check(input: PhaseInput): PhaseResult | Promise<PhaseResult>;
}

export const pass: PhaseResult = { kind: 'pass' };
