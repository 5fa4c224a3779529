/**
 * The community in Chromium: join by the link emailed to the loopback SMTP sink, post (an XSS
 * payload among the words), reply, like and report, with no script running from reader input
 * (no dialog, no console error) and no axe violations on the discussion page. Moderation is
 * covered through the admin API (src/community/web/moderation-api.test.ts) and in the admin app
 * (e2e/admin-moderation.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Article } from '../src/content/index.ts';
import { axeViolations, launchChromium } from '../src/testing/browser.ts';
import { buildCommunityTestApp, joinAsReader, linkFrom } from '../src/testing/community.ts';
import { nuCheckerErrors, nuCheckerRuns } from '../src/testing/nu-checker.ts';

const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describe('the community in Chromium', async () => {
  const browser: Browser | null = await launchChromium();
  let t: Awaited<ReturnType<typeof buildCommunityTestApp>>;
  let origin: string;
  let article: Article;
  let bobComment: number;

  before(async () => {
    if (!browser) return;
    t = await buildCommunityTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    article = await t.publish();
    const bob = await joinAsReader(t.app, t.sink, 'bob@example.com', 'Bob');
    const res = await bob.form(`/community/articles/${article.id}/comments`, {
      body: `Bob says hello. ${payload}`,
    });
    bobComment = Number(/posted=(\d+)/.exec(String(res.headers.location))![1]);
  });
  after(async () => {
    await browser?.close();
    await t?.app.close();
  });

  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return problems;
  }

  test('join by the emailed link, post, reply, like and report; no script runs', {
    skip: !browser,
  }, async () => {
    // bypassCSP only so that axe can be injected; the CSP is what production sends.
    const context = await browser!.newContext({ viewport: { width: 390, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const problems = watch(page);

    await page.goto(`${origin}/world/${article.slug}/${article.id}`);
    assert.equal(await page.locator('#comments .comment-count').textContent(), '1 comment');
    assert.equal(
      await page.locator(`#comment-${bobComment} .comment-body`).textContent(),
      `Bob says hello. ${payload}`,
    );
    await page.getByRole('link', { name: 'Post a comment' }).click();
    await page.getByRole('link', { name: 'Join or sign in to comment' }).click();
    await page.getByLabel('Email address').fill('zoe@example.com');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    await page.goto(linkFrom(t.sink, 'zoe@example.com'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Display name').fill('Zoë O’Brien');
    await page.getByLabel('I have read and accept').check();
    await page.getByLabel('Email me when someone replies').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${origin}/community/articles/${article.id}`);
    const cookies = await context.cookies();
    const reader = cookies.find((c) => c.name === 'dl_reader')!;
    assert.equal(reader.httpOnly, true);
    assert.equal(reader.sameSite, 'Lax');

    await page
      .getByLabel('Your comment, as Zoë O’Brien')
      .fill(`My first comment.\n\nSecond paragraph ${payload}`);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('Your comment is posted.').waitFor();
    const mine = page.locator('.comment', { hasText: 'My first comment.' });
    assert.equal(await mine.locator('.comment-body p').count(), 2);
    assert.equal(await mine.locator('.comment-body p').nth(1).textContent(), `Second paragraph ${payload}`);

    await page.locator(`#comment-${bobComment}`).getByRole('link', { name: 'Reply' }).click();
    await page.getByLabel('Reply to Bob').fill('A reply to Bob.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.locator('.comment-replies .comment', { hasText: 'A reply to Bob.' }).waitFor();

    await page.locator(`#comment-${bobComment}`).getByRole('button', { name: 'Like' }).click();
    await page.locator(`#comment-${bobComment}`).getByRole('button', { name: 'Liked' }).waitFor();
    assert.equal(await page.locator(`#comment-${bobComment} .like-count`).textContent(), '1');

    await page.locator(`#comment-${bobComment}`).getByRole('link', { name: 'Report' }).click();
    await page.getByLabel('Spam or advertising').check();
    await page.getByLabel('Anything moderators should know?').fill('It <b>looks</b> like an ad');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Thank you for your report' }).waitFor();
    const reports = await t.database.db.selectFrom('comment_reports').select(['reason', 'note']).execute();
    assert.deepEqual(reports, [{ reason: 'spam', note: 'It <b>looks</b> like an ad' }]);

    await page.goto(`${origin}/community/articles/${article.id}`);
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${origin}/world/${article.slug}/${article.id}`);
    assert.equal(await page.locator('#comments .comment-count').textContent(), '3 comments');
    assert.equal(await page.locator('img[src="x"], #comments script').count(), 0);
    assert.deepEqual(problems, []);

    // The community's pages as a signed-in reader sees them, with the open forms, through the Nu checker.
    const pages = new Map<string, string>();
    for (const [name, path] of [
      ['discussion-reply', `/community/articles/${article.id}?reply=${bobComment}`],
      ['discussion-report', `/community/articles/${article.id}?report=${bobComment}&sort=oldest`],
      ['account', '/community/account'],
      ['join', '/community/join'],
      ['article', `/world/${article.slug}/${article.id}`],
    ] as const) {
      // The bytes the server sent (with the reader's cookie), not the browser's DOM.
      pages.set(name, await (await context.request.get(origin + path)).text());
    }
    await context.close();
    if (nuCheckerRuns) assert.deepEqual(nuCheckerErrors(pages), []);
  });
});
