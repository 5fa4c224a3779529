/**
 * The schedule as pure functions over programmes: weekly programmes expanded into airings,
 * overlap checks and what is on at an instant. No storage, no clock: everything is an argument.
 */
import type { Airing, Channel, LiveStatus, Programme } from './model.ts';
import { addLocalDays } from './time-zone.ts';

const WEEK = 7 * 86_400_000;

function airing(programme: Programme, startsAt: number, endsAt: number): Airing {
  return {
    programmeId: programme.id,
    title: programme.title,
    description: programme.description,
    host: programme.host,
    imageUrl: programme.imageUrl,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    recurring: programme.recurrence === 'weekly',
  };
}

/**
 * Every airing that overlaps [from, to), earliest first. A weekly programme airs at its first
 * airing's wall-clock time every week (08:00 stays 08:00 across a DST change) and lasts as long.
 *
 * @example
 * airingsBetween(programmes, new Date('2026-11-01T04:00:00Z'), new Date('2026-11-02T05:00:00Z'), 'America/New_York')
 */
export function airingsBetween(
  programmes: readonly Programme[],
  from: Date,
  to: Date,
  timeZone: string,
): Airing[] {
  const lo = from.getTime();
  const hi = to.getTime();
  const found: Airing[] = [];
  for (const programme of programmes) {
    const start = programme.startsAt.getTime();
    const end = programme.endsAt.getTime();
    const length = end - start;
    if (programme.recurrence === 'none') {
      if (start < hi && end > lo) found.push(airing(programme, start, end));
      continue;
    }
    // Whole weeks to skip before the window, less one for the wall-clock hour a DST change moves.
    const first = Math.max(0, Math.floor((lo - length - start) / WEEK) - 1);
    for (let week = first; ; week++) {
      const at = week === 0 ? start : addLocalDays(start, week * 7, timeZone);
      if (at >= hi) break;
      const until = week === 0 ? end : addLocalDays(end, week * 7, timeZone);
      if (until > lo && until > at) found.push(airing(programme, at, until));
      if (week > first + 1000) break; // a guard: windows are days, not decades
    }
  }
  return found.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.programmeId - b.programmeId);
}

/**
 * The first airing of `existing` that overlaps an airing of `candidate`, or null. A weekly
 * candidate is checked against everything from its first airing up to `horizon` (the end of the
 * last stored programme, or a few weeks for two weekly programmes).
 */
export function findOverlap(
  candidate: Programme,
  existing: readonly Programme[],
  timeZone: string,
): { mine: Airing; theirs: Airing } | null {
  const others = existing.filter((p) => p.id !== candidate.id);
  if (others.length === 0) return null;
  const from = candidate.startsAt;
  let horizon = candidate.endsAt.getTime();
  if (candidate.recurrence === 'weekly') {
    const latest = Math.max(...others.map((p) => p.endsAt.getTime()), from.getTime());
    // Two weekly programmes meet within a fortnight of both having started, if ever.
    const weeklyStart = Math.max(
      from.getTime(),
      ...others.filter((p) => p.recurrence === 'weekly').map((p) => p.startsAt.getTime()),
    );
    horizon = Math.max(latest, weeklyStart + 2 * WEEK) + WEEK;
  }
  const mine = airingsBetween([candidate], from, new Date(horizon), timeZone);
  const theirs = airingsBetween(others, from, new Date(horizon), timeZone);
  for (const a of mine) {
    const clash = theirs.find((b) => b.startsAt < a.endsAt && b.endsAt > a.startsAt);
    if (clash) return { mine: a, theirs: clash };
  }
  return null;
}

/** Airings one after another may meet end to start; this finds two that overlap in a list. */
export function firstOverlapWithin(airings: readonly Airing[]): [Airing, Airing] | null {
  const sorted = [...airings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.startsAt < sorted[i - 1]!.endsAt) return [sorted[i - 1]!, sorted[i]!];
  }
  return null;
}

/** How far ahead `statusAt` looks for the next airing; pages with nothing ahead expire after it. */
export const LOOKAHEAD_MS = 8 * 86_400_000;

/** What is on at `at` and when that next changes, from the airings around it. */
export function statusAt(channel: Channel, airings: readonly Airing[], at: Date): LiveStatus {
  const now = at.getTime();
  const current = airings.find((a) => a.startsAt.getTime() <= now && a.endsAt.getTime() > now) ?? null;
  const next = airings.find((a) => a.startsAt.getTime() > now && a !== current) ?? null;
  const boundaries = [now + LOOKAHEAD_MS];
  if (current) boundaries.push(current.endsAt.getTime());
  if (next) boundaries.push(next.startsAt.getTime());
  return {
    channel,
    live: channel.onAir && current !== null,
    current,
    next,
    changesAt: new Date(Math.min(...boundaries)),
  };
}
