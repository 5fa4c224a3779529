import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { transformSync } from 'esbuild';

/** A static file with a content-hashed name (shaped like the site's assets). */
export interface LiveAsset {
  readonly path: string;
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * The /live player, made once at start: hls.js's own minified build followed by our player
 * script (TypeScript, compiled by esbuild). Only the /live page loads it: hls.js is about 620 KB
 * minified (190 KB compressed) and no other page needs it. Bundling hls.js from source with
 * esbuild gives the same size but costs a second of CPU at every start (and in every test).
 */
export function buildLivePlayerAsset(): LiveAsset {
  const require = createRequire(import.meta.url);
  const hls = readFileSync(require.resolve('hls.js/dist/hls.min.js'), 'utf8').replace(
    /\n\/\/# sourceMappingURL=\S+\s*$/,
    '\n',
  );
  const source = readFileSync(new URL('./player/live-player.ts', import.meta.url), 'utf8');
  const player = transformSync(source, { loader: 'ts', minify: true, format: 'iife', target: 'es2020' }).code;
  const body = Buffer.from(`${hls}\n${player}`);
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
  return { path: `/assets/live-player.${hash}.js`, body, contentType: 'text/javascript; charset=utf-8' };
}
