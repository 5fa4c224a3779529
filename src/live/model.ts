/** A site's live TV channel: where its stream is and whether it is on air. */
export interface Channel {
  readonly siteId: number;
  readonly name: string;
  /** An HLS playlist: an http(s) URL or a path on the site itself ("/live/test-card/master.m3u8"). */
  readonly streamUrl: string;
  /** Played when the main stream fails. */
  readonly backupUrl: string | null;
  readonly posterUrl: string | null;
  readonly onAir: boolean;
  readonly updatedAt: Date;
}

export type ChannelInput = Omit<Channel, 'siteId' | 'updatedAt'>;

export type Recurrence = 'none' | 'weekly';

/** A programme as the newsroom enters it: its first (or only) airing. */
export interface Programme {
  readonly id: number;
  readonly siteId: number;
  readonly title: string;
  readonly description: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly host: string | null;
  readonly imageUrl: string | null;
  /** 'weekly': airs again every week at the same wall-clock time in the site's time zone. */
  readonly recurrence: Recurrence;
}

export type ProgrammeInput = Omit<Programme, 'id' | 'siteId'>;

/** One airing of a programme (a weekly programme has one a week). */
export interface Airing {
  readonly programmeId: number;
  readonly title: string;
  readonly description: string;
  readonly host: string | null;
  readonly imageUrl: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly recurring: boolean;
}

/** What a site's channel is doing at an instant. */
export interface LiveStatus {
  readonly channel: Channel;
  /** The channel is on air and a programme is airing: the header shows LIVE. */
  readonly live: boolean;
  readonly current: Airing | null;
  readonly next: Airing | null;
  /** When `current` or `next` next changes (a programme starts or ends); pages cached until then. */
  readonly changesAt: Date;
}
