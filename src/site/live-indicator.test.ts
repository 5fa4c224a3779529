import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildAdminTestApp } from '../testing/admin-api.ts';

describe('the header’s LIVE indicator and the page cache', () => {
  let app: FastifyInstance;
  let clock: Awaited<ReturnType<typeof buildAdminTestApp>>['clock'];
  let siteId: number;
  const isLive = async (url = '/') => {
    const body = (await app.inject({ url, headers: { host: 'daily.test' } })).body;
    return /class="watch-live is-live"/.test(body);
  };

  before(async () => {
    const built = await buildAdminTestApp();
    app = built.app;
    clock = built.clock;
    siteId = built.fixture.site.id;
    const { live } = app.services;
    await live.saveChannel(siteId, {
      name: 'Daily TV',
      streamUrl: '/live/test-card/master.m3u8',
      backupUrl: null,
      posterUrl: null,
      onAir: true,
    });
    await live.createProgramme(siteId, {
      title: 'Noon News',
      description: '',
      startsAt: new Date('2025-10-21T16:00:00Z'),
      endsAt: new Date('2025-10-21T17:00:00Z'),
      host: null,
      imageUrl: null,
      recurrence: 'none',
    });
  });
  after(async () => app.close());

  test('shows LIVE exactly while a programme airs, though pages are cached', async () => {
    clock.set('2025-10-21T15:59:00Z');
    assert.equal(await isLive('/'), false);
    assert.equal(await isLive('/world'), false);
    const cached = await app.inject({ url: '/', headers: { host: 'daily.test' } });
    const hitsBefore = app.services.cache!.hits;
    await app.inject({ url: '/', headers: { host: 'daily.test' } });
    assert.equal(
      app.services.cache!.hits,
      hitsBefore + 1,
      'the page is served from the cache before the boundary',
    );
    clock.set('2025-10-21T16:00:00Z');
    assert.equal(await isLive('/'), true, 'the cached page expired when the programme started');
    assert.equal(await isLive('/world'), true);
    const live = await app.inject({ url: '/', headers: { host: 'daily.test' } });
    assert.notEqual(live.headers.etag, cached.headers.etag);
    assert.match(
      live.body,
      /WATCH TV LIVE <span class="live-flag" aria-hidden="true">LIVE<\/span><span class="visually-hidden">\(on air now\)<\/span>/,
    );
    clock.set('2025-10-21T17:00:00Z');
    assert.equal(await isLive('/'), false, 'and again when it ended');
  });

  test('a channel or schedule change purges the cached pages at once', async () => {
    const { live } = app.services;
    clock.set('2025-10-21T18:30:00Z');
    assert.equal(await isLive('/'), false);
    await live.createProgramme(siteId, {
      title: 'Evening News',
      description: '',
      startsAt: new Date('2025-10-21T18:00:00Z'),
      endsAt: new Date('2025-10-21T19:00:00Z'),
      host: null,
      imageUrl: null,
      recurrence: 'none',
    });
    assert.equal(await isLive('/'), true, 'a programme added that airs now');
    const channel = (await live.channel(siteId))!;
    await live.saveChannel(siteId, { ...channel, onAir: false });
    assert.equal(await isLive('/'), false, 'off air');
    await live.saveChannel(siteId, { ...channel, onAir: true });
    assert.equal(await isLive('/'), true);
    const programme = (await live.programmes(siteId)).find((p) => p.title === 'Evening News');
    await live.deleteProgramme(programme!.id);
    assert.equal(await isLive('/'), false, 'its programme deleted');
  });
});
