import type { Airing, Channel, LiveDay } from '../../live/index.ts';
import { formatDateline } from '../dateline-format.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { publisherJsonLd } from '../structured-data.ts';
import { urls } from '../urls.ts';
import { absolute, layout } from './layout.ts';

export interface LivePageModel {
  /** null: the site has no channel. */
  readonly day: LiveDay | null;
  /** The player script's path (hls.js and ours), loaded by this page only. */
  readonly playerScript: string;
}

const playlistType = 'application/vnd.apple.mpegurl';

/** The WATCH TV LIVE page: the player (or why there is none), on now, up next, today's schedule. */
export function renderLivePage(ctx: PageContext, model: LivePageModel): SafeHtml {
  const { site } = ctx;
  const { day } = model;
  if (!day) {
    return layout(
      ctx,
      {
        title: 'Watch TV Live',
        description: `${site.name} has no live TV channel.`,
        canonicalPath: urls.live(),
        robots: 'noindex',
      },
      html`<section class="static-page live-page">
<p class="list-label">Live TV</p>
<h1>Watch ${site.name} Live</h1>
<p>${site.name} does not have a live TV channel. Our sister brands may: see the links at the foot of this page.</p>
<p><a class="button" href="/">Read the latest news</a></p>
</section>`,
    );
  }
  const { status } = day;
  const { channel, current, next } = status;
  const onAir = channel.onAir;
  const featured = current ?? next;
  const time = (at: Date) => formatDateline(at, site.timeZone, site.locale);
  const today = time(day.from);
  return layout(
    ctx,
    {
      title: `Watch ${channel.name} Live`,
      description: current
        ? `On now on ${channel.name}: ${current.title}. Watch live and see today's schedule.`
        : `Watch ${channel.name} live and see today's programme schedule.`,
      canonicalPath: urls.live(),
      image: channel.posterUrl ? { url: channel.posterUrl, alt: `${channel.name} live` } : null,
      extraHead: onAir ? html`<script src="${model.playerScript}" defer></script>` : null,
      jsonLd: featured && onAir ? [videoJsonLd(ctx, channel, featured)] : [],
    },
    html`<div class="live-page">
<header class="live-heading">
<p class="list-label">Live TV</p>
<h1>Watch ${channel.name} Live</h1>
</header>
<div class="live-layout">
<section class="live-player" aria-label="Live stream">
${onAir ? player(channel) : offAir(channel)}
</section>
<section class="live-now" aria-label="On now and up next">
${nowCard('On now', current, time, status.live)}
${nowCard('Up next', next, time, false)}
</section>
</div>
<section class="live-schedule" aria-labelledby="schedule-heading">
<h2 id="schedule-heading">Today’s schedule <span class="live-schedule-date">${today.weekday}, ${today.date}</span></h2>
<p class="live-zone">Times are ${site.name}’s local time (${today.zone}).</p>
${
  day.airings.length === 0
    ? html`<p class="empty">No programmes are scheduled today.</p>`
    : html`<ol class="schedule-list">${day.airings.map((airing) => scheduleItem(airing, current, time))}</ol>`
}
</section>
</div>`,
  );
}

function player(channel: Channel): SafeHtml {
  return html`<div class="player-frame">
<video data-live-player controls playsinline preload="none" width="1280" height="720"${
    channel.posterUrl ? html` poster="${channel.posterUrl}"` : null
  } aria-label="${channel.name} live stream">
<source src="${channel.streamUrl}" type="${playlistType}">
${channel.backupUrl ? html`<source src="${channel.backupUrl}" type="${playlistType}">` : null}
<p class="player-fallback">Your browser cannot play this video here. <a href="${channel.streamUrl}">Open the live stream</a> in a video player.</p>
</video>
</div>
<p class="player-status" data-live-status role="status" hidden></p>`;
}

function offAir(channel: Channel): SafeHtml {
  return html`<div class="player-frame off-air">
<div class="off-air-card">
<p class="off-air-title">${channel.name} is off air right now</p>
<p>The live stream will be back soon. Today’s schedule is below.</p>
</div>
</div>`;
}

type TimeFormat = (at: Date) => ReturnType<typeof formatDateline>;

function nowCard(label: string, airing: Airing | null, time: TimeFormat, live: boolean): SafeHtml {
  if (!airing) {
    return html`<div class="now-card"><p class="now-label">${label}</p><p class="empty">Nothing scheduled.</p></div>`;
  }
  const start = time(airing.startsAt);
  const end = time(airing.endsAt);
  return html`<div class="now-card">
<p class="now-label">${label}${live ? html` <span class="live-badge">Live</span>` : null}</p>
<h2 class="now-title">${airing.title}</h2>
<p class="now-time"><time datetime="${start.iso}">${start.time}</time> to <time datetime="${end.iso}">${end.time}</time> ${end.zone}</p>
${airing.host ? html`<p class="now-host">With ${airing.host}</p>` : null}
${airing.description ? html`<p class="now-description">${airing.description}</p>` : null}
</div>`;
}

function scheduleItem(airing: Airing, current: Airing | null, time: TimeFormat): SafeHtml {
  const isCurrent =
    current !== null &&
    current.programmeId === airing.programmeId &&
    current.startsAt.getTime() === airing.startsAt.getTime();
  const start = time(airing.startsAt);
  const end = time(airing.endsAt);
  return html`<li class="schedule-item${isCurrent ? ' is-current' : ''}"${isCurrent ? html` aria-current="true"` : null}>
<p class="schedule-time"><time datetime="${start.iso}">${start.time}</time><span class="visually-hidden"> to ${end.time}</span></p>
<div class="schedule-body">
<h3 class="schedule-title">${airing.title}${isCurrent ? html` <span class="live-badge">On now</span>` : null}</h3>
${airing.host ? html`<p class="schedule-host">With ${airing.host}</p>` : null}
${airing.description ? html`<p class="schedule-description">${airing.description}</p>` : null}
</div>
</li>`;
}

/**
 * schema.org VideoObject for the stream with its BroadcastEvent (Google's form for livestreams):
 * the airing on now (or next), with isLiveBroadcast and its start and end.
 */
export function videoJsonLd(ctx: PageContext, channel: Channel, airing: Airing): object {
  const { site, origin } = ctx;
  const start = formatDateline(airing.startsAt, site.timeZone).iso;
  const end = formatDateline(airing.endsAt, site.timeZone).iso;
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: `${channel.name}: ${airing.title}`,
    description: airing.description || `${airing.title} on ${channel.name}.`,
    thumbnailUrl: [absolute(origin, channel.posterUrl ?? '/brand/icon.svg')],
    uploadDate: start,
    embedUrl: origin + urls.live(),
    contentUrl: absolute(origin, channel.streamUrl),
    publisher: publisherJsonLd(ctx),
    publication: {
      '@type': 'BroadcastEvent',
      name: airing.title,
      isLiveBroadcast: true,
      startDate: start,
      endDate: end,
      publishedOn: {
        '@type': 'BroadcastService',
        name: channel.name,
        broadcaster: { '@id': `${origin}/#publisher` },
      },
    },
  };
}
