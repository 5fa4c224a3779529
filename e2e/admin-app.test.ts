/**
 * The admin web app in Chromium, on the real server over a fresh database with a clock the test
 * moves: write (with an uploaded featured image), preview, publish, edit live, schedule, restore, a
 * conflict between two pages, an expired session that keeps what was typed, and home-page curation.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { ADMIN, buildAdminTestApp, PASSWORD } from '../src/testing/admin-api.ts';
import { expectAccessible, launchChromium } from '../src/testing/browser.ts';
import { TEST_NOW } from '../src/testing/fixed-time.ts';

const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

describe('the admin web app in Chromium', async () => {
  const browser: Browser | null = await launchChromium();
  let app: FastifyInstance;
  let clock: Awaited<ReturnType<typeof buildAdminTestApp>>['clock'];
  let dataDir = '';
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  let storyId = 0;
  let scheduledId = 0;

  before(async () => {
    if (!browser) return;
    const built = await buildAdminTestApp();
    app = built.app;
    clock = built.clock;
    dataDir = built.dataDir;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await watched(context);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function watched(ctx: BrowserContext): Promise<Page> {
    const p = await ctx.newPage();
    p.on('pageerror', (error) => errors.push(error.message));
    p.on('console', (message) => {
      // A 401/409/404 answer is logged by the browser as a failed resource; those are expected here.
      if (message.type() === 'error' && !/status of (401|404|409|422)/.test(message.text())) {
        errors.push(message.text());
      }
    });
    return p;
  }

  const article = (id: number) => app.services.content.articles.findById(id);
  const saved = (p: Page) => p.getByTestId('save-state').getByText('All changes saved').waitFor();

  async function signIn(p: Page) {
    await p.getByLabel('Email').fill('editor@daily.test');
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
  }

  async function createArticle(headline: string): Promise<number> {
    await page.goto(`${origin}/admin/articles`);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Headline', { exact: true }).fill(headline);
    await page.getByLabel('Section', { exact: true }).selectOption({ label: '— Europe' });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    return Number(page.url().split('/').pop());
  }

  test('signing in sends the editor on to the article list', { skip: !browser }, async () => {
    await page.goto(`${origin}/admin/`);
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(`${origin}/admin/articles`);
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    assert.ok(
      await page
        .getByRole('navigation', { name: 'Newsroom' })
        .getByRole('link', { name: 'Home page' })
        .isVisible(),
    );
  });

  test('write a story with a tag and an uploaded featured image, autosaved, and preview it', {
    skip: !browser,
  }, async () => {
    storyId = await createArticle('Harbor talks resume after long pause');
    await page.getByLabel('Summary', { exact: true }).fill('Negotiators return to the table.');
    await page.getByTestId('body-editor').click();
    await page.keyboard.type('Negotiators met again on Tuesday.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Both sides said progress was made.');
    await page.locator('#tags').fill('Sum');
    await page.keyboard.press('Enter');
    await page.locator('.chip', { hasText: 'Summit' }).waitFor();
    // The featured image: alt text first (the media library requires it), then a real JPEG.
    await page.getByLabel('Alt text', { exact: true }).fill('Negotiators at the harbor office');
    await page.getByLabel('Credit', { exact: true }).fill('Staff photo');
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'harbor.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.locator('img.featured-thumb[src^="/media/"]').waitFor();
    await saved(page);
    const stored = (await article(storyId))!;
    assert.match(stored.featuredImage?.src ?? '', /^\/media\//);
    assert.equal(stored.featuredImage?.alt, 'Negotiators at the harbor office');
    assert.equal(stored.featuredImage?.credit, 'Staff photo');
    assert.equal(stored.featuredImage?.width, 800);
    assert.deepEqual(stored.body, [
      { type: 'paragraph', text: 'Negotiators met again on Tuesday.' },
      { type: 'paragraph', text: 'Both sides said progress was made.' },
    ]);
    assert.equal(stored.summary, 'Negotiators return to the table.');
    assert.equal(stored.status, 'draft');
    assert.equal(stored.tagIds.length, 1);

    const [preview] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Preview' }).click(),
    ]);
    await preview.waitForURL(/\/preview$/);
    assert.equal(await preview.locator('h1').textContent(), 'Harbor talks resume after long pause');
    assert.match((await preview.locator('.tags-row').textContent()) ?? '', /Summit/);
    assert.match((await preview.locator('.article-body').textContent()) ?? '', /progress was made/);
    // The reader site's stylesheet applies (the preview is not an unstyled dump).
    assert.notEqual(await preview.locator('h1').evaluate((h) => getComputedStyle(h).fontFamily), '');
    await preview.close();
  });

  test('invalid fields are refused with the message under the field, and nothing is saved', {
    skip: !browser,
  }, async () => {
    const before = (await article(storyId))!;
    await page.getByLabel('Headline', { exact: true }).fill('');
    await page.locator('#headline-error').getByText('is required').waitFor();
    await page.getByTestId('save-state').getByText('fix the fields').waitFor();
    assert.equal((await article(storyId))!.revision, before.revision);
    await page.getByLabel('Headline', { exact: true }).fill('Harbor talks resume after long pause');
    await saved(page);
    assert.equal(await page.locator('#headline-error').count(), 0);
  });

  test('publish it, see it on the reader site, then edit its headline live', { skip: !browser }, async () => {
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.locator('.panel .badge-published').waitFor();
    const stored = (await article(storyId))!;
    assert.equal(stored.status, 'published');
    const path = `/world/europe/${stored.slug}/${storyId}`;
    const reader = await watched(context);
    await reader.goto(origin + path);
    assert.equal(await reader.locator('h1').textContent(), 'Harbor talks resume after long pause');
    // The uploaded featured image reaches readers as a <picture> with every rendition.
    const picture = reader.locator('picture').filter({
      has: reader.locator('img[alt="Negotiators at the harbor office"]'),
    });
    await picture.first().waitFor();
    assert.match(
      (await picture.first().locator('source[type="image/avif"]').getAttribute('srcset')) ?? '',
      /\/media\/\S+ \d+w/,
    );
    const img = picture.first().locator('img');
    assert.match((await img.getAttribute('srcset')) ?? '', /\/media\/\S+\.jpe?g \d+w/);
    const imageResponse = await reader.request.get(origin + ((await img.getAttribute('src')) ?? ''));
    assert.equal(imageResponse.status(), 200);

    await page.getByLabel('Headline', { exact: true }).fill('Harbor talks resume with new offer');
    await page.getByTestId('save-state').getByText('press Update').waitFor();
    assert.equal(
      (await article(storyId))!.headline,
      'Harbor talks resume after long pause',
      'not live before Update',
    );
    await page.getByLabel('Show readers an “Updated” note').check();
    await page.getByRole('button', { name: 'Update live article' }).click();
    await saved(page);
    await reader.reload();
    assert.equal(await reader.locator('h1').textContent(), 'Harbor talks resume with new offer');
    assert.match((await reader.locator('.dateline').textContent()) ?? '', /Updated/);

    // A correction, appended at the end of the article for readers.
    await page.getByLabel('Correction', { exact: true }).fill('An earlier version misnamed the harbor.');
    await page.getByRole('button', { name: 'Add correction' }).click();
    // The form empties once the server has the correction.
    await page.waitForFunction(
      () => (document.getElementById('correction-text') as HTMLTextAreaElement | null)?.value === '',
    );
    await saved(page);
    await reader.reload();
    assert.match(
      (await reader.locator('.corrections').textContent()) ?? '',
      /An earlier version misnamed the harbor\./,
    );
    await reader.close();
  });

  test('restore an earlier revision: the old headline comes back as a new revision', {
    skip: !browser,
  }, async () => {
    const before = (await article(storyId))!;
    await page.getByRole('button', { name: /^#1 / }).click();
    const dialog = page.getByRole('dialog', { name: 'Revision 1' });
    await page.getByRole('combobox', { name: 'Compare with' }).selectOption('current');
    assert.equal(await dialog.getByTestId('diff-headline').locator('del').first().textContent(), 'with');
    assert.match(
      (await dialog.getByTestId('diff-headline').locator('ins').allTextContents()).join(' '),
      /after/,
    );
    await dialog.getByRole('button', { name: 'Restore revision 1' }).click();
    await dialog.waitFor({ state: 'detached' });
    const restored = (await article(storyId))!;
    assert.equal(restored.headline, 'Harbor talks resume after long pause');
    assert.ok(restored.revision > before.revision);
    assert.equal(
      await page.getByLabel('Headline', { exact: true }).inputValue(),
      'Harbor talks resume after long pause',
    );
  });

  test('schedule a story in the site time zone; it appears when the clock gets there', {
    skip: !browser,
  }, async () => {
    scheduledId = await createArticle('Ferry timetable changes from Friday');
    await page.getByTestId('body-editor').click();
    await page.keyboard.type('New sailings start at dawn.');
    await saved(page);
    // TEST_NOW is 08:05 in New York (EDT); schedule for 10:30 there, 14:30 UTC.
    await page.getByLabel('Schedule for').fill('2025-10-21T10:30');
    assert.match((await page.locator('#schedule-zone').textContent()) ?? '', /America\/New_York \(EDT\)/);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.locator('.panel .badge-scheduled').waitFor();
    const stored = (await article(scheduledId))!;
    assert.equal(stored.publishedAt?.toISOString(), '2025-10-21T14:30:00.000Z');
    const path = `/world/europe/${stored.slug}/${scheduledId}`;
    assert.equal((await app.inject({ url: path, headers: { host: 'localhost' } })).statusCode, 404);
    clock.set(at(150));
    const reader = await watched(context);
    const response = await reader.goto(origin + path);
    assert.equal(response?.status(), 200);
    assert.equal(await reader.locator('h1').textContent(), 'Ferry timetable changes from Friday');
    await reader.close();
  });

  test('two pages editing one article: the second save shows both versions and loses nothing', {
    skip: !browser,
  }, async () => {
    const draftId = await createArticle('Council weighs new bridge');
    const other = await watched(context);
    await other.goto(`${origin}/admin/articles/${draftId}`);
    await other.getByLabel('Headline', { exact: true }).waitFor();

    await page.getByLabel('Headline', { exact: true }).fill('Council approves new bridge');
    await saved(page);
    await other.getByLabel('Summary', { exact: true }).fill('A vote is expected tonight.');
    const dialog = other.getByRole('alertdialog');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /Your version/);
    assert.match(text, /Council approves new bridge/);
    assert.match(text, /A vote is expected tonight\./);
    // Nothing was written over: the server still has the first page's save.
    assert.equal((await article(draftId))!.headline, 'Council approves new bridge');
    await dialog.getByRole('button', { name: 'Keep my version' }).click();
    await saved(other);
    const kept = (await article(draftId))!;
    assert.equal(kept.summary, 'A vote is expected tonight.');
    assert.equal(kept.headline, 'Council weighs new bridge');
    await other.close();
  });

  test('an expired session sends the editor to sign in and back, with the draft kept', {
    skip: !browser,
  }, async () => {
    await page.goto(`${origin}/admin/articles/${scheduledId}`);
    await page.getByLabel('Summary', { exact: true }).waitFor();
    clock.set(at(150 + 13 * 60));
    await page.getByLabel('Summary', { exact: true }).fill('Typed after the session ran out.');
    await page.waitForURL(/\/admin\/sign-in\?next=%2Farticles%2F\d+&expired=1/);
    await page.getByText('Your session ended').waitFor();
    await signIn(page);
    await page.waitForURL(`${origin}/admin/articles/${scheduledId}`);
    assert.equal(
      await page.getByLabel('Summary', { exact: true }).inputValue(),
      'Typed after the session ran out.',
    );
    await saved(page);
    assert.equal((await article(scheduledId))!.summary, 'Typed after the session ran out.');
  });

  test('curate the home page: the picked story leads the reader home page', { skip: !browser }, async () => {
    const harbor = 'Harbor talks resume after long pause';
    const reader = await watched(context);
    const lead = () => reader.locator('.front-lead').textContent();
    // Before: the newest story leads (the ferry timetable, published later), not the harbor talks.
    await reader.goto(`${origin}/`);
    assert.doesNotMatch((await lead()) ?? '', /Harbor talks/);

    await page.goto(`${origin}/admin/home`);
    await page.getByRole('heading', { name: 'Home page' }).waitFor();
    await page.getByLabel('Search published stories').fill('Harbor talks');
    await page.locator('.candidates li', { hasText: harbor }).getByRole('button', { name: 'Add' }).click();
    await page.locator('.pick-list li', { hasText: harbor }).locator('.pick-rank').getByText('1').waitFor();
    await page.getByRole('button', { name: 'Save order' }).click();
    await page.getByText('The home page is updated.').waitFor();
    const site = app.services.content.sites.find((s) => s.isDefault)!;
    assert.deepEqual(
      (await app.services.content.curatedHome(site.id)).map((a) => a.id),
      [storyId],
    );

    // The reader home page leads with it now (the cached page was purged).
    await reader.reload();
    assert.match((await lead()) ?? '', /Harbor talks resume after long pause/);
    // And after a reload of the admin screen the pick is still there, first.
    await page.reload();
    await page.locator('.pick-list li', { hasText: harbor }).locator('.pick-rank').getByText('1').waitFor();
    await reader.close();
  });

  for (const width of [1280, 390]) {
    test(`the list and the editor at ${width}px: no axe violations, no sideways scroll`, {
      skip: !browser,
    }, async () => {
      // bypassCSP only so the test can inject axe; the app's own CSP stays on otherwise.
      const ctx = await browser!.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const p = await watched(ctx);
      await p.goto(`${origin}/admin/articles`);
      await signIn(p);
      await p.waitForURL(`${origin}/admin/articles`);
      for (const path of ['/admin/articles', `/admin/articles/${storyId}`]) {
        await p.goto(origin + path);
        await p
          .locator(path.endsWith('articles') ? '.article-table tbody tr' : '.ProseMirror')
          .first()
          .waitFor();
        await expectAccessible(p, path);
      }
      await ctx.close();
    });
  }

  test('forgot password: the emailed link opens the reset screen, and the new password signs in', {
    skip: !browser,
  }, async () => {
    const ctx = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await watched(ctx);
    await p.goto(`${origin}/admin/sign-in`);
    await p.getByRole('link', { name: 'Forgot password?' }).click();
    await p.waitForURL(`${origin}/admin/forgot-password`);
    await p.getByLabel('Email').fill('writer@daily.test');
    await p.getByRole('button', { name: 'Send me a link' }).click();
    await p.getByText('we have sent it a link').waitFor();

    const outbox = join(dataDir, 'outbox');
    let token = '';
    for (let tries = 0; tries < 50 && !token; tries++) {
      const files = await readdir(outbox).catch(() => [] as string[]);
      for (const file of files) {
        // Quoted-printable: join soft line breaks and decode "=3D" before looking for the link.
        const mail = (await readFile(join(outbox, file), 'utf8')).replace(/=\r?\n/g, '').replace(/=3D/g, '=');
        if (!mail.includes('writer@daily.test')) continue;
        token = /\/admin\/reset-password\?token=([\w-]{43})/.exec(mail)?.[1] ?? '';
      }
      if (!token) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(token, 'the reset mail carries a link');

    await p.goto(`${origin}/admin/reset-password?token=${token}`);
    await p.getByLabel('New password', { exact: true }).fill('short');
    await p.getByLabel('New password again').fill('short');
    await p.getByRole('button', { name: 'Set the new password' }).click();
    await p.locator('.form-error').waitFor();
    await p.getByLabel('New password', { exact: true }).fill('a brand new long password');
    await p.getByLabel('New password again').fill('a brand new long password');
    await p.getByRole('button', { name: 'Set the new password' }).click();
    await p.getByText('Your password is changed').waitFor();
    await p.getByRole('link', { name: 'Sign in' }).click();
    await p.getByLabel('Email').fill('writer@daily.test');
    await p.getByLabel('Password').fill('a brand new long password');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL(`${origin}/admin/articles`);
    await ctx.close();
  });

  test('no script errors on any page', { skip: !browser }, () => {
    assert.deepEqual(errors, []);
  });

  test('the admin API answered every call of the app (openapi lists the preview)', {
    skip: !browser,
  }, async () => {
    const doc = (await app.inject({ url: `${ADMIN}/openapi.json` })).json() as { paths: object };
    assert.ok(`${ADMIN}/articles/{id}/preview` in doc.paths);
  });
});
