/**
 * How a media-library image is named: one content hash, a few widths, three formats. The media
 * library (newsroom) writes the files by these names and the reader site derives `srcset` from
 * an image's URL alone, so an article's stored image needs no lookup when its page renders.
 *
 * `/media/<hash>-<width>.<ext>`; the URL an image is stored with is its widest JPEG.
 */

/** The widths made of every upload, never wider than the original. */
export const MEDIA_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920];

export const MEDIA_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

const extensions: Record<MediaFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
const maxWidth = MEDIA_WIDTHS[MEDIA_WIDTHS.length - 1]!;

/** The widths made of an image `originalWidth` pixels wide: the standard ones below it, then its own (at most 1920). */
export function mediaWidths(originalWidth: number): number[] {
  const widest = Math.min(originalWidth, maxWidth);
  return [...MEDIA_WIDTHS.filter((w) => w < widest), widest];
}

/** `ab12…-640.webp`. */
export function mediaFileName(hash: string, width: number, format: MediaFormat): string {
  return `${hash}-${width}.${extensions[format]}`;
}

export function mediaPath(hash: string, width: number, format: MediaFormat): string {
  return `/media/${mediaFileName(hash, width, format)}`;
}

const fileNamePattern = /^([0-9a-f]{32})-([1-9]\d{0,3})\.(avif|webp|jpg)$/;

/** The parts of a media file name, or null when it is not one (what the file route serves). */
export function parseMediaFileName(
  name: string,
): { hash: string; width: number; format: MediaFormat } | null {
  const match = fileNamePattern.exec(name);
  if (!match) return null;
  const format = (Object.keys(extensions) as MediaFormat[]).find((f) => extensions[f] === match[3])!;
  return { hash: match[1]!, width: Number(match[2]), format };
}

export interface MediaRenditions {
  readonly hash: string;
  readonly widths: readonly number[];
  /** `srcset` for one format: "/media/…-320.webp 320w, /media/…-640.webp 640w". */
  srcset(format: MediaFormat): string;
}

/**
 * A media-library image's renditions, from the URL it is stored with (its widest JPEG), or null
 * for any other image (demo art, a wire photo's URL), which pages then show as they are.
 *
 * @example
 * mediaRenditions('/media/0123…cdef-960.jpg')?.widths; // [320, 640, 960]
 */
export function mediaRenditions(src: string): MediaRenditions | null {
  if (!src.startsWith('/media/')) return null;
  const parsed = parseMediaFileName(src.slice('/media/'.length));
  if (parsed?.format !== 'jpeg') return null;
  const widths = mediaWidths(parsed.width);
  if (widths[widths.length - 1] !== parsed.width) return null;
  return {
    hash: parsed.hash,
    widths,
    srcset: (format) => widths.map((w) => `${mediaPath(parsed.hash, w, format)} ${w}w`).join(', '),
  };
}
