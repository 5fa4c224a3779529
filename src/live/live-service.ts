/**
 * Live TV's service: the channel and its schedule, validated and stored in one transaction per
 * change, with `live.changed` emitted after each commit so cached pages (every page's header shows
 * the LIVE indicator) are purged.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database/schema.ts';
import type { EventBus } from '../platform/events.ts';
import { LiveError, LiveInvalidError } from './errors.ts';
import { liveRepository as repo } from './live-repository.ts';
import type { Airing, Channel, ChannelInput, LiveStatus, Programme, ProgrammeInput } from './model.ts';
import { airingsBetween, findOverlap, firstOverlapWithin, LOOKAHEAD_MS, statusAt } from './schedule.ts';
import { addLocalDays, describeLocal, startOfLocalDay } from './time-zone.ts';
import { channelProblems, programmeProblems, tidyChannel, tidyProgramme } from './validation.ts';

export interface LiveServiceDeps {
  readonly db: Kysely<Database>;
  readonly events: EventBus;
  readonly clock: Clock;
  /** The site's IANA time zone (weekly programmes keep its wall-clock time); undefined: no such site. */
  readonly timeZoneOf: (siteId: number) => string | undefined;
}

/** Today's schedule for the /live page. */
export interface LiveDay {
  readonly status: LiveStatus;
  /** Local midnight to midnight in the site's time zone. */
  readonly from: Date;
  readonly to: Date;
  readonly airings: readonly Airing[];
}

export interface ImportResult {
  readonly imported: number;
  /** One-off programmes of the imported span that the file replaced. */
  readonly replaced: number;
  readonly from: Date | null;
  readonly to: Date | null;
}

const DAY = 86_400_000;
const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

export type LiveService = ReturnType<typeof createLiveService>;

/**
 * @example
 * const live = createLiveService({ db, events, clock, timeZoneOf: (id) => content.siteById(id)?.timeZone });
 * const status = await live.status(site.id); // { live: true, current: { title: 'Morning Report', … }, … }
 */
export function createLiveService(deps: LiveServiceDeps) {
  const { db, events, clock } = deps;

  function zoneOf(siteId: number): string {
    const zone = deps.timeZoneOf(siteId);
    if (!zone) throw new LiveError.NotFound(`There is no site ${siteId}.`);
    return zone;
  }

  // What status() answered, per site, while it holds: from when it was computed until the next
  // programme boundary. Every page render asks, and the answer changes only at boundaries or
  // when this service changes the schedule (which drops it).
  const statuses = new Map<number, { from: number; status: LiveStatus | null }>();
  // Another node's schedule change (over Redis) drops the remembered status here too.
  events.onAnyNode('live.changed', (event) => statuses.delete(event.siteId));

  function changed(siteId: number) {
    statuses.delete(siteId);
    events.emit('live.changed', { siteId });
  }

  function overlapMessage(theirs: Airing, zone: string): string {
    return `overlaps “${theirs.title}” (${describeLocal(theirs.startsAt, zone)} to ${describeLocal(theirs.endsAt, zone)}); move or shorten one of them`;
  }

  async function checkedProgramme(
    trx: Kysely<Database>,
    siteId: number,
    input: ProgrammeInput,
    id: number,
  ): Promise<ProgrammeInput> {
    const tidy = tidyProgramme(input);
    const problems = programmeProblems(tidy);
    if (problems.length > 0) throw new LiveInvalidError(problems);
    const zone = zoneOf(siteId);
    if (!(await repo.lockChannel(trx, siteId, clock.now()))) {
      throw new LiveError.NoChannel('Set up the site’s channel first (PUT …/live/sites/:siteId/channel).');
    }
    const candidate: Programme = { ...tidy, id, siteId };
    const to = tidy.recurrence === 'weekly' ? FAR_FUTURE : tidy.endsAt;
    const existing = await repo.programmesAround(trx, siteId, new Date(tidy.startsAt.getTime() - DAY), to);
    const clash = findOverlap(candidate, existing, zone);
    if (clash)
      throw new LiveInvalidError([{ field: 'startsAt', message: overlapMessage(clash.theirs, zone) }]);
    return tidy;
  }

  async function computeStatus(siteId: number, at: Date): Promise<LiveStatus | null> {
    const channel = await repo.channel(db, siteId);
    if (!channel) return null;
    const zone = zoneOf(siteId);
    const to = new Date(at.getTime() + LOOKAHEAD_MS);
    const programmes = await repo.programmesAround(db, siteId, at, to);
    // Look a day ahead first, and further only when nothing is next.
    const soon = airingsBetween(programmes, at, new Date(at.getTime() + DAY), zone);
    const status = statusAt(channel, soon, at);
    if (status.next) return status;
    return statusAt(channel, airingsBetween(programmes, at, to, zone), at);
  }

  return {
    async channel(siteId: number): Promise<Channel | null> {
      return repo.channel(db, siteId);
    },

    async saveChannel(siteId: number, input: ChannelInput): Promise<Channel> {
      zoneOf(siteId);
      const tidy = tidyChannel(input);
      const problems = channelProblems(tidy);
      if (problems.length > 0) throw new LiveInvalidError(problems);
      await repo.saveChannel(db, siteId, tidy, clock.now());
      changed(siteId);
      return (await repo.channel(db, siteId))!;
    },

    async programme(id: number): Promise<Programme | null> {
      return repo.programme(db, id);
    },

    /** The programmes as entered (weekly ones once), optionally those starting in [from, to). */
    async programmes(siteId: number, range: { from?: Date; to?: Date } = {}): Promise<Programme[]> {
      return repo.listProgrammes(db, siteId, range);
    },

    async createProgramme(siteId: number, input: ProgrammeInput): Promise<Programme> {
      const id = await db.transaction().execute(async (trx) => {
        const tidy = await checkedProgramme(trx, siteId, input, 0);
        return repo.insertProgramme(trx, siteId, tidy, clock.now());
      });
      changed(siteId);
      return (await repo.programme(db, id))!;
    },

    async updateProgramme(id: number, input: ProgrammeInput): Promise<Programme> {
      const siteId = await db.transaction().execute(async (trx) => {
        const found = await repo.programme(trx, id);
        if (!found) throw new LiveError.NotFound(`There is no programme ${id}.`);
        const tidy = await checkedProgramme(trx, found.siteId, input, id);
        await repo.updateProgramme(trx, id, tidy, clock.now());
        return found.siteId;
      });
      changed(siteId);
      return (await repo.programme(db, id))!;
    },

    async deleteProgramme(id: number): Promise<Programme> {
      const found = await repo.programme(db, id);
      if (!found) throw new LiveError.NotFound(`There is no programme ${id}.`);
      await repo.deleteProgramme(db, id);
      changed(found.siteId);
      return found;
    },

    /**
     * Replaces the one-off programmes in the span the list covers (first start to last end) with
     * the list, in one transaction: an overlap inside the list or with a weekly programme stores
     * nothing. Importing the same guide twice gives the same schedule.
     */
    async importProgrammes(siteId: number, inputs: readonly ProgrammeInput[]): Promise<ImportResult> {
      const zone = zoneOf(siteId);
      const tidy = inputs.map((input) => tidyProgramme({ ...input, recurrence: 'none' }));
      const problems = tidy.flatMap((input, i) =>
        programmeProblems(input).map((p) => ({
          field: `programme[${i + 1}].${p.field}`,
          message: p.message,
        })),
      );
      if (problems.length > 0) throw new LiveInvalidError(problems);
      if (tidy.length === 0) return { imported: 0, replaced: 0, from: null, to: null };
      const asProgrammes = tidy.map((p, i) => ({ ...p, id: -(i + 1), siteId }));
      const within = firstOverlapWithin(airingsBetween(asProgrammes, new Date(0), FAR_FUTURE, zone));
      if (within) {
        const [a, b] = within;
        throw new LiveInvalidError([
          {
            field: `programme[${-b.programmeId}].startsAt`,
            message: `“${b.title}” ${overlapMessage(a, zone)}`,
          },
        ]);
      }
      const from = new Date(Math.min(...tidy.map((p) => p.startsAt.getTime())));
      const to = new Date(Math.max(...tidy.map((p) => p.endsAt.getTime())));
      const result = await db.transaction().execute(async (trx) => {
        if (!(await repo.lockChannel(trx, siteId, clock.now()))) {
          throw new LiveError.NoChannel('Set up the site’s channel before importing its schedule.');
        }
        const replaced = await repo.deleteOneOffsBetween(trx, siteId, from, to);
        const weekly = (await repo.programmesAround(trx, siteId, from, to)).filter(
          (p) => p.recurrence === 'weekly',
        );
        const theirs = airingsBetween(weekly, from, to, zone);
        for (const programme of asProgrammes) {
          const clash = theirs.find((b) => b.startsAt < programme.endsAt && b.endsAt > programme.startsAt);
          if (clash) {
            throw new LiveInvalidError([
              {
                field: `programme[${-programme.id}].startsAt`,
                message: `“${programme.title}” ${overlapMessage(clash, zone)}`,
              },
            ]);
          }
        }
        const at = clock.now();
        for (const input of tidy) await repo.insertProgramme(trx, siteId, input, at);
        return { imported: tidy.length, replaced, from, to };
      });
      changed(siteId);
      return result;
    },

    /** Every airing (weekly programmes expanded) that overlaps [from, to). */
    async airings(siteId: number, from: Date, to: Date): Promise<Airing[]> {
      const programmes = await repo.programmesAround(db, siteId, from, to);
      return airingsBetween(programmes, from, to, zoneOf(siteId));
    },

    /**
     * What the site's channel is doing at `at` (now by default); null when it has no channel.
     * Remembered until the next boundary (a site without a channel is asked again after a
     * minute), and forgotten when this service changes the site's channel or schedule; changes
     * made by another process (the CLI, another node) show from the next boundary.
     */
    async status(siteId: number, at: Date = clock.now()): Promise<LiveStatus | null> {
      const ms = at.getTime();
      const known = statuses.get(siteId);
      if (known && known.from <= ms && ms < (known.status?.changesAt.getTime() ?? known.from + 60_000)) {
        return known.status;
      }
      const status = await computeStatus(siteId, at);
      statuses.set(siteId, { from: ms, status });
      return status;
    },

    /** The status and the whole local day's airings, for the /live page; null without a channel. */
    async day(siteId: number, at: Date = clock.now()): Promise<LiveDay | null> {
      const channel = await repo.channel(db, siteId);
      if (!channel) return null;
      const zone = zoneOf(siteId);
      const from = new Date(startOfLocalDay(at.getTime(), zone));
      const dayEnd = new Date(addLocalDays(from.getTime(), 1, zone));
      const to = new Date(Math.max(dayEnd.getTime(), at.getTime() + LOOKAHEAD_MS));
      const programmes = await repo.programmesAround(db, siteId, from, to);
      const all = airingsBetween(programmes, from, to, zone);
      const status = statusAt(
        channel,
        all.filter((a) => a.endsAt > at),
        at,
      );
      const changesAt = new Date(Math.min(status.changesAt.getTime(), dayEnd.getTime()));
      return {
        status: { ...status, changesAt },
        from,
        to: dayEnd,
        airings: all.filter((a) => a.startsAt < dayEnd),
      };
    },
  };
}
