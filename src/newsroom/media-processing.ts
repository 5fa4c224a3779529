/**
 * What the media library makes of an upload, with sharp: the format sniffed from the bytes
 * (never the file name), the image turned upright by its EXIF orientation, then every width of
 * `mediaWidths` in AVIF, WebP and JPEG. sharp writes no metadata unless asked, so EXIF (GPS,
 * camera serials), XMP and IPTC are gone from every rendition; colours are converted to sRGB.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { MEDIA_FORMATS, type MediaFormat, mediaWidths } from '../content/index.ts';

/** Formats taken as uploads, by sharp's name for them. SVG is not (it can carry scripts). */
const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'tiff']);
/** Larger images are refused before they are decoded (a small file can decode to gigabytes). */
export const MAX_PIXELS = 50_000_000;

export interface Rendition {
  readonly width: number;
  readonly height: number;
  readonly format: MediaFormat;
  readonly bytes: Buffer;
}

export interface ProcessedImage {
  /** 32 hex digits of the SHA-256 of the uploaded bytes: the files' name. */
  readonly hash: string;
  /** jpeg, png, webp, gif, avif or tiff. */
  readonly format: string;
  /** The original's size, upright. */
  readonly width: number;
  readonly height: number;
  readonly renditions: readonly Rendition[];
}

export type ProcessResult =
  | { readonly ok: true; readonly image: ProcessedImage }
  | { readonly ok: false; readonly reason: 'not_image' | 'too_many_pixels'; readonly message: string };

const encoders: Record<MediaFormat, (image: Sharp) => Sharp> = {
  // Effort 2 of 9: AVIF's encoder is the slow one, and a newsroom waits on the upload.
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 78 }),
  // JPEG has no transparency: a PNG's clear pixels become white, not black.
  jpeg: (image) =>
    image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true, progressive: true }),
};

/**
 * @example
 * const result = await processImage(await readFile('photo.jpg'));
 * if (result.ok) result.image.renditions.length; // widths × 3 formats
 */
export async function processImage(bytes: Buffer): Promise<ProcessResult> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return notImage();
  }
  if (!metadata.format || !acceptedFormats.has(metadata.format) || !metadata.width || !metadata.height) {
    return notImage();
  }
  if (metadata.width * metadata.height > MAX_PIXELS) {
    return {
      ok: false,
      reason: 'too_many_pixels',
      message: `The image is ${metadata.width}×${metadata.height} pixels; the media library takes up to ${MAX_PIXELS / 1_000_000} megapixels. Make it smaller and upload it again.`,
    };
  }
  // Orientations 5 to 8 turn the image a quarter: its upright width is its stored height.
  const turned = (metadata.orientation ?? 1) >= 5;
  const width = turned ? metadata.height : metadata.width;
  const height = turned ? metadata.width : metadata.height;
  try {
    // Decoded once, upright, as raw pixels: each width resizes from memory, not from the file.
    const upright = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: upright.info.width, height: upright.info.height, channels: upright.info.channels };
    const renditions: Rendition[] = [];
    for (const target of mediaWidths(width)) {
      const resized = sharp(upright.data, { raw, limitInputPixels: MAX_PIXELS }).resize({
        width: target,
        withoutEnlargement: true,
      });
      for (const format of MEDIA_FORMATS) {
        const { data, info } = await encoders[format](resized.clone()).toBuffer({ resolveWithObject: true });
        renditions.push({ width: info.width, height: info.height, format, bytes: data });
      }
    }
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const format = metadata.format === 'heif' ? 'avif' : metadata.format;
    return { ok: true, image: { hash, format, width, height, renditions } };
  } catch {
    // The header read fine but the pixels do not decode: a truncated or corrupt file.
    return notImage('The file looks like an image but cannot be read (is it complete?).');
  }
}

function notImage(
  message = 'The file is not an image the media library takes: upload a JPEG, PNG, WebP, GIF, AVIF or TIFF.',
): ProcessResult {
  return { ok: false, reason: 'not_image', message };
}
