/**
 * The /live player in Debian's Chromium: an HLS stream made by ffmpeg during the test, served by
 * a plain node:http server on loopback (another origin, as a CDN would be), played natively and
 * through hls.js; the backup URL taking over from a dead main one; and "On now" across the
 * daylight-saving change, with a controlled clock.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildAdminTestApp } from '../src/testing/admin-api.ts';
import { launchChromium } from '../src/testing/browser.ts';

const ffmpegFound = spawnSync('ffmpeg', ['-version']).status === 0;
if (!ffmpegFound && process.env.CI !== 'true')
  console.log('# notice: ffmpeg not found; skipping the live player tests');
if (!ffmpegFound && process.env.CI === 'true') throw new Error('ffmpeg is required under CI');

/** Eight seconds of test pattern and tone as HLS: four 2-second H.264/AAC segments. */
function makeStream(dir: string) {
  const result = spawnSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=660:sample_rate=44100', '-t', '8'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p'],
      ...['-g', '50', '-sc_threshold', '0', '-c:a', 'aac', '-b:a', '48k', '-ac', '1'],
      ...['-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_filename'],
      ...[join(dir, 'seg-%d.ts'), join(dir, 'index.m3u8')],
    ],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
}

/** A static file server that records what it was asked for, with CORS as a CDN sends it. */
function serveDir(dir: string): Promise<{ server: Server; origin: string; requests: string[] }> {
  const requests: string[] = [];
  const types: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.slice(1);
    requests.push(name);
    let body: Buffer;
    try {
      if (!/^[\w.-]+$/.test(name)) throw new Error('bad name');
      body = readFileSync(join(dir, name));
    } catch {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    res
      .writeHead(200, {
        'content-type': types[extname(name)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      })
      .end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, origin: `http://127.0.0.1:${port}`, requests });
    }),
  );
}

/** A port nothing listens on: the main stream URL that fails. */
async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A server that takes the connection and never answers: a main stream that fails silently. */
async function silentOrigin(): Promise<{ server: Server; origin: string }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${port}` };
}

describe('the live player in Chromium', { skip: !ffmpegFound }, async () => {
  const browser: Browser | null = ffmpegFound ? await launchChromium() : null;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-hls-'));
  let stream: Awaited<ReturnType<typeof serveDir>>;
  let built: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let origin: string;
  let dead: string;
  let silent: Awaited<ReturnType<typeof silentOrigin>>;

  before(async () => {
    if (!browser) return;
    makeStream(dir);
    stream = await serveDir(dir);
    dead = await deadOrigin();
    silent = await silentOrigin();
    built = await buildAdminTestApp();
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://localhost:${(built.app.server.address() as { port: number }).port}`;
  });
  after(async () => {
    await browser?.close();
    await built?.app.close();
    await new Promise((resolve) => (stream ? stream.server.close(resolve) : resolve(null)));
    silent?.server.closeAllConnections();
    await new Promise((resolve) => (silent ? silent.server.close(resolve) : resolve(null)));
    rmSync(dir, { recursive: true, force: true });
  });

  async function setChannel(streamUrl: string, backupUrl: string | null) {
    await built.app.services.live.saveChannel(built.fixture.site.id, {
      name: 'Daily TV',
      streamUrl,
      backupUrl,
      posterUrl: '/live/test-card/poster.jpg',
      onAir: true,
    });
  }

  /** Opens /live, presses play (muted) and answers how far playback got in a few seconds. */
  async function play(query: string): Promise<{ page: Page; advanced: number; errors: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/live${query}`);
    const video = page.locator('video[data-live-player]');
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      v.play().catch(() => undefined);
    });
    await page.waitForFunction(
      () => (document.querySelector('video') as HTMLVideoElement).currentTime > 0.5,
      null,
      {
        // The player gives a silent source ten seconds before it tries the next one.
        timeout: 30_000,
      },
    );
    const first = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await page.waitForTimeout(1500);
    const second = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    return { page, advanced: second - first, errors };
  }

  for (const [engine, query] of [
    ['natively', ''],
    ['through hls.js', '?player=hlsjs'],
  ] as const) {
    test(`plays the stream ${engine}: playlist and segments fetched, currentTime advancing`, {
      skip: !browser,
    }, async () => {
      await setChannel(`${stream.origin}/index.m3u8`, null);
      stream.requests.length = 0;
      const { page, advanced, errors } = await play(query);
      assert.ok(advanced > 0.5, `currentTime advanced by ${advanced}`);
      assert.ok(stream.requests.includes('index.m3u8'), `requests: ${stream.requests.join(', ')}`);
      assert.ok(
        stream.requests.some((r) => /^seg-\d\.ts$/.test(r)),
        `requests: ${stream.requests.join(', ')}`,
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    test(`the backup takes over when the main stream fails (${engine})`, { skip: !browser }, async () => {
      await setChannel(`${dead}/gone.m3u8`, `${stream.origin}/index.m3u8`);
      stream.requests.length = 0;
      const { page, advanced } = await play(query);
      assert.ok(advanced > 0.5, `currentTime advanced by ${advanced}`);
      assert.ok(stream.requests.includes('index.m3u8'), 'the backup playlist was fetched');
      assert.equal(await page.locator('[data-live-status]').isHidden(), true, 'no failure message');
      await page.close();
    });
  }

  test('a main stream that never answers is given up for the backup (natively)', {
    skip: !browser,
  }, async () => {
    await setChannel(`${silent.origin}/hangs.m3u8`, `${stream.origin}/index.m3u8`);
    stream.requests.length = 0;
    const { page, advanced } = await play('');
    assert.ok(advanced > 0.5, `currentTime advanced by ${advanced}`);
    assert.ok(stream.requests.includes('index.m3u8'), 'the backup playlist was fetched');
    assert.equal(await page.locator('[data-live-status]').isHidden(), true, 'no failure message');
    await page.close();
  });

  test('when every source fails, the page says so', { skip: !browser }, async () => {
    await setChannel(`${dead}/gone.m3u8`, `${dead}/also-gone.m3u8`);
    for (const query of ['', '?player=hlsjs']) {
      const page = await browser!.newPage();
      await page.goto(`${origin}/live${query}`);
      // Not awaited: play() stays pending while there is nothing to play.
      await page.locator('video').evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        v.play().catch(() => undefined);
      });
      const status = page.locator('[data-live-status]');
      await status.waitFor({ state: 'visible', timeout: 40_000 });
      assert.match((await status.textContent()) ?? '', /not available right now/);
      await page.close();
    }
  });

  test('“On now” follows the wall clock across the end of daylight saving time', {
    skip: !browser,
  }, async () => {
    const { live } = built.app.services;
    const siteId = built.fixture.site.id;
    await setChannel(`${stream.origin}/index.m3u8`, null);
    const programme = (
      title: string,
      startsAt: string,
      endsAt: string,
      recurrence: 'none' | 'weekly' = 'none',
    ) =>
      live.createProgramme(siteId, {
        title,
        description: '',
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        host: null,
        imageUrl: null,
        recurrence,
      });
    // Sundays 09:00 to 10:00 New York time, first on 25 October 2026 (EDT, 13:00 UTC).
    await programme('Sunday Politics', '2026-10-25T13:00:00Z', '2026-10-25T14:00:00Z', 'weekly');
    // On 1 November the clocks go back at 02:00: 06:00 to 09:00 EST is 11:00 to 14:00 UTC.
    await programme('Sunday Early', '2026-11-01T11:00:00Z', '2026-11-01T14:00:00Z');
    const onNow = async (at: string) => {
      built.clock.set(at);
      const page = await browser!.newPage();
      await page.goto(`${origin}/live`);
      const card = page.locator('.now-card').first();
      const text = {
        title: (await card.locator('.now-title').textContent()) ?? '',
        time: ((await card.locator('.now-time').textContent()) ?? '').replace(/\s+/g, ' '),
        live: await page.locator('.watch-live.is-live').count(),
      };
      await page.close();
      return text;
    };
    // In EDT, 09:00 is 13:00 UTC.
    assert.deepEqual(await onNow('2026-10-25T13:30:00Z'), {
      title: 'Sunday Politics',
      time: '09:00 AM to 10:00 AM EDT',
      live: 1,
    });
    // 08:30 EST: a week after 09:00 EDT is 09:00 EST, not 08:00: the early show is still on.
    assert.deepEqual(await onNow('2026-11-01T13:30:00Z'), {
      title: 'Sunday Early',
      time: '06:00 AM to 09:00 AM EST',
      live: 1,
    });
    assert.deepEqual(await onNow('2026-11-01T14:30:00Z'), {
      title: 'Sunday Politics',
      time: '09:00 AM to 10:00 AM EST',
      live: 1,
    });
  });
});
