/**
 * The media storage port, the same cases on both adapters: a directory and an S3-compatible
 * bucket (s3rver, a local S3 server over real HTTP). Then an upload through the admin API with
 * MEDIA_S3_* set: the renditions land in the bucket and /media serves them from there.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import S3rver from 's3rver';
import sharp from 'sharp';
import { loadConfig } from '../platform/index.ts';
import { ADMIN, buildAdminTestApp, signIn } from '../testing/admin-api.ts';
import { freePort } from '../testing/free-port.ts';
import { multipart } from '../testing/multipart.ts';
import { createDirectoryMediaStorage, type MediaStorage } from './media-storage.ts';
import { createS3MediaStorage } from './media-storage-s3.ts';

const bucket = 'dateline-media';
const credentials = { MEDIA_S3_ACCESS_KEY_ID: 'S3RVER', MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER' };

describe('media storage', async () => {
  const work = await mkdtemp(join(tmpdir(), 'dateline-storage-'));
  const port = await freePort();
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const s3Env = { MEDIA_S3_BUCKET: bucket, MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`, ...credentials };
  before(async () => {
    await server.run();
  });
  after(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  const adapters: [string, () => MediaStorage][] = [
    ['directory', () => createDirectoryMediaStorage(join(work, 'dir'))],
    ['s3', () => createS3MediaStorage(loadConfig({ env: s3Env }).mediaS3!)],
  ];
  for (const [kind, make] of adapters) {
    test(`${kind}: put, has, open and remove`, async () => {
      const storage = make();
      assert.equal(storage.kind, kind);
      const name = `${'ab'.repeat(16)}-320.jpg`;
      assert.equal(await storage.has(name), false);
      assert.equal(await storage.open(name), null);
      await storage.put(name, Buffer.from('not really a jpeg'), 'image/jpeg');
      assert.equal(await storage.has(name), true);
      const file = await storage.open(name);
      assert.ok(file);
      assert.equal(file.size, 17);
      assert.equal(await text(file.body), 'not really a jpeg');
      assert.ok(file.modifiedAt.getTime() > Date.now() - 60_000);
      await storage.remove(name);
      assert.equal(await storage.has(name), false);
      await storage.remove(name); // removing what is gone is no error
    });
  }

  test('s3: a storage that cannot be reached fails the call instead of answering "missing"', async () => {
    const gone = await freePort();
    const storage = createS3MediaStorage(
      loadConfig({ env: { ...s3Env, MEDIA_S3_ENDPOINT: `http://127.0.0.1:${gone}` } }).mediaS3!,
    );
    await assert.rejects(storage.has(`${'cd'.repeat(16)}-320.jpg`));
  });

  test('bad MEDIA_S3_ settings name themselves', () => {
    assert.throws(
      () => loadConfig({ env: { MEDIA_S3_ENDPOINT: 'http://x' } }),
      /^ConfigError: MEDIA_S3_BUCKET: /,
    );
    assert.throws(() => loadConfig({ env: { MEDIA_S3_BUCKET: 'Not_A_Bucket' } }), /MEDIA_S3_BUCKET: /);
    assert.throws(
      () => loadConfig({ env: { MEDIA_S3_BUCKET: bucket, MEDIA_S3_ENDPOINT: 'ftp://x' } }),
      /MEDIA_S3_ENDPOINT: /,
    );
    assert.throws(
      () => loadConfig({ env: { MEDIA_S3_BUCKET: bucket, MEDIA_S3_ACCESS_KEY_ID: 'k' } }),
      /MEDIA_S3_SECRET_ACCESS_KEY: /,
    );
  });

  test('an upload with MEDIA_S3_* set stores its renditions in the bucket and /media serves them', async () => {
    const { app, fixture, users, dataDir } = await buildAdminTestApp({ env: s3Env });
    try {
      const writer = await signIn(app, users.writer.email);
      const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6' } })
        .jpeg()
        .toBuffer();
      const res = await writer.request({
        method: 'POST',
        url: `${ADMIN}/media`,
        ...multipart([
          { name: 'siteId', value: String(fixture.site.id) },
          { name: 'alt', value: 'A green field' },
          { name: 'file', filename: 'field.jpg', type: 'image/jpeg', bytes },
        ]),
      });
      assert.equal(res.statusCode, 201, res.body);
      const { sizes } = res.json().data as { sizes: { url: string; format: string; bytes: number }[] };
      const s3 = createS3MediaStorage(loadConfig({ env: s3Env }).mediaS3!);
      for (const size of sizes) {
        const name = size.url.split('/').pop()!;
        assert.equal(await s3.has(name), true, `${name} is in the bucket`);
        const served = await app.inject({ url: size.url, headers: { host: 'daily.test' } });
        assert.equal(served.statusCode, 200, size.url);
        assert.equal(served.rawPayload.length, size.bytes);
        assert.match(String(served.headers['cache-control']), /immutable/);
      }
      // Nothing went to the local media folder.
      assert.equal(
        await createDirectoryMediaStorage(join(dataDir, 'media')).has(sizes[0]!.url.split('/').pop()!),
        false,
      );
      const missing = await app.inject({
        url: `/media/${'ef'.repeat(16)}-320.jpg`,
        headers: { host: 'daily.test' },
      });
      assert.equal(missing.statusCode, 404);
    } finally {
      await app.close();
    }
  });
});
