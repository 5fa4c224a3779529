/**
 * The reader pages the newsroom's work changes, checked like the others: a media-library image
 * (featured and in the body), a correction, a curated home page. Valid HTML (Nu checker), no axe
 * violations in Chromium at phone and desktop widths, and the browser picks the AVIF rendition
 * at the width it needs, in the space width/height reserved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { ADMIN, buildAdminTestApp, signIn } from '../src/testing/admin-api.ts';
import { axeViolations, launchChromium } from '../src/testing/browser.ts';
import { multipart } from '../src/testing/multipart.ts';
import { nuCheckerErrors, nuCheckerRuns } from '../src/testing/nu-checker.ts';

/** Builds the pages: one article with a library image and a correction, curated onto the home page. */
async function newsroomPages() {
  const built = await buildAdminTestApp();
  const { app, fixture, users } = built;
  const editor = await signIn(app, users.editor.email);
  const bytes = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: 30, g: 90, b: 160 } },
  })
    .jpeg()
    .toBuffer();
  const uploaded = await editor.request({
    method: 'POST',
    url: `${ADMIN}/media`,
    ...multipart([
      { name: 'siteId', value: String(fixture.site.id) },
      { name: 'alt', value: 'Boats in the harbour at dawn' },
      { name: 'caption', value: 'The harbour at dawn.' },
      { name: 'credit', value: 'Ann Photographer' },
      { name: 'file', filename: 'harbour.jpg', type: 'image/jpeg', bytes },
    ]),
  });
  const media = uploaded.json().data;
  const image = {
    src: media.url,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    width: media.width,
    height: media.height,
  };
  const ids: number[] = [];
  let articlePath = '';
  for (const headline of ['Harbour reopens after the storm', 'Ferries run again']) {
    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: {
        siteId: fixture.site.id,
        sectionId: fixture.europe.id,
        headline,
        summary: 'The port is open again.',
        featuredImage: image,
        body: [
          { type: 'paragraph', text: 'Boats left at first light.' },
          { type: 'image', ...image, alt: 'The harbour from the lighthouse' },
          { type: 'paragraph', text: 'The harbour master said the quays were safe.' },
        ],
      },
    });
    const { id, slug } = created.json();
    await editor.request({ method: 'POST', url: `${ADMIN}/articles/${id}/publish` });
    ids.push(id);
    articlePath ||= `/world/europe/${slug}/${id}`;
  }
  await editor.request({
    method: 'POST',
    url: `${ADMIN}/articles/${ids[0]}/corrections`,
    payload: { text: 'An earlier version of this article misnamed the harbour master.' },
  });
  await editor.request({
    method: 'PUT',
    url: `${ADMIN}/sites/${fixture.site.id}/home`,
    payload: { articleIds: [ids[1], ids[0]] },
  });
  return { ...built, articlePath, media };
}

describe('newsroom-made reader pages', async () => {
  const built = await newsroomPages();
  const { app, articlePath } = built;
  const get = async (url: string) => (await app.inject({ url, headers: { host: 'daily.test' } })).body;
  after(async () => {
    await app.close();
  });

  test('the Nu HTML checker finds no errors', { skip: !nuCheckerRuns }, async () => {
    const pages: [string, string][] = [
      ['home', await get('/')],
      ['article', await get(articlePath)],
    ];
    assert.deepEqual(nuCheckerErrors(pages), []);
  });

  describe('in Chromium', async () => {
    const browser = await launchChromium();
    let origin = '';
    before(async () => {
      if (!browser) return;
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    });
    after(() => browser?.close());

    for (const width of [390, 1280]) {
      test(`at ${width} px: no axe violations, AVIF at the width needed, no layout shift`, {
        skip: !browser,
      }, async () => {
        for (const path of ['/', articlePath]) {
          const page = await browser!.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
          const response = await page.goto(origin + path, { waitUntil: 'load' });
          assert.equal(response?.status(), 200);
          assert.deepEqual(await axeViolations(page), [], `${path} at ${width}`);
          const images = await page.$$eval('picture img', (imgs) =>
            imgs.map((img) => {
              const i = img as HTMLImageElement;
              return {
                src: i.currentSrc,
                natural: i.naturalWidth,
                shown: i.clientWidth,
                ratio: i.clientHeight / i.clientWidth,
              };
            }),
          );
          assert.ok(images.length > 0, path);
          for (const image of images) {
            if (image.shown === 0) continue;
            assert.match(image.src, /\.avif$/, `${path}: ${image.src}`);
            assert.ok(
              image.natural >= Math.min(image.shown, 1600) * 0.9,
              `${path}: ${image.natural} for ${image.shown} px`,
            );
            assert.ok(image.natural <= 1600, 'never more than the original');
          }
          if (path === articlePath) {
            const figure = images[0]!;
            assert.ok(
              Math.abs(figure.ratio - 900 / 1600) < 0.02,
              `the space kept is the image's (${figure.ratio})`,
            );
            assert.match((await page.textContent('.corrections')) ?? '', /misnamed the harbour master/);
          }
          await page.close();
        }
      });
    }
  });
});
