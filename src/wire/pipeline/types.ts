/** What flows through the ingest phases. */
import type { Kysely } from 'kysely';
import type { ContentService, Site } from '../../content/index.ts';
import type { Database } from '../../platform/database/schema.ts';
import type { WireSource } from '../sources.ts';
import type { WireItem } from '../wire-item.ts';
import type { Mapping, StoredWireItem, WireStore } from '../wire-store.ts';
import type { PublishDecision } from './publish-rules.ts';

/** A file as received: its name (for the desk and the quarantine), bytes, and text to keep. */
export interface ReceivedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface IngestContext {
  readonly source: WireSource;
  readonly site: Site;
  readonly now: Date;
  readonly file: ReceivedFile;
  readonly content: ContentService;
  readonly store: WireStore;
  /** The source's mappings, read once per file. */
  readonly mappings: readonly Mapping[];
  /** Publish even when the source waits for desk review (the desk's "publish as is"). */
  readonly forcePublish?: boolean;
  /** Make a draft article, not a published one (the desk's "open in the editor"). */
  readonly asDraft?: boolean;
  /** The queued row being published, when the desk publishes from the queue. */
  readonly queuedId?: number;
  /**
   * Set when the item is one of a batch that shares one transaction: `content` and `store`
   * already write through it, and persist writes there instead of opening its own.
   */
  readonly batch?: IngestBatch;
}

/** What the items of one batch share: its transaction, and look-ups made once per batch. */
export interface IngestBatch {
  readonly db: Kysely<Database>;
  /** Agencies and tags by slug, found or created once per batch. */
  readonly agencies: Map<string, number>;
  readonly tags: Map<string, number>;
  /** Articles the batch wrote, indexed for search before it commits. */
  readonly touched: Set<number>;
}

/** One item on its way: each phase adds what it decided. */
export interface Draft {
  readonly item: WireItem;
  /** create: a new article; update: a newer version of one; kill: take it down; queue: wait for the desk. */
  readonly action?: 'create' | 'update' | 'kill' | 'queue';
  /** For a new guid: whether it publishes on arrival or waits, and why (kept on its row). */
  readonly decision?: PublishDecision;
  /** The newest version received before this one. */
  readonly previous?: StoredWireItem | null;
  /** The article earlier versions made, for updates and kills. */
  readonly articleId?: number | null;
  /** null: publish now; a date: schedule for it (an embargo). */
  readonly publishAt?: Date | null;
  readonly sectionId?: number;
  /** Tags the mapping table named, by id. */
  readonly tagIds?: readonly number[];
  /** Tags to find or create by name (unmapped subjects and keywords). */
  readonly tagNames?: readonly string[];
}

export type OutcomeStatus =
  | 'published'
  | 'scheduled'
  | 'updated'
  | 'queued'
  | 'drafted'
  | 'killed'
  | 'duplicate'
  | 'ignored'
  | 'expired'
  | 'refused';

/** What became of one item (or of a refused file): what the CLI prints and the desk lists. */
export interface IngestOutcome {
  readonly file: string;
  readonly status: OutcomeStatus;
  readonly guid: string | null;
  readonly version: number | null;
  readonly headline: string;
  readonly articleId: number | null;
  readonly wireItemId: number | null;
  /** Why it was refused or ignored; null otherwise. */
  readonly reason: string | null;
  readonly refusalCode?: string;
}

/** A phase either passes the draft on (with its decision added) or settles the item. */
export type PhaseResult = Draft | IngestOutcome;
export type ItemPhase = (draft: Draft, ctx: IngestContext) => PhaseResult | Promise<PhaseResult>;

export function isOutcome(result: PhaseResult): result is IngestOutcome {
  return 'status' in result && 'file' in result;
}

export function outcome(
  ctx: IngestContext,
  item: WireItem | null,
  status: OutcomeStatus,
  extra: Partial<
    Pick<IngestOutcome, 'articleId' | 'wireItemId' | 'reason' | 'refusalCode' | 'headline'>
  > = {},
): IngestOutcome {
  return {
    file: ctx.file.name,
    status,
    guid: item?.guid ?? null,
    version: item?.version ?? null,
    headline: extra.headline ?? item?.headline ?? ctx.file.name,
    articleId: extra.articleId ?? null,
    wireItemId: extra.wireItemId ?? null,
    reason: extra.reason ?? null,
    ...(extra.refusalCode ? { refusalCode: extra.refusalCode } : {}),
  };
}
