/**
 * A time zone's wall clock, with Intl only: the one place that reads local date and time fields,
 * shared by site search's date filters, newsletter send times and live TV schedules.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local year, month (1-12), day, hour (0-23), minute and second at `ms` in `timeZone`. */
export function zoneFields(ms: number, timeZone: string): Record<string, number> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) fields[part.type] = Number(part.value);
  return fields;
}

/**
 * The wall clock at `ms` read as if it were UTC (whole seconds): minus `ms`, the zone's offset.
 *
 * @example
 * wallClockMs(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York'); // 2026-07-01T08:00:00Z
 */
export function wallClockMs(ms: number, timeZone: string): number {
  const p = zoneFields(ms, timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}
