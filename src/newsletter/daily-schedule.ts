/**
 * Wall-clock times in a brand's zone, DST-correct: "06:00 in New York" is 10:00 UTC in summer and
 * 11:00 UTC in winter. A time that does not exist on a spring-forward day (02:30) comes out an
 * hour later, as clocks show it; a repeated one on a fall-back day is its first occurrence.
 */
import { zoneFields } from '../platform/index.ts';

function parts(at: Date, timeZone: string): Record<string, number> {
  return zoneFields(at.getTime(), timeZone);
}

function offsetAt(ms: number, timeZone: string): number {
  const p = parts(new Date(ms), timeZone);
  return (
    Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000
  );
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant a wall-clock time (HH:MM) of a day (YYYY-MM-DD) happens in a zone. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Twice: the offset at the first guess can differ from the one at the wanted time across a change.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(
    offsetAt(second, timeZone) === offsetAt(first, timeZone) ? second : Math.max(first, second),
  );
}

export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export const isSendTime = (value: unknown): value is string =>
  typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

export const isDate = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
