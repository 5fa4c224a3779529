/**
 * The media storage port over an S3-compatible bucket (AWS S3, MinIO, R2, …) with the AWS SDK.
 * Keys mirror the directory layout (`<first two characters>/<name>`). A PUT is atomic in S3, so
 * no temporary names are needed; with MEDIA_S3_ENDPOINT set, addressing is path-style, which
 * every S3-compatible server understands.
 */
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { MediaS3Config } from '../platform/index.ts';
import type { MediaStorage } from './media-storage.ts';

/**
 * @example
 * const storage = createS3MediaStorage({ bucket: 'media', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', credentials });
 */
export function createS3MediaStorage(config: MediaS3Config): MediaStorage {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
  });
  const Bucket = config.bucket;
  const keyOf = (name: string) => `${name.slice(0, 2)}/${name}`;
  const missing = (error: unknown) => {
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404;
  };
  return {
    kind: 's3',
    async has(name) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(name) }));
        return true;
      } catch (error) {
        if (missing(error)) return false;
        throw error;
      }
    },
    async put(name, bytes, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: keyOf(name),
          Body: bytes,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    },
    async remove(name) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(name) }));
    },
    async open(name) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(name) }));
        if (!object.Body) return null;
        return {
          body:
            object.Body instanceof Readable
              ? object.Body
              : Readable.from(object.Body as unknown as AsyncIterable<Uint8Array>),
          size: object.ContentLength ?? 0,
          modifiedAt: object.LastModified ?? new Date(0),
        };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
  };
}
