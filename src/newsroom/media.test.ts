/**
 * The media library over HTTP: real images made by sharp in the test (a JPEG with EXIF
 * orientation and GPS, a PNG with transparency, a GIF), a file that only claims to be an image,
 * an oversized upload; the files served under /media; and reader pages using them.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { ADMIN, buildAdminTestApp, type SignedInClient, signIn } from '../testing/admin-api.ts';
import { multipart, type MultipartPart as Part } from '../testing/multipart.ts';

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({
    create: {
      width,
      height,
      channels,
      background: { r: 200, g: 60, b: 40, alpha: channels === 4 ? 0.5 : 1 },
    },
  });

async function filesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) found.push(...(await filesIn(join(dir, entry.name))));
    else found.push(entry.name);
  }
  return found;
}

describe('media library', async () => {
  const mediaDir = await mkdtemp(join(tmpdir(), 'dateline-media-'));
  const { app, fixture, users } = await buildAdminTestApp({
    env: { MEDIA_DIR: mediaDir, MEDIA_MAX_BYTES: '300000' },
  });
  let writer: SignedInClient;
  before(async () => {
    writer = await signIn(app, users.writer.email);
  });
  after(async () => {
    await app.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const upload = (
    file: { filename: string; type: string; bytes: Buffer } | null,
    fields: Record<string, string> = {},
  ) => {
    const parts: Part[] = [
      { name: 'siteId', value: String(fixture.site.id) },
      ...Object.entries({ alt: 'A red square', ...fields }).map(([name, value]) => ({ name, value })),
      ...(file ? [{ name: 'file', ...file }] : []),
    ];
    return writer.request({ method: 'POST', url: `${ADMIN}/media`, ...multipart(parts) });
  };
  const fetchFile = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'daily.test' } });

  test('a JPEG turned by EXIF and carrying GPS: upright renditions in three formats, metadata gone', async () => {
    const bytes = await solid(1200, 800)
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Copyright: 'Test Camera Owner', Model: 'Secret Camera 3000' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '51/1 30/1 0/1',
          GPSLongitudeRef: 'W',
          GPSLongitude: '0/1 7/1 0/1',
        },
      })
      .jpeg()
      .toBuffer();
    const input = await sharp(bytes).metadata();
    assert.equal(input.orientation, 6, 'the test image is stored sideways');
    assert.match(input.exif!.toString('latin1'), /Secret Camera 3000/);

    const res = await upload(
      { filename: 'harbour.jpg', type: 'image/jpeg', bytes },
      { caption: 'The harbour at dawn', credit: 'Ann Photographer' },
    );
    assert.equal(res.statusCode, 201, res.body);
    const { data } = res.json();
    assert.equal(data.width, 800, 'upright: the stored height is the width');
    assert.equal(data.height, 1200);
    assert.equal(data.alt, 'A red square');
    assert.equal(data.caption, 'The harbour at dawn');
    assert.equal(data.credit, 'Ann Photographer');
    assert.match(data.url, /^\/media\/[0-9a-f]{32}-800\.jpg$/);
    const widths = [...new Set(data.sizes.map((s: { width: number }) => s.width))];
    assert.deepEqual(
      widths,
      [320, 640, 800],
      'standard widths below the original, then its own; never wider',
    );
    assert.deepEqual([...new Set(data.sizes.map((s: { format: string }) => s.format))].sort(), [
      'avif',
      'jpeg',
      'webp',
    ]);

    for (const size of data.sizes as { url: string; width: number; height: number; format: string }[]) {
      const file = await fetchFile(size.url);
      assert.equal(file.statusCode, 200, size.url);
      assert.equal(
        file.headers['content-type'],
        { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' }[size.format],
      );
      assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
      const meta = await sharp(file.rawPayload).metadata();
      assert.equal(meta.width, size.width);
      assert.equal(meta.height, size.height);
      assert.ok(size.height > size.width, `${size.url} is upright`);
      assert.equal(meta.exif, undefined, `${size.url} has no EXIF`);
      assert.equal(meta.orientation, undefined);
      assert.doesNotMatch(file.rawPayload.toString('latin1'), /Secret Camera|GPS|Test Camera Owner/);
    }
    const audit = await app.services.newsroom.audit.list({ action: 'media.upload' });
    assert.equal(audit.items[0]?.subjectId, data.id);
  });

  test('a PNG and a GIF are taken, by their bytes; small images are never upscaled', async () => {
    const png = await solid(400, 300, 4).png().toBuffer();
    const res = await upload({ filename: 'chart.png', type: 'image/png', bytes: png });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([...new Set(res.json().data.sizes.map((s: { width: number }) => s.width))], [320, 400]);
    assert.equal(res.json().data.format, 'png');

    const gif = await solid(120, 90).gif().toBuffer();
    // The name and the declared type are ignored: the bytes say GIF.
    const res2 = await upload({ filename: 'icon.txt', type: 'text/plain', bytes: gif });
    assert.equal(res2.statusCode, 201, res2.body);
    const { data } = res2.json();
    assert.equal(data.format, 'gif');
    assert.deepEqual(
      data.sizes.map((s: { width: number; height: number }) => [s.width, s.height]),
      [
        [120, 90],
        [120, 90],
        [120, 90],
      ],
    );
  });

  test('not an image (whatever its name), an SVG, an oversized file: refused, nothing stored', async () => {
    const before = {
      files: await filesIn(mediaDir),
      rows: (await app.services.newsroom.media.list({ siteId: fixture.site.id })).total,
    };
    const fake = await upload({
      filename: 'photo.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('GIF89a but not really, just text'),
    });
    assert.equal(fake.statusCode, 415, fake.body);
    assert.equal(fake.json().error, 'MEDIA_UNSUPPORTED_TYPE');
    assert.match(fake.json().message, /not an image.*JPEG, PNG, WebP, GIF.*Nothing was stored/);

    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    const svgRes = await upload({ filename: 'logo.svg', type: 'image/svg+xml', bytes: svg });
    assert.equal(svgRes.statusCode, 415, svgRes.body);

    const big = await sharp({
      create: {
        width: 600,
        height: 600,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    assert.ok(big.length > 300_000);
    const large = await upload({ filename: 'noise.png', type: 'image/png', bytes: big });
    assert.equal(large.statusCode, 413, large.body);
    assert.equal(large.json().error, 'MEDIA_TOO_LARGE');
    assert.match(large.json().message, /larger than 0\.3 MB.*Nothing was stored/);

    assert.deepEqual(await filesIn(mediaDir), before.files, 'no file left behind');
    assert.equal((await app.services.newsroom.media.list({ siteId: fixture.site.id })).total, before.rows);
  });

  test('bad fields answer 422 per field; the wrong role 403', async () => {
    const png = await solid(50, 50).png().toBuffer();
    const res = await upload(
      { filename: 'a.png', type: 'image/png', bytes: png },
      { alt: ' ', caption: 'x'.repeat(2001), siteId: '999' },
    );
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
      ['alt', 'caption', 'siteId'],
    );
    const none = await upload(null);
    assert.equal(none.statusCode, 422);
    assert.deepEqual(
      none.json().fields.map((f: { field: string }) => f.field),
      ['file'],
    );
    const json = await writer.request({ method: 'POST', url: `${ADMIN}/media`, payload: { file: 'x' } });
    assert.equal(json.statusCode, 415, json.body);
    const moderator = await signIn(app, users.moderator.email);
    const refused = await moderator.request({
      method: 'POST',
      url: `${ADMIN}/media`,
      ...multipart([{ name: 'alt', value: 'x' }]),
    });
    assert.equal(refused.statusCode, 403);
  });

  test("GET /media lists a site's library, newest first; unknown files 404", async () => {
    const res = await writer.request({ method: 'GET', url: `${ADMIN}/media?site=${fixture.site.id}&page=1` });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.total, 3);
    assert.deepEqual(
      body.data.map((m: { originalName: string }) => m.originalName),
      ['icon.txt', 'chart.png', 'harbour.jpg'],
    );
    assert.equal((await writer.request({ method: 'GET', url: `${ADMIN}/media?site=999` })).statusCode, 422);
    assert.equal((await fetchFile(`/media/${'0'.repeat(32)}-320.jpg`)).statusCode, 404);
    assert.equal((await fetchFile('/media/..%2F..%2Fetc%2Fpasswd')).statusCode, 404);
  });

  test('reader pages show library images as <picture> with AVIF/WebP srcset, sizes and width/height', async () => {
    const list = (
      await writer.request({ method: 'GET', url: `${ADMIN}/media?site=${fixture.site.id}` })
    ).json();
    const photo = list.data.find((m: { originalName: string }) => m.originalName === 'harbour.jpg');
    const image = {
      src: photo.url,
      alt: photo.alt,
      caption: photo.caption,
      credit: photo.credit,
      width: photo.width,
      height: photo.height,
    };
    const editor = await signIn(app, users.editor.email);
    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: {
        siteId: fixture.site.id,
        sectionId: fixture.world.id,
        headline: 'Pictures from the harbour',
        featuredImage: image,
        body: [
          { type: 'paragraph', text: 'Dawn broke.' },
          { type: 'image', ...image, alt: 'The harbour again' },
          { type: 'image', src: 'https://photos.example/wire.jpg', alt: 'A wire photo' },
        ],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id, slug } = created.json();
    assert.equal(
      (await editor.request({ method: 'POST', url: `${ADMIN}/articles/${id}/publish` })).statusCode,
      200,
    );
    const page = await fetchFile(`/world/${slug}/${id}`);
    assert.equal(page.statusCode, 200);
    const hash = photo.url.slice('/media/'.length, '/media/'.length + 32);
    const srcset = (ext: string) => [320, 640, 800].map((w) => `/media/${hash}-${w}.${ext} ${w}w`).join(', ');
    assert.ok(
      page.body.includes(
        `<picture><source type="image/avif" srcset="${srcset('avif')}" sizes="(min-width: 44rem) 42rem, 100vw"><source type="image/webp" srcset="${srcset('webp')}" sizes="(min-width: 44rem) 42rem, 100vw"><img src="${photo.url}" srcset="${srcset('jpg')}" sizes="(min-width: 44rem) 42rem, 100vw" alt="A red square" width="800" height="1200" fetchpriority="high"></picture>`,
      ),
      'the featured image',
    );
    assert.match(
      page.body,
      /<picture>.*alt="The harbour again" width="800" height="1200" loading="lazy" decoding="async"><\/picture>/,
    );
    assert.match(
      page.body,
      /<img src="https:\/\/photos.example\/wire.jpg" alt="A wire photo" loading="lazy" decoding="async">/,
    );
    assert.equal(page.body.match(/<picture>/g)?.length, 2);
    const home = await fetchFile('/');
    assert.match(
      home.body,
      new RegExp(
        `<picture><source type="image/avif" srcset="${srcset('avif')}" sizes="\\(min-width: 76rem\\) 48rem, \\(min-width: 64rem\\) 64vw, 100vw">`,
      ),
    );
  });
});
