/**
 * Times in a site's time zone. The newsroom schedules "06:00" meaning 06:00 where the brand is,
 * whatever zone the browser is in; these helpers convert between that wall time and instants.
 */

/** Milliseconds the zone is ahead of UTC at the instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall time (`2025-10-22T06:00`, as a datetime-local input gives it) in the zone.
 * A time that a spring-forward gap skips resolves to the instant one hour later on the clock;
 * an ambiguous autumn time resolves to the first (daylight) occurrence.
 */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const offset = offsetAt(guess - offsetAt(guess, timeZone), timeZone);
  const instant = guess - offset;
  const actual = offsetAt(instant, timeZone);
  // In a gap the wall time does not exist: read it with the offset in force before the change.
  return new Date(actual === offset ? instant : guess - actual);
}

/** The wall time of an instant in the zone, as a datetime-local input wants it. */
export function instantToWallTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** "EDT", "GMT+1": the zone's short name at that instant. */
export function zoneAbbreviation(instant: Date, timeZone: string, locale = 'en-US'): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "21 Oct 2025, 8:05 AM EDT" in the site's zone. */
export function formatInZone(iso: string, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
