/**
 * Comment moderation in the admin app, in Chromium, on the real server: a reader's held comment
 * approved in the pending queue then shown on the article page; a reported comment rejected; a
 * commenter banned from their history page and refused when posting; acting on a comment someone
 * else moderated meanwhile, and a role without the permission, answered with clear messages.
 * Screenshots at desktop and phone width go to MODERATION_SHOTS_DIR (default: a temp folder).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Article } from '../src/content/index.ts';
import { ADMIN, PASSWORD, type SignedInClient, signIn } from '../src/testing/admin-api.ts';
import { axeViolations, launchChromium } from '../src/testing/browser.ts';
import { buildCommunityTestApp, joinAsReader, type ReaderClient } from '../src/testing/community.ts';

const shots = process.env.MODERATION_SHOTS_DIR ?? join(tmpdir(), 'dateline-moderation-shots');
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

describe('comment moderation in the admin app', async () => {
  const browser: Browser | null = await launchChromium();
  let t: Awaited<ReturnType<typeof buildCommunityTestApp>>;
  let origin: string;
  let article: Article;
  let editor: SignedInClient;
  let mod: SignedInClient;
  let ann: ReaderClient;
  let bob: ReaderClient;
  let annReported = 0;
  const problems: string[] = [];
  let now = 0;

  before(async () => {
    if (!browser) return;
    mkdirSync(shots, { recursive: true });
    t = await buildCommunityTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    now = t.clock.now().getTime();
    article = await t.publish();
    editor = await signIn(t.app, 'editor@daily.test');
    mod = await signIn(t.app, 'moderator@daily.test');
    ann = await joinAsReader(t.app, t.sink, 'ann@example.com', 'Ann Example');
    bob = await joinAsReader(t.app, t.sink, 'bob@example.com', 'Bob Example');
    // Ann's comment shows at once (post-moderation); Bob reports it.
    annReported = postedId(await post(ann, 'Everyone who disagrees with me is an idiot.'));
    await bob.form(`/community/comments/${annReported}/report`, { reason: 'abusive', note: 'Name-calling' });
    // From now on the brand holds every comment for a moderator.
    const set = await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${t.fixture.site.id}/community`,
      payload: { moderationMode: 'pre' },
    });
    assert.equal(set.statusCode, 200);
  });
  after(async () => {
    await browser?.close();
    await t?.app.close();
  });

  function post(reader: ReaderClient, body: string) {
    now += 20_000;
    t.clock.set(new Date(now));
    return reader.form(`/community/articles/${article.id}/comments`, { body });
  }
  const postedId = (res: { headers: Record<string, unknown> }) =>
    Number(/posted=(\d+)/.exec(String(res.headers.location))![1]);
  const articlePath = () => `/world/${article.slug}/${article.id}`;

  async function staffPage(
    email: string,
    viewport = desktop,
  ): Promise<{ context: BrowserContext; page: Page }> {
    // bypassCSP only so that axe can be injected; the CSP is what production sends.
    const context = await browser!.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Refusals (403, 409) are logged by the browser as failed resources; they are expected here.
      if (m.type() === 'error' && !/status of (401|403|409)/.test(m.text())) problems.push(m.text());
    });
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${origin}/admin/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/articles/);
    return { context, page };
  }

  async function readerPage(reader: ReaderClient): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({ viewport: phone });
    const [name, value] = reader.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: origin }]);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`reader pageerror: ${e.message}`));
    return { context, page };
  }

  const card = (page: Page, text: string) => page.locator('.comment-card', { hasText: text });

  test('a reader posts, a moderator approves it with the keyboard, and it appears on the article page', {
    skip: !browser,
  }, async () => {
    const reader = await readerPage(bob);
    await reader.page.goto(`${origin}/community/articles/${article.id}`);
    await reader.page
      .getByLabel('Your comment, as Bob Example')
      .fill('The bridge will cut my commute in half.');
    await reader.page.getByRole('button', { name: 'Post comment' }).click();
    await reader.page.getByText('your comment is waiting for a moderator').waitFor();
    await reader.page.goto(origin + articlePath());
    assert.equal(await reader.page.getByText('cut my commute').count(), 0);

    const { context, page } = await staffPage('moderator@daily.test');
    await page.getByRole('link', { name: 'Comments' }).click();
    await page.waitForURL(/\/admin\/comments\/pending$/);
    const held = card(page, 'cut my commute');
    await held.waitFor();
    assert.match((await held.textContent()) ?? '', /Bob Example/);
    assert.match((await held.textContent()) ?? '', new RegExp(`on ${article.headline}`));
    assert.match((await page.getByRole('link', { name: /Pending/ }).textContent()) ?? '', /1/);
    assert.match((await page.getByRole('link', { name: /Reported/ }).textContent()) ?? '', /1/);
    // Moderators do not see the brand's settings.
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'pending-desktop.png'), fullPage: true });

    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await page.getByText('Approved Bob Example’s comment.').waitFor();
    assert.equal(await held.count(), 0);
    await page.getByText('Nothing waits for review').waitFor();
    assert.match((await page.getByRole('link', { name: /Pending/ }).textContent()) ?? '', /0/);

    await reader.page.goto(origin + articlePath());
    await reader.page.getByText('The bridge will cut my commute in half.').waitFor();
    await reader.context.close();
    await context.close();
  });

  test('a reported comment shows its reasons and is rejected; it leaves the article page', {
    skip: !browser,
  }, async () => {
    const { context, page } = await staffPage('moderator@daily.test');
    await page.goto(`${origin}/admin/comments/reported`);
    const reported = card(page, 'is an idiot');
    await reported.waitFor();
    assert.match((await reported.textContent()) ?? '', /Reported 1 time/);
    assert.match((await reported.textContent()) ?? '', /Abusive or harassing/);
    assert.match((await reported.textContent()) ?? '', /Name-calling/);
    await page.screenshot({ path: join(shots, 'reported-desktop.png'), fullPage: true });
    await page.setViewportSize(phone);
    await page.screenshot({ path: join(shots, 'reported-phone.png'), fullPage: true });
    await page.setViewportSize(desktop);
    await reported.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Rejected Ann Example’s comment.').waitFor();
    await page.getByText('No reported comments').waitFor();
    await page.getByRole('link', { name: /Rejected/ }).click();
    await card(page, 'is an idiot').waitFor();
    const articleHtml = await (await context.request.get(origin + articlePath())).text();
    assert.doesNotMatch(articleHtml, /is an idiot/);
    await context.close();
  });

  test('a commenter banned from their history page can no longer post, and is told why', {
    skip: !browser,
  }, async () => {
    postedId(await post(bob, 'Also: please add a cycle lane.'));
    const { context, page } = await staffPage('moderator@daily.test');
    await page.goto(`${origin}/admin/comments/pending`);
    await card(page, 'cycle lane').getByRole('link', { name: 'Bob Example' }).click();
    await page.getByRole('heading', { name: 'Bob Example' }).waitFor();
    assert.match((await page.locator('.stat-row').textContent()) ?? '', /Approved1Pending1/);
    await page.getByText('The bridge will cut my commute in half.').waitFor();
    assert.match((await page.locator('.action-list').textContent()) ?? '', /Approved a comment/);
    await page.getByRole('button', { name: 'Ban' }).click();
    await page.getByText('Bob Example is banned from commenting.').waitFor();
    await page.locator('h1 .badge', { hasText: 'Banned' }).waitFor();
    assert.match(
      (await page.locator('.action-list li').first().textContent()) ?? '',
      /Banned the account.*Moderator Person/,
    );
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'commenter-desktop.png'), fullPage: true });
    await page.setViewportSize(phone);
    await page.screenshot({ path: join(shots, 'commenter-phone.png'), fullPage: true });
    // Banning twice is refused with the API's words, nothing repeated.
    const bobId = (
      await t.database.db
        .selectFrom('readers')
        .select('id')
        .where('email', '=', bob.email)
        .executeTakeFirstOrThrow()
    ).id;
    const twice = await mod.request({ method: 'POST', url: `${ADMIN}/readers/${bobId}/ban` });
    assert.equal(twice.statusCode, 409);
    await context.close();

    const reader = await readerPage(bob);
    await reader.page.goto(`${origin}/community/articles/${article.id}`);
    await reader.page.getByLabel('Your comment, as Bob Example').fill('Can I still comment?');
    await reader.page.getByRole('button', { name: 'Post comment' }).click();
    await reader.page.getByText('Your account may no longer post comments').waitFor();
    const stored = await t.database.db
      .selectFrom('comments')
      .select('id')
      .where('body', '=', 'Can I still comment?')
      .execute();
    assert.deepEqual(stored, []);
    await reader.context.close();
  });

  test('a comment moderated meanwhile, and a role without the permission, get clear messages', {
    skip: !browser,
  }, async () => {
    const id = postedId(await post(ann, 'A fair point about the tolls.'));
    const { context, page } = await staffPage('moderator@daily.test', phone);
    await page.goto(`${origin}/admin/comments/pending`);
    const held = card(page, 'about the tolls');
    await held.waitFor();
    await page.screenshot({ path: join(shots, 'pending-phone.png'), fullPage: true });
    // Another moderator approves it first.
    assert.equal(
      (await editor.request({ method: 'POST', url: `${ADMIN}/comments/${id}/approve` })).statusCode,
      200,
    );
    await held.getByRole('button', { name: 'Approve' }).click();
    await page
      .getByText(`Comment ${id} is already approved and has no open reports; nothing changed.`)
      .waitFor();
    await context.close();

    const writer = await staffPage('writer@daily.test');
    await writer.page.goto(`${origin}/admin/comments/pending`);
    await writer.page
      .getByText(
        'Your role (writer) does not allow comments.moderate. Moderators, editors and admins moderate comments.',
      )
      .waitFor();
    await writer.page.goto(`${origin}/admin/comments/settings`);
    await writer.page.getByText('Only editors and admins change a brand’s community settings').waitFor();
    await writer.context.close();

    // Editors see the brand's settings and change its mode.
    const ed = await staffPage('editor@daily.test');
    await ed.page.goto(`${origin}/admin/comments/settings`);
    await ed.page.getByLabel(/Post-moderation/).check();
    await ed.page.getByLabel('Close threads after (days)').fill('0');
    await ed.page.getByRole('button', { name: 'Save settings' }).click();
    await ed.page.getByText('must be a whole number of days').waitFor();
    await ed.page.getByLabel('Close threads after (days)').fill('14');
    await ed.page.getByRole('button', { name: 'Save settings' }).click();
    await ed.page.getByText('Community settings saved.').waitFor();
    const settings = await editor.request({
      method: 'GET',
      url: `${ADMIN}/sites/${t.fixture.site.id}/community`,
    });
    assert.deepEqual([settings.json().moderationMode, settings.json().closeAfterDays], ['post', 14]);
    await ed.page.screenshot({ path: join(shots, 'settings-desktop.png'), fullPage: true });
    await ed.context.close();
    assert.deepEqual(problems, []);
  });
});
