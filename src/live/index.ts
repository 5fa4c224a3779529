/**
 * live: the live TV channel of each site (its HLS stream, backup and poster, on air or not), the
 * programme schedule (weekly programmes, XMLTV import), the test card Dateline serves itself and
 * the admin API's live routes. Other capabilities use only what this file exports.
 */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Database } from '../platform/database/schema.ts';
import { EventBus } from '../platform/events.ts';
import { demoChannel, demoProgrammes } from './demo-channel.ts';
import { createLiveService } from './live-service.ts';

export { demoChannel, demoProgrammes } from './demo-channel.ts';
export { LiveError, LiveInvalidError } from './errors.ts';
export {
  createLiveService,
  type ImportResult,
  type LiveDay,
  type LiveService,
  type LiveServiceDeps,
} from './live-service.ts';
export type * from './model.ts';
export { LOOKAHEAD_MS } from './schedule.ts';
export { TEST_CARD_PATHS, testCardPlaylist } from './test-card.ts';
export { testCardPlugin } from './test-card-plugin.ts';
export { parseXmltv, parseXmltvTime, programmesOfChannel, type XmltvProgramme } from './xmltv.ts';

/**
 * The demo's channel: Harbor Herald (site slug `herald`) on the test card with a week of weekly
 * programmes from the Sunday before `now`. Called right after the content demo is seeded (by
 * `dateline serve --demo`, `dateline seed --demo` and the demo test app); does nothing when the
 * site is missing or already has a channel.
 */
export async function seedDemoLive(
  db: Kysely<Database>,
  content: ContentService,
  options: { readonly now: Date },
): Promise<boolean> {
  await content.load();
  const site = content.sites.find((s) => s.slug === 'herald');
  if (!site) return false;
  const live = createLiveService({
    db,
    events: new EventBus(),
    clock: fixedClock(options.now),
    timeZoneOf: (id) => content.siteById(id)?.timeZone,
  });
  if (await live.channel(site.id)) return false;
  await live.saveChannel(site.id, demoChannel);
  for (const programme of demoProgrammes(options.now, site.timeZone)) {
    await live.createProgramme(site.id, programme);
  }
  return true;
}
export { liveAdminExtension } from './admin-routes.ts';
export { buildLivePlayerAsset, type LiveAsset } from './player-asset.ts';
