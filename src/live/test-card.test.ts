import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fixedClock } from '../platform/index.ts';
import { sqliteDialect } from '../testing/databases.ts';
import { buildTestApp } from '../testing/test-app.ts';
import { TEST_CARD_PATHS, testCardPlaylist } from './index.ts';

test('the live window follows the clock and marks each loop start as a discontinuity', () => {
  // 2 s segments counted from 2025-01-01, five in the window: 12 s later the window is 6 to 10.
  const epoch = Date.UTC(2025, 0, 1);
  const playlist = testCardPlaylist(new Date(epoch + 12_000));
  assert.match(playlist, /#EXT-X-MEDIA-SEQUENCE:6\n/);
  assert.match(playlist, /#EXT-X-DISCONTINUITY-SEQUENCE:1\n/);
  const body = playlist
    .split('\n')
    .filter((l) => !l.startsWith('#EXTM3U') && !/^#EXT-X-(VERSION|TARGET|MEDIA|DISCONTINUITY-SEQ)/.test(l));
  assert.deepEqual(body.filter(Boolean), [
    '#EXTINF:2.000,',
    'live-6.ts',
    '#EXTINF:2.000,',
    'live-7.ts',
    '#EXT-X-DISCONTINUITY',
    '#EXTINF:2.000,',
    'live-8.ts',
    '#EXTINF:2.000,',
    'live-9.ts',
    '#EXTINF:2.000,',
    'live-10.ts',
  ]);
  assert.doesNotMatch(playlist, /ENDLIST/);
  // Two seconds later the window has moved by one segment.
  assert.match(testCardPlaylist(new Date(epoch + 14_000)), /#EXT-X-MEDIA-SEQUENCE:7\n/);
  // Before the epoch the window stands still at the start.
  assert.match(testCardPlaylist(new Date(0)), /#EXT-X-MEDIA-SEQUENCE:0\n/);
});

const database = (await sqliteDialect.open())!;
const clock = fixedClock('2025-10-21T12:00:00Z');
const app = await buildTestApp({ database, clock });
after(async () => {
  await app.close();
  await database.close();
});

test('the test card is served with no site set up: playlists, segments and poster', async () => {
  const master = await app.inject({ url: TEST_CARD_PATHS.master });
  assert.equal(master.statusCode, 200);
  assert.equal(master.headers['content-type'], 'application/vnd.apple.mpegurl');
  assert.match(master.body, /CODECS="avc1\.42c01e,mp4a\.40\.2"\nstream\.m3u8/);
  const media = await app.inject({ url: TEST_CARD_PATHS.media });
  assert.equal(media.headers['cache-control'], 'public, max-age=1');
  assert.match(media.body, /#EXT-X-TARGETDURATION:2/);
  const segment = await app.inject({ url: '/live/test-card/live-880718403.ts' });
  assert.equal(segment.statusCode, 200);
  assert.equal(segment.headers['content-type'], 'video/mp2t');
  assert.equal(segment.rawPayload[0], 0x47, 'an MPEG-TS packet starts with the sync byte');
  assert.deepEqual(segment.rawPayload, (await app.inject({ url: '/live/test-card/live-3.ts' })).rawPayload);
  assert.equal((await app.inject({ url: '/live/test-card/live-x.ts' })).statusCode, 404);
  const poster = await app.inject({ url: TEST_CARD_PATHS.poster });
  assert.equal(poster.headers['content-type'], 'image/jpeg');
});
