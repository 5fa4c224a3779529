import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

export interface Asset {
  readonly path: string;
  readonly body: Buffer;
  readonly contentType: string;
}

export interface SiteAssets {
  readonly css: Asset;
  readonly js: Asset;
  byPath(path: string): Asset | undefined;
}

/**
 * Loads the stylesheet and bundles the progressive-enhancement script with esbuild, once, at
 * start. Names carry a content hash so they can be cached forever.
 */
export function buildSiteAssets(): SiteAssets {
  const cssSource = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');
  const css = transformSync(cssSource, { loader: 'css', minify: true }).code;
  const tsSource = readFileSync(new URL('./assets/site-script.ts', import.meta.url), 'utf8');
  const js = transformSync(tsSource, { loader: 'ts', minify: true, format: 'iife', target: 'es2020' }).code;
  const assets = [
    hashed('site', 'css', css, 'text/css; charset=utf-8'),
    hashed('site', 'js', js, 'text/javascript; charset=utf-8'),
  ];
  const byPath = new Map(assets.map((a) => [a.path, a]));
  return { css: assets[0]!, js: assets[1]!, byPath: (path) => byPath.get(path) };
}

function hashed(name: string, ext: string, text: string, contentType: string): Asset {
  const body = Buffer.from(text);
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
  return { path: `/assets/${name}.${hash}.${ext}`, body, contentType };
}
