/**
 * The admin's Newsletter screens in Chromium, on the real server with the job loop running and
 * a loopback SMTP sink: assemble an edition, preview it for a ZIP (with its local news), edit it,
 * see a send to an empty list refused, send it and watch the counts, see a bounce report and an
 * unsubscribe counted; then search, filter, page, export and delete subscribers (twice). Each
 * screen is checked with axe at desktop and phone widths; SCREENSHOT_DIR keeps screenshots.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, PASSWORD, signIn } from '../src/testing/admin-api.ts';
import { expectAccessible, launchChromium } from '../src/testing/browser.ts';
import {
  buildNewsletterTestApp,
  pathOf,
  publishArticle,
  subscribeConfirmed,
} from '../src/testing/newsletter.ts';
import { seedConfirmedSubscribers } from '../src/testing/newsletter-seed.ts';
import { type SmtpSink, startSmtpSink } from '../src/testing/smtp-sink.ts';

const samples = join(import.meta.dirname, '../src/newsletter/bounces/samples');
const SEEDED = 30;

describe('the Newsletter screens in Chromium', async () => {
  const browser: Browser | null = await launchChromium();
  let sink: SmtpSink;
  let app: FastifyInstance;
  let built: Awaited<ReturnType<typeof buildNewsletterTestApp>>;
  let origin: string;
  let page: Page;
  let editionId = 0;
  const errors: string[] = [];

  before(async () => {
    if (!browser) return;
    sink = await startSmtpSink();
    built = await buildNewsletterTestApp(sink);
    app = built.app;
    const { site, world } = built.fixture;
    await publishArticle(app, { siteId: site.id, sectionId: world.id, headline: 'Summit ends with a deal' });
    const subway = await publishArticle(app, {
      siteId: site.id,
      sectionId: world.id,
      headline: 'Subway line reopens in Manhattan',
    });
    await publishArticle(app, { siteId: site.id, sectionId: world.id, headline: 'Markets close higher' });
    const editor = await signIn(app, 'editor@daily.test');
    await editor.request({
      method: 'PUT',
      url: `${ADMIN}/newsletter/articles/${subway}/localities`,
      payload: { localities: [{ state: 'NY', county: 'New York', city: 'New York' }] },
    });
    await subscribeConfirmed(app, sink, { email: 'manhattan@example.org', zip: '10001' });
    await subscribeConfirmed(app, sink, { email: 'nozip@example.org' });
    await seedConfirmedSubscribers(app.services.database.db, {
      siteId: site.id,
      count: SEEDED,
      email: (i) => `reader-${String(i).padStart(2, '0')}@example.net`,
      zip: { zip: '90210', state: 'CA', county: 'Los Angeles', city: 'Beverly Hills' },
    });
    sink.messages.splice(0);
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://localhost:${(app.server.address() as { port: number }).port}`;
    app.services.jobs.start({ pollMs: 100 });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of (400|401|404|409|422)/.test(message.text())) {
        errors.push(message.text());
      }
    });
  });
  after(async () => {
    await app?.services.jobs.stop();
    await browser?.close();
    await app?.close();
    await sink?.close();
  });

  const edition = () => app.services.newsletter.editions.get(editionId);

  test('sign in and open the Newsletter from the navigation', { skip: !browser }, async () => {
    await page.goto(`${origin}/admin/`);
    await page.getByLabel('Email').fill('admin@daily.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/admin/articles`);
    const link = page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Newsletter' });
    assert.equal((await link.textContent())?.trim(), 'Newsletter', 'no longer marked "soon"');
    await link.click();
    await page.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
    await page.getByText('No editions yet.').waitFor();
  });

  test('assemble an edition and preview it for a ZIP with local news', { skip: !browser }, async () => {
    await page.getByLabel('Day').fill('2025-10-21');
    await page.getByRole('button', { name: 'Assemble edition' }).click();
    await page.waitForURL(/\/admin\/newsletter\/editions\/\d+$/);
    editionId = Number(page.url().split('/').pop());
    await page.getByRole('heading', { level: 1, name: /^Daily Test Daily: / }).waitFor();
    await page.getByText('Goes to 32 confirmed subscribers.').waitFor();
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await frame.getByText('Summit ends with a deal').first().waitFor();
    assert.equal(await frame.getByText(/Local news for/).count(), 0, 'no ZIP, no local block');

    await page.getByLabel("Reader's ZIP code").fill('abc');
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.getByText('A ZIP code is 5 digits (or ZIP+4), e.g. 10001.').waitFor();
    await page.getByLabel("Reader's ZIP code").fill('00000');
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.getByText(/no US ZIP code 00000/).waitFor();
    await page.getByLabel("Reader's ZIP code").fill('10001');
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.getByText('As a reader at ZIP 10001 gets it.').waitFor();
    await page
      .frameLocator('iframe[title="Email preview"]')
      .getByText(/Local news for New York/)
      .waitFor();

    await page.getByRole('button', { name: 'Plain text' }).click();
    await page
      .getByTestId('preview-text')
      .getByText(/LOCAL NEWS FOR NEW YORK/)
      .waitFor();
    await page.getByRole('button', { name: 'HTML' }).click();
  });

  test('edit the subject, the intro and the order of the top stories', { skip: !browser }, async () => {
    await page.getByLabel('Subject').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('#edition-subject-error').waitFor();
    assert.match((await edition()).subject, /^Daily Test Daily: /, 'nothing stored');

    await page.getByLabel('Subject').fill('Your Tuesday briefing');
    await page.getByLabel('Introduction').fill('Good morning from the newsroom.');
    const stories = page.getByRole('list', { name: 'Top stories' }).getByRole('listitem');
    const firstBefore = (await stories.first().textContent()) ?? '';
    await page
      .getByRole('button', { name: /^Move down: / })
      .first()
      .click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved. The preview shows them.').waitFor();
    const saved = await edition();
    assert.equal(saved.subject, 'Your Tuesday briefing');
    assert.equal(saved.intro, 'Good morning from the newsroom.');
    assert.ok(
      ((await stories.nth(1).textContent()) ?? '').includes(firstBefore.replace(/^1/, '').slice(0, 20)),
    );
    await page
      .frameLocator('iframe[title="Email preview"]')
      .getByText('Good morning from the newsroom.')
      .last()
      .waitFor();
  });

  test('sending to a brand whose list is empty is refused with a clear message', {
    skip: !browser,
  }, async () => {
    const empty = await app.services.newsletter.editions.assemble(built.money.id, '2025-10-21');
    await page.goto(`${origin}/admin/newsletter/editions/${empty.id}`);
    await page.getByText('The list has no confirmed subscribers yet.').waitFor();
    // A listener left from an earlier step may take the same dialog: a second accept is a no-op.
    page.once('dialog', (dialog) => void dialog.accept().catch(() => undefined));
    await page.getByRole('button', { name: 'Send now' }).click();
    await page
      .getByRole('alert')
      .getByText(/Money Test's newsletter has no confirmed subscribers yet/)
      .waitFor();
    assert.equal((await app.services.newsletter.editions.get(empty.id)).status, 'draft');
  });

  test('send now: the progress runs to the end and the counts add up', { skip: !browser }, async () => {
    await page.goto(`${origin}/admin/newsletter/editions/${editionId}`);
    await page.getByText('Goes to 32 confirmed subscribers.').waitFor();
    // A listener left from an earlier step may take the same dialog: a second accept is a no-op.
    page.once('dialog', (dialog) => void dialog.accept().catch(() => undefined));
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Sending started.').waitFor();
    await page.locator('.muted .badge', { hasText: 'Sent' }).waitFor({ timeout: 30_000 });
    const stat = (label: string) => page.locator('.stat', { hasText: label }).locator('dd');
    assert.equal(await stat('Sent').textContent(), '32');
    assert.equal(await stat('Failed').textContent(), '0');
    assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '32');
    assert.equal(sink.messages.length, 32);
    assert.equal(await page.getByLabel('Subject').count(), 0, 'a sent edition is not editable');

    // A reader's mailbox is gone (a Postfix DSN comes back), another unsubscribes from the email.
    const gone = sink.to('reader-03@example.net')[0]!;
    const subscriberId = /subscriber-(\d+)@/.exec(String(gone.parsed.messageId))![1]!;
    const dsn = readFileSync(join(samples, 'postfix-user-unknown.eml'), 'utf8')
      .replace(/gone@example\.org/g, 'reader-03@example.net')
      .replace(/EDITION/g, String(editionId))
      .replace(/SUBSCRIBER/g, subscriberId);
    const answer = await app.services.newsletter.bounces.receive(dsn);
    assert.ok(answer.bounce && answer.recipients[0]!.outcome === 'suppressed');
    const leaving = sink.to('nozip@example.org')[0]!;
    const link = /^List-Unsubscribe: <([^>]+)>/m.exec(leaving.raw.replace(/\r\n[ \t]+/g, ' '))![1]!;
    const res = await app.inject({
      method: 'POST',
      url: pathOf(new URL(link)),
      headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.statusCode, 200);
    await page.reload();
    await page.locator('.stat', { hasText: 'Hard bounces' }).locator('dd', { hasText: '1' }).waitFor();
    assert.equal(await stat('Unsubscribes').textContent(), '1');
    assert.equal(await stat('Soft bounces').textContent(), '0');

    await page.getByRole('link', { name: '← Editions' }).click();
    const row = page
      .getByRole('table', { name: 'Editions' })
      .getByRole('row', { name: /Your Tuesday briefing/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Sent.*32 of 32/);
  });

  test('subscribers: pages, search, filters and a bad ZIP', { skip: !browser }, async () => {
    await page
      .getByRole('navigation', { name: 'Newsletter' })
      .getByRole('link', { name: 'Subscribers' })
      .click();
    await page.getByText('1–25 of 32 subscribers').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('26–32 of 32 subscribers').waitFor();
    assert.equal(await page.getByRole('table', { name: 'Subscribers' }).locator('tbody tr').count(), 7);
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText('1–25 of 32 subscribers').waitFor();

    const rows = page.getByRole('table', { name: 'Subscribers' }).locator('tbody tr');
    await page.getByLabel('Email address').fill('manhattan');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1–1 of 1 subscribers').waitFor();
    assert.match(
      (await rows.first().textContent()) ?? '',
      /manhattan@example\.org.*10001.*New York, NY.*Daily Test: confirmed/,
    );

    await page.getByLabel('Email address').fill('not an email');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(/No address contains “not an email”/).waitFor();

    await page.getByLabel('Email address').fill('');
    await page.getByLabel('ZIP code').fill('9021x');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Type a ZIP code or its first digits, e.g. 10001 or 100.').waitFor();
    await page.getByLabel('ZIP code').fill('902');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(`1–15 of 15 subscribers`).waitFor();
    await page.getByLabel('ZIP code').fill('');
    await page.getByRole('button', { name: 'Search' }).click();

    await page.getByLabel('Place').selectOption({ label: 'New York, New York County, NY (1)' });
    await rows.filter({ hasText: 'manhattan@example.org' }).waitFor();
    await page.getByText('1–1 of 1 subscribers').waitFor();
    await page.getByLabel('Place').selectOption({ label: 'Anywhere' });
    await page.getByLabel('Status').selectOption({ label: 'Suppressed (bounced)' });
    await rows.filter({ hasText: 'reader-03@example.net' }).waitFor();
    await page.getByText('1–1 of 1 subscribers').waitFor();
    assert.match(
      (await rows.first().textContent()) ?? '',
      /reader-03@example\.net.*Suppressed: bounce: 5\.1\.1.*1 hard/,
    );
    await page.getByLabel('Status').selectOption({ label: 'Unsubscribed' });
    await rows.filter({ hasText: 'nozip@example.org' }).waitFor();
    await page.getByText('1–1 of 1 subscribers').waitFor();
    assert.match((await rows.first().textContent()) ?? '', /nozip@example\.org.*Daily Test: unsubscribed/);
  });

  test('export what the filter selects as CSV', { skip: !browser }, async () => {
    await page.getByLabel('Status').selectOption({ label: 'Any status' });
    await page.getByLabel('Place').selectOption({ label: 'Beverly Hills, Los Angeles County, CA (15)' });
    await page.getByText('1–15 of 15 subscribers').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'id,email,zip,state,county,city,lists,suppressed_at,created_at');
    assert.equal(lines.length, 16);
    assert.ok(
      lines.slice(1).every((l) => /,90210,CA,Los Angeles,Beverly Hills,daily:confirmed,/.test(l)),
      csv,
    );
  });

  test('delete a subscriber with confirmation; deleting one already gone says so', {
    skip: !browser,
  }, async () => {
    await page.getByLabel('Place').selectOption({ label: 'Anywhere' });
    await page.getByText('1–25 of 32 subscribers').waitFor();
    await page.getByRole('button', { name: 'Delete reader-00@example.net' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete reader-00@example.net?' });
    await dialog.getByRole('button', { name: 'Keep' }).click();
    assert.equal(await dialog.count(), 0);
    await page.getByRole('button', { name: 'Delete reader-00@example.net' }).click();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('Deleted reader-00@example.net and everything held about them.').waitFor();
    await page.getByText('1–25 of 31 subscribers').waitFor();
    const left = await app.services.newsletter.subscriberAdmin.search({ q: 'reader-00@' });
    assert.deepEqual(left.items, []);

    // Someone else deletes reader-01 while this page still shows it.
    const other = await app.services.newsletter.subscriberAdmin.search({ q: 'reader-01@' });
    assert.ok(await app.services.newsletter.subscriberAdmin.delete(other.items[0]!.id));
    await page.getByRole('button', { name: 'Delete reader-01@example.net' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('reader-01@example.net was already deleted; nothing is left to delete.').waitFor();
    await page.getByText('1–25 of 30 subscribers').waitFor();
  });

  for (const width of [1280, 390]) {
    test(`the screens at ${width}px: no axe violations, no sideways scroll`, { skip: !browser }, async () => {
      const ctx = await browser!.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const p = await ctx.newPage();
      p.on('pageerror', (error) => errors.push(error.message));
      await p.goto(`${origin}/admin/newsletter`);
      await p.getByLabel('Email').fill('admin@daily.test');
      await p.getByLabel('Password').fill(PASSWORD);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
      const screens: [string, string, () => Promise<unknown>][] = [
        [
          'editions',
          '/admin/newsletter',
          () => p.getByRole('table', { name: 'Editions' }).locator('tbody tr').first().waitFor(),
        ],
        [
          'edition',
          `/admin/newsletter/editions/${editionId}`,
          () =>
            p
              .frameLocator('iframe[title="Email preview"]')
              .getByText('Good morning from the newsroom.')
              .last()
              .waitFor(),
        ],
        ['subscribers', '/admin/newsletter/subscribers', () => p.getByText(/of 30 subscribers/).waitFor()],
      ];
      for (const [name, path, ready] of screens) {
        await p.goto(origin + path);
        await ready();
        await expectAccessible(p, path);
        if (process.env.SCREENSHOT_DIR) {
          mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
          await p.screenshot({
            path: join(process.env.SCREENSHOT_DIR, `newsletter-${name}-${width}.png`),
            fullPage: true,
          });
        }
      }
      await ctx.close();
    });
  }

  test('no script errors', { skip: !browser }, () => {
    assert.deepEqual(errors, []);
  });
});
