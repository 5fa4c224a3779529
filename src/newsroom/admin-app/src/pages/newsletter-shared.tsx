/** Pieces the newsletter screens share: the section's tabs, edition status badges, number formatting. */
import { NavLink } from 'react-router';
import type { EditionJson } from '../newsletter-api.ts';
import './newsletter.css';

export function NewsletterTabs() {
  return (
    <nav className="tabs" aria-label="Newsletter">
      <NavLink to="/newsletter" end>
        Editions
      </NavLink>
      <NavLink to="/newsletter/subscribers">Subscribers</NavLink>
    </nav>
  );
}

const editionLabels: Record<EditionJson['status'], string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
  cancelled: 'Cancelled',
};

export function EditionBadge({ status }: { status: EditionJson['status'] }) {
  return <span className={`badge badge-edition-${status}`}>{editionLabels[status]}</span>;
}

export const count = (n: number, locale = 'en-US') => new Intl.NumberFormat(locale).format(n);

/** "2025-10-21" as "Tue, 21 Oct 2025" (a calendar day: no zone to convert). */
export function formatDay(day: string, locale = 'en-US'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today's date in the zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
