/**
 * The test card Dateline serves itself, so /live plays on a fresh install with no network and no
 * ffmpeg. Four 2-second H.264 (constrained baseline) + AAC MPEG-TS segments, made once with:
 *
 *   ffmpeg -f lavfi -i testsrc2=size=426x240:rate=25 -f lavfi -i sine=frequency=440:sample_rate=44100 \
 *     -t 8 -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -b:v 180k -maxrate 200k \
 *     -bufsize 400k -g 50 -keyint_min 50 -sc_threshold 0 -c:a aac -b:a 48k -ac 1 \
 *     -f hls -hls_time 2 -hls_list_size 0 -hls_segment_filename 'segment-%d.ts' card.m3u8
 *
 * (stored as `.mpegts`: a `.ts` file would look like TypeScript to the tools) and looped forever
 * by a live-style media playlist whose window follows the clock.
 */

export const TEST_CARD_PATHS = {
  master: '/live/test-card/master.m3u8',
  media: '/live/test-card/stream.m3u8',
  poster: '/live/test-card/poster.jpg',
} as const;

/**
 * Segment numbers count from here. hls.js keeps per-discontinuity state in arrays indexed by the
 * discontinuity number and slows down (fails to keep up, at 100 million) when it is large, so
 * the numbers count from a recent date rather than from 1970: 10,800 loops a day.
 */
const STREAM_EPOCH = Date.UTC(2025, 0, 1);

export const testCard = {
  segments: 4,
  segmentSeconds: 2,
  /** Segments listed in the live window: three target durations is the least HLS allows; five is kinder. */
  window: 5,
  codecs: 'avc1.42c01e,mp4a.40.2',
  resolution: '426x240',
  bandwidth: 300_000,
};

export function testCardMaster(): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-STREAM-INF:BANDWIDTH=${testCard.bandwidth},RESOLUTION=${testCard.resolution},CODECS="${testCard.codecs}"`,
    'stream.m3u8',
    '',
  ].join('\n');
}

/**
 * The live media playlist at `at`: the newest `window` segments of an endless loop, numbered by
 * the clock (so every node and every reload agree), with a discontinuity where the loop starts
 * over (its timestamps restart there). Each airing of a segment has its own URL (`live-N.ts`
 * serves segment N mod 4): players, hls.js among them, tell segments apart by URL.
 *
 * @example
 * testCardPlaylist(new Date('2025-10-21T12:00:00Z')) // '#EXTM3U … #EXT-X-MEDIA-SEQUENCE:880718396 …'
 */
export function testCardPlaylist(at: Date): string {
  const { segments, segmentSeconds, window } = testCard;
  const elapsed = Math.max(0, at.getTime() - STREAM_EPOCH);
  const newest = Math.floor(elapsed / (segmentSeconds * 1000)) + window - 1;
  const first = newest - window + 1;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${segmentSeconds}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    // Every loop start before the first listed segment was a discontinuity.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / segments)}`,
  ];
  for (let sequence = first; sequence <= newest; sequence++) {
    if (sequence !== first && sequence % segments === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXTINF:${segmentSeconds.toFixed(3)},`, `live-${sequence}.ts`);
  }
  lines.push('');
  return lines.join('\n');
}
