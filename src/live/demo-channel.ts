/**
 * The demo publisher's channel: Harbor Herald TV, playing the test card Dateline serves itself,
 * with a week of original programmes as weekly airings (so the demo is on air whenever it runs).
 * Deterministic: the same `now` gives the same schedule.
 */
import type { ProgrammeInput } from './model.ts';
import { TEST_CARD_PATHS } from './test-card.ts';
import { addLocalDays, instantOf, startOfLocalDay, wallClock } from './time-zone.ts';

interface Slot {
  readonly at: string;
  readonly until: string;
  readonly title: string;
  readonly description: string;
  readonly host?: string;
}

const weekday: readonly Slot[] = [
  {
    at: '00:00',
    until: '06:00',
    title: 'Overnight Headlines',
    description: 'The latest news on the hour, with the weather and the markets overnight.',
  },
  {
    at: '06:00',
    until: '09:00',
    title: 'Harbor Morning',
    description:
      'The day’s news, traffic and weather to start the morning, with guests from across the region.',
    host: 'Nadia Okafor and Tom Lindqvist',
  },
  {
    at: '09:00',
    until: '12:00',
    title: 'Harbor Today',
    description: 'Live coverage of the stories of the day as they happen.',
    host: 'Priya Raman',
  },
  {
    at: '12:00',
    until: '13:00',
    title: 'Midday Report',
    description: 'An hour of news at noon: politics, business and the world.',
    host: 'Daniel Reyes',
  },
  {
    at: '13:00',
    until: '17:00',
    title: 'Afternoon Desk',
    description: 'The newsroom’s reporters on the day’s developing stories, with live reports.',
    host: 'Grace Whitfield',
  },
  {
    at: '17:00',
    until: '18:00',
    title: 'Harbor Herald at Five',
    description: 'The evening’s main headlines, local news and the forecast.',
    host: 'Marcus Bell',
  },
  {
    at: '18:00',
    until: '19:00',
    title: 'The Evening News',
    description: 'Our flagship newscast: the day’s most important stories, explained.',
    host: 'Elena Moretti',
  },
  {
    at: '21:00',
    until: '22:00',
    title: 'Night Desk',
    description: 'The late news and a look at tomorrow’s front pages.',
    host: 'Samuel Achterberg',
  },
  {
    at: '22:00',
    until: '24:00',
    title: 'Late Edition',
    description: 'The day in review, with analysis from the newsroom’s editors.',
  },
];

/** The 19:00 to 21:00 slot: each day of the week has its own feature. */
const evenings: readonly Slot[] = [
  {
    at: '19:00',
    until: '21:00',
    title: 'Weekend Documentary',
    description: 'A feature-length documentary from the Harbor Herald archive.',
  },
  {
    at: '19:00',
    until: '21:00',
    title: 'Money Monday',
    description: 'Harbor Money’s reporters on markets, jobs and household budgets.',
    host: 'Omar Haddad',
  },
  {
    at: '19:00',
    until: '21:00',
    title: 'Health Matters',
    description: 'Harbor Health on medicine, fitness and the health of the region.',
    host: 'Dr. Lena Fischer',
  },
  {
    at: '19:00',
    until: '21:00',
    title: 'Capitol Week',
    description: 'Politics from the state house and Washington, with the week’s votes explained.',
    host: 'Ruth Calloway',
  },
  {
    at: '19:00',
    until: '21:00',
    title: 'World Tonight',
    description: 'Correspondents report on the world’s biggest stories.',
    host: 'Kenji Watanabe',
  },
  {
    at: '19:00',
    until: '21:00',
    title: 'Friday Forum',
    description: 'A live debate on the week’s questions, with readers’ questions.',
    host: 'Amara Nwosu',
  },
  {
    at: '19:00',
    until: '21:00',
    title: 'Saturday Sport',
    description: 'Results, highlights and interviews from the weekend’s games.',
    host: 'Leo Martins',
  },
];

const weekend: readonly Slot[] = [
  {
    at: '00:00',
    until: '07:00',
    title: 'Overnight Headlines',
    description: 'The latest news on the hour, with the weather overnight.',
  },
  {
    at: '07:00',
    until: '10:00',
    title: 'Weekend Morning',
    description: 'A relaxed start to the weekend: news, culture and the week ahead.',
    host: 'Hannah Osei',
  },
  {
    at: '10:00',
    until: '13:00',
    title: 'The Week in Review',
    description: 'The week’s biggest stories, and what happens next.',
    host: 'Victor Almeida',
  },
  {
    at: '13:00',
    until: '18:00',
    title: 'Weekend Desk',
    description: 'News as it happens through the weekend afternoon.',
  },
  {
    at: '18:00',
    until: '19:00',
    title: 'The Evening News',
    description: 'The day’s most important stories, explained.',
    host: 'Elena Moretti',
  },
  {
    at: '21:00',
    until: '24:00',
    title: 'Late Edition',
    description: 'The day in review, with analysis from the newsroom’s editors.',
  },
];

const MINUTE = 60_000;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The demo week: seven days from the local midnight of the Sunday on or before `now`, each
 * programme airing weekly from there.
 */
export function demoProgrammes(now: Date, timeZone: string): ProgrammeInput[] {
  const today = startOfLocalDay(now.getTime(), timeZone);
  const dayOfWeek = new Date(wallClock(today, timeZone)).getUTCDay();
  const sunday = addLocalDays(today, -dayOfWeek, timeZone);
  const programmes: ProgrammeInput[] = [];
  for (let day = 0; day < 7; day++) {
    const midnight = addLocalDays(sunday, day, timeZone);
    const slots = day === 0 || day === 6 ? weekend : weekday;
    for (const slot of [...slots, evenings[day]!]) {
      // Wall-clock times, like the programmes' weekly airings.
      const wall = wallClock(midnight, timeZone);
      const startsAt = instantOf(wall + minutesOf(slot.at) * MINUTE, timeZone);
      const endsAt = instantOf(wall + minutesOf(slot.until) * MINUTE, timeZone);
      programmes.push({
        title: slot.title,
        description: slot.description,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        host: slot.host ?? null,
        imageUrl: null,
        recurrence: 'weekly',
      });
    }
  }
  return programmes.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export const demoChannel = {
  name: 'Harbor Herald TV',
  streamUrl: TEST_CARD_PATHS.master,
  backupUrl: null,
  posterUrl: TEST_CARD_PATHS.poster,
  onAir: true,
};
