/**
 * Where the media library keeps its rendition files: one port, two adapters shaped alike. A
 * directory (MEDIA_DIR: local disk, or a shared mount every node sees) or an S3-compatible
 * bucket (media-storage-s3.ts) when MEDIA_S3_BUCKET is set. Names are content hashes, so a
 * file is written once and never changes; both adapters store it all or nothing.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredMediaFile {
  readonly body: Readable;
  readonly size: number;
  readonly modifiedAt: Date;
}

export interface MediaStorage {
  /** "directory" or "s3", for logs and tests. */
  readonly kind: 'directory' | 's3';
  has(name: string): Promise<boolean>;
  /** Stores the file under `name`; a reader sees all of it or none. */
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Removes the file (no error when there is none). */
  remove(name: string): Promise<void>;
  /** The file to serve, or null when there is none. */
  open(name: string): Promise<StoredMediaFile | null>;
}

/**
 * Files under `<dir>/<first two characters>/<name>`, so no folder grows past a few thousand.
 *
 * @example
 * const storage = createDirectoryMediaStorage(config.mediaDir);
 */
export function createDirectoryMediaStorage(dir: string): MediaStorage {
  const pathOf = (name: string) => join(dir, name.slice(0, 2), name);
  return {
    kind: 'directory',
    async has(name) {
      return stat(pathOf(name)).then(
        (info) => info.isFile(),
        () => false,
      );
    },
    async put(name, bytes) {
      const target = pathOf(name);
      await mkdir(join(dir, name.slice(0, 2)), { recursive: true });
      // A temporary name, then a rename: another node never serves half a file.
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes, { flag: 'wx' });
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
    },
    async remove(name) {
      await rm(pathOf(name), { force: true });
    },
    async open(name) {
      const path = pathOf(name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return null;
      return { body: createReadStream(path), size: info.size, modifiedAt: info.mtime };
    },
  };
}
