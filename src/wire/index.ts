/**
 * wire: ingesting agency copy (NewsML-G2, ninjs, NITF, RSS/Atom) into articles, following its
 * updates and kills and honouring its rights. Other capabilities use only what this file exports.
 */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database/schema.ts';
import type { Logger } from '../platform/logger.ts';
import { type BatchSearchIndex, WireService } from './wire-service.ts';

export { WireError } from './errors.ts';
export { parseWireFile } from './formats/index.ts';
export { type WireAdminDeps, wireAdminExtension } from './http/admin-routes.ts';
export type { PassReport } from './ingest-loop.ts';
export { itemPhases } from './pipeline/pipeline.ts';
export type { IngestOutcome, OutcomeStatus, ReceivedFile } from './pipeline/types.ts';
export type { PollState, PublishRule, SectionRule, SourceInput, WireSource } from './sources.ts';
export type {
  ParsedFile,
  PubStatus,
  Refusal,
  RefusalCode,
  WireFormat,
  WireItem,
  WireSubject,
} from './wire-item.ts';
export { wireFormats } from './wire-item.ts';
export { ingestBatchSize, WireService } from './wire-service.ts';
export type { Mapping, StoredWireItem, WireItemStatus } from './wire-store.ts';

/**
 * Builds the wire service; it starts no loop until `start()`.
 *
 * @example
 * const wire = createWireService({ db, content, clock: systemClock });
 * const source = await wire.sources.manualFor(site.id, new Date());
 * await wire.ingestTarget(source, 'incoming/item.xml');
 */
export function createWireService(deps: {
  db: Kysely<Database>;
  content: ContentService;
  clock: Clock;
  fetch?: typeof fetch;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  search?: BatchSearchIndex;
}): WireService {
  return new WireService(deps);
}
