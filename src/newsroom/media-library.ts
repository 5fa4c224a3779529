/**
 * The media library: uploads processed into renditions (media-processing.ts), kept as files
 * named by content hash in the media storage (a directory under MEDIA_DIR, or an S3 bucket; see
 * media-storage.ts), and one `media` row per upload with its caption, credit and alt text. The
 * same picture uploaded twice shares its files.
 *
 * Nothing is half-stored: each rendition is stored whole (the storage's promise), the row is
 * inserted last, and if anything fails the files this upload created are removed.
 */
import type { Kysely } from 'kysely';
import { type MediaFormat, mediaFileName, mediaPath } from '../content/index.ts';
import type { Clock, Database } from '../platform/index.ts';
import { readJson, readTime, writeTime } from '../platform/index.ts';
import { type ProcessedImage, processImage } from './media-processing.ts';
import { createDirectoryMediaStorage, type MediaStorage, type StoredMediaFile } from './media-storage.ts';

export interface MediaSize {
  readonly width: number;
  readonly height: number;
  readonly format: MediaFormat;
  readonly url: string;
  readonly bytes: number;
}

export interface MediaItem {
  readonly id: number;
  readonly siteId: number;
  /** The widest JPEG: what an article stores as the image's `src`. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly originalName: string;
  readonly format: string;
  readonly sizes: readonly MediaSize[];
  readonly uploadedBy: number | null;
  readonly createdAt: Date;
}

export interface MediaUploadInput {
  readonly siteId: number;
  readonly bytes: Buffer;
  readonly originalName: string;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly uploadedBy: number | null;
}

export type MediaUploadResult =
  | { readonly ok: true; readonly item: MediaItem }
  | { readonly ok: false; readonly reason: 'not_image' | 'too_many_pixels'; readonly message: string };

export interface MediaLibrary {
  upload(input: MediaUploadInput): Promise<MediaUploadResult>;
  list(query: { siteId: number; page?: number; pageSize?: number }): Promise<{
    items: MediaItem[];
    total: number;
    page: number;
    pageSize: number;
  }>;
  /** A rendition's file, for the file route; null when there is none. */
  openFile(name: string): Promise<StoredMediaFile | null>;
}

const contentTypes = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' } as const;

/**
 * @example
 * const media = createMediaLibrary({ db, clock, mediaDir: config.mediaDir });
 * const result = await media.upload({ siteId: 1, bytes, originalName: 'harbour.jpg', alt: '…', caption: '', credit: '', uploadedBy: 3 });
 */
export function createMediaLibrary(deps: {
  db: Kysely<Database>;
  clock: Clock;
  mediaDir: string;
  /** Where the files go; a directory under `mediaDir` when absent. */
  storage?: MediaStorage;
}): MediaLibrary {
  const { db, clock } = deps;
  const storage = deps.storage ?? createDirectoryMediaStorage(deps.mediaDir);
  const removeAll = (names: readonly string[]) =>
    Promise.all(names.map((name) => storage.remove(name).catch(() => {})));

  /** Stores the renditions that are not stored yet; answers the names it created. */
  async function writeRenditions(image: ProcessedImage): Promise<string[]> {
    const created: string[] = [];
    try {
      for (const rendition of image.renditions) {
        const name = mediaFileName(image.hash, rendition.width, rendition.format);
        if (await storage.has(name)) continue;
        await storage.put(name, rendition.bytes, contentTypes[rendition.format]);
        created.push(name);
      }
      return created;
    } catch (error) {
      await removeAll(created);
      throw error;
    }
  }

  return {
    openFile: (name) => storage.open(name),

    async upload(input) {
      const processed = await processImage(input.bytes);
      if (!processed.ok) return processed;
      const { image } = processed;
      const sizes: MediaSize[] = image.renditions.map((r) => ({
        width: r.width,
        height: r.height,
        format: r.format,
        url: mediaPath(image.hash, r.width, r.format),
        bytes: r.bytes.length,
      }));
      const created = await writeRenditions(image);
      try {
        const at = clock.now();
        const { id } = await db
          .insertInto('media')
          .values({
            site_id: input.siteId,
            hash: image.hash,
            original_name: input.originalName,
            format: image.format,
            width: image.width,
            height: image.height,
            alt: input.alt,
            caption: input.caption,
            credit: input.credit,
            sizes: JSON.stringify(sizes),
            uploaded_by: input.uploadedBy,
            created_at: writeTime(at),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return {
          ok: true,
          item: toItem({
            id,
            site_id: input.siteId,
            hash: image.hash,
            original_name: input.originalName,
            format: image.format,
            width: image.width,
            height: image.height,
            alt: input.alt,
            caption: input.caption,
            credit: input.credit,
            sizes,
            uploaded_by: input.uploadedBy,
            created_at: at,
          }),
        };
      } catch (error) {
        await removeAll(created);
        throw error;
      }
    },

    async list({ siteId, page: wanted = 1, pageSize: size = 30 }) {
      const page = Math.max(1, Math.floor(wanted));
      const pageSize = Math.min(100, Math.max(1, Math.floor(size)));
      const base = db.selectFrom('media').where('site_id', '=', siteId);
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toItem), total: Number(count.n), page, pageSize };
    },
  };
}

function toItem(row: {
  id: number;
  site_id: number;
  hash: string;
  original_name: string;
  format: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  sizes: unknown;
  uploaded_by: number | null;
  created_at: Date | string;
}): MediaItem {
  const sizes = readJson<MediaSize[]>(row.sizes, []);
  const widest = Math.max(...sizes.map((s) => s.width));
  return {
    id: row.id,
    siteId: row.site_id,
    url: mediaPath(row.hash, widest, 'jpeg'),
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    originalName: row.original_name,
    format: row.format,
    sizes,
    uploadedBy: row.uploaded_by,
    createdAt: readTime(row.created_at)!,
  };
}
