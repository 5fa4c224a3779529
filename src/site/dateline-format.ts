/** Formats publication times in a site's time zone, the way the article page's dateline shows them. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${timeZone}|${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: true,
      timeZoneName: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

export interface FormattedTime {
  /** "Tuesday, 21 October 2025 08:05 AM EDT" */
  readonly text: string;
  /** "21 October 2025" */
  readonly date: string;
  /** "Tuesday" */
  readonly weekday: string;
  /** "08:05 AM" */
  readonly time: string;
  /** "EDT" */
  readonly zone: string;
  /** "2025-10-21T08:05:00-04:00": the same instant with the zone's offset, for <time datetime>. */
  readonly iso: string;
}

/**
 * @example
 * formatDateline(new Date('2025-10-21T12:05:00Z'), 'America/New_York')
 * // { text: 'Tuesday, 21 October 2025 08:05 AM EDT', iso: '2025-10-21T08:05:00-04:00', … }
 */
export function formatDateline(at: Date, timeZone: string, locale = 'en-US'): FormattedTime {
  const key = `${timeZone}|${locale}|${at.getTime()}`;
  const known = formatted.get(key);
  if (known) return known;
  const made = formatParts(at, timeZone, locale);
  remember(formatted, key, made);
  return made;
}

/**
 * Intl's formatToParts costs microseconds and allocates a part object per field, and a page
 * formats the same few instants (its articles' times) on every render: keep the answers, a
 * bounded number of them (a full map starts over; the next renders fill it again).
 */
const rememberedLimit = 4096;
const formatted = new Map<string, FormattedTime>();
const isoTimes = new Map<string, string>();

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= rememberedLimit) map.clear();
  map.set(key, value);
}

function formatParts(at: Date, timeZone: string, locale: string): FormattedTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone, locale).formatToParts(at)) parts[part.type] = part.value;
  const hour12 = parts.hour!.padStart(2, '0');
  const dayPeriod = (parts.dayPeriod ?? '').toUpperCase();
  const date = `${Number(parts.day)} ${parts.month} ${parts.year}`;
  const time = `${hour12}:${parts.minute} ${dayPeriod}`;
  const text = `${parts.weekday}, ${date} ${time} ${parts.timeZoneName}`;
  return {
    text,
    date,
    weekday: parts.weekday!,
    time,
    zone: parts.timeZoneName!,
    iso: isoWithOffset(at, timeZone),
  };
}

const numericFormatters = new Map<string, Intl.DateTimeFormat>();

/** The same instant as wall-clock time in `timeZone` with its UTC offset. */
export function isoWithOffset(at: Date, timeZone: string): string {
  const key = `${timeZone}|${at.getTime()}`;
  let iso = isoTimes.get(key);
  if (iso === undefined) {
    iso = isoParts(at, timeZone);
    remember(isoTimes, key, iso);
  }
  return iso;
}

function isoParts(at: Date, timeZone: string): string {
  let formatter = numericFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    numericFormatters.set(timeZone, formatter);
  }
  const p: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) p[part.type] = part.value;
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  const offsetMinutes = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year!.padStart(4, '0')}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
