import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildDemoApp } from '../testing/demo-app.ts';

/** The JSON-LD blocks of a page. */
function jsonLd(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/<script type="application\/ld\+json">(.+?)<\/script>/gs)].map((m) =>
    JSON.parse(m[1]!),
  );
}

describe('the /live page', () => {
  let app: FastifyInstance;
  // Wednesday 25 November 2026, 10:00 AM EST: Harbor Today (09:00 to 12:00) is on.
  const now = new Date('2026-11-25T15:00:00Z');
  const get = (url: string, host = 'localhost') => app.inject({ url, headers: { host } });

  before(async () => {
    app = await buildDemoApp({ now });
  });
  after(async () => app.close());

  test('plays the channel, with on now, up next and the whole day in the brand’s time zone', async () => {
    const res = await get('/live');
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.match(body, /<h1>Watch Harbor Herald TV Live<\/h1>/);
    assert.match(
      body,
      /<video data-live-player controls playsinline preload="none"[^>]* poster="\/live\/test-card\/poster\.jpg"/,
    );
    assert.match(
      body,
      /<source src="\/live\/test-card\/master\.m3u8" type="application\/vnd\.apple\.mpegurl">/,
    );
    assert.match(body, /<script src="\/assets\/live-player\.\w+\.js" defer><\/script>/);
    const onNow =
      /On now.*?<h2 class="now-title">(.*?)<\/h2>\s*<p class="now-time"><time datetime="(.*?)">(.*?)<\/time> to <time datetime="(.*?)">(.*?)<\/time> (\w+)/s.exec(
        body,
      );
    assert.deepEqual(onNow?.slice(1), [
      'Harbor Today',
      '2026-11-25T09:00:00-05:00',
      '09:00 AM',
      '2026-11-25T12:00:00-05:00',
      '12:00 PM',
      'EST',
    ]);
    assert.match(body, /Up next.*?<h2 class="now-title">Midday Report<\/h2>/s);
    assert.match(
      body,
      /Today’s schedule <span class="live-schedule-date">Wednesday, 25 November 2026<\/span>/,
    );
    const items = [...body.matchAll(/<li class="schedule-item( is-current)?"/g)];
    assert.equal(items.length, 10);
    assert.equal(items.filter((m) => m[1]).length, 1);
    assert.match(body, /<time datetime="2026-11-25T00:00:00-05:00">12:00 AM<\/time>/);
    // The player script is only on this page.
    assert.doesNotMatch((await get('/')).body, /live-player/);
  });

  test('carries a VideoObject with its live BroadcastEvent', async () => {
    const video = jsonLd((await get('/live')).body).find((d) => d['@type'] === 'VideoObject')!;
    assert.ok(video, 'a VideoObject');
    assert.equal(video.contentUrl, 'http://localhost/live/test-card/master.m3u8');
    assert.deepEqual(video.thumbnailUrl, ['http://localhost/live/test-card/poster.jpg']);
    const event = video.publication as Record<string, unknown>;
    assert.equal(event['@type'], 'BroadcastEvent');
    assert.equal(event.isLiveBroadcast, true);
    assert.equal(event.startDate, '2026-11-25T09:00:00-05:00');
    assert.equal(event.endDate, '2026-11-25T12:00:00-05:00');
  });

  test('the player script is served, immutable, with hls.js in it', async () => {
    const path = /src="(\/assets\/live-player\.\w+\.js)"/.exec((await get('/live')).body)![1]!;
    const script = await get(path);
    assert.equal(script.statusCode, 200);
    assert.equal(script.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(script.body, /canPlayType\("application\/vnd\.apple\.mpegurl"\)/);
    assert.ok(script.body.length > 100_000, 'hls.js is bundled');
  });

  test('allows the stream’s own hosts for media and requests, and nothing else new', async () => {
    const { live, content } = app.services;
    const site = content.siteForHost('localhost')!;
    await live.saveChannel(site.id, {
      name: 'Harbor Herald TV',
      streamUrl: 'https://cdn.example/live/master.m3u8',
      backupUrl: 'http://127.0.0.1:8099/backup.m3u8',
      posterUrl: '/live/test-card/poster.jpg',
      onAir: true,
    });
    const res = await get('/live');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /media-src 'self' blob: https:\/\/cdn\.example http:\/\/127\.0\.0\.1:8099;/);
    assert.match(csp, /connect-src 'self' https:\/\/cdn\.example http:\/\/127\.0\.0\.1:8099;/);
    assert.match(csp, /script-src 'self';/);
    assert.match(res.body, /<source src="http:\/\/127\.0\.0\.1:8099\/backup\.m3u8"/);
    // Cached: the same answer, policy included.
    assert.equal((await get('/live')).headers['content-security-policy'], csp);
  });

  test('off air: a clear message, no player, the schedule still there', async () => {
    const { live, content } = app.services;
    const site = content.siteForHost('localhost')!;
    const channel = (await live.channel(site.id))!;
    await live.saveChannel(site.id, { ...channel, onAir: false });
    const body = (await get('/live')).body;
    assert.match(body, /Harbor Herald TV is off air right now/);
    assert.doesNotMatch(body, /<video/);
    assert.doesNotMatch(body, /live-player\.\w+\.js/);
    assert.match(body, /Harbor Today/);
    await live.saveChannel(site.id, { ...channel, onAir: true });
  });

  test('a brand without a channel says so', async () => {
    const res = await get('/live', 'money.localhost');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Harbor Money does not have a live TV channel/);
    assert.doesNotMatch(res.body, /<video/);
  });
});
