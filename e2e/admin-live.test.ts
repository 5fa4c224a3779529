/**
 * The admin's Live TV screen in Chromium, on the real server over a fresh database: take the
 * channel off air (the reader page says so), add a programme in the site's time zone, and see an
 * overlapping one refused with its message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildAdminTestApp, PASSWORD } from '../src/testing/admin-api.ts';
import { launchChromium } from '../src/testing/browser.ts';

describe('the Live TV screen in Chromium', async () => {
  const browser: Browser | null = await launchChromium();
  let app: FastifyInstance;
  let siteId = 0;
  let origin: string;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    if (!browser) return;
    const built = await buildAdminTestApp();
    app = built.app;
    siteId = built.fixture.site.id;
    await app.services.live.saveChannel(siteId, {
      name: 'Daily TV',
      streamUrl: 'https://stream.example/daily.m3u8',
      backupUrl: null,
      posterUrl: null,
      onAir: true,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://localhost:${(app.server.address() as { port: number }).port}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of (401|404|422)/.test(message.text())) {
        errors.push(message.text());
      }
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test('sign in and open Live TV from the navigation', { skip: !browser }, async () => {
    await page.goto(`${origin}/admin/`);
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await page.getByLabel('Email').fill('editor@daily.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/admin/articles`);
    const link = page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Live TV' });
    assert.equal((await link.textContent())?.trim(), 'Live TV');
    await link.click();
    await page.getByRole('heading', { name: 'Live TV', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Channel name').inputValue(), 'Daily TV');
    assert.equal(await page.getByLabel('On air').isChecked(), true);
  });

  test('switch the channel off air: the reader page says so', { skip: !browser }, async () => {
    await page.getByLabel('On air').uncheck();
    await page.getByRole('button', { name: 'Save channel' }).click();
    await page.getByText('Channel saved: off air.').waitFor();
    assert.equal((await app.services.live.channel(siteId))?.onAir, false);
    const reader = await page.context().newPage();
    await reader.goto(`${origin}/live`);
    await reader.getByText('Daily TV is off air right now').waitFor();
    await reader.close();
  });

  test('a bad stream URL is refused with the message next to the field', { skip: !browser }, async () => {
    await page.getByLabel('Stream URL').fill('');
    await page.getByRole('button', { name: 'Save channel' }).click();
    await page.locator('#live-stream-error').waitFor();
    await page.getByLabel('Stream URL').fill('https://stream.example/daily.m3u8');
    await page.getByRole('button', { name: 'Save channel' }).click();
    await page.getByText('Channel saved: off air.').waitFor();
  });

  test('add a programme in the site time zone and see it listed', { skip: !browser }, async () => {
    await page.getByLabel('Title').fill('Morning News');
    await page.getByLabel('Description').fill('The headlines.');
    await page.getByLabel(/^Starts/).fill('2030-03-05T06:00');
    await page.getByLabel(/^Ends/).fill('2030-03-05T07:00');
    await page.getByRole('button', { name: 'Add programme' }).click();
    const row = page.getByRole('table', { name: 'Programmes' }).getByRole('row', { name: /Morning News/ });
    await row.waitFor();
    // 06:00 in New York (EST) is 11:00 UTC; the table shows it in the site's zone.
    assert.match((await row.textContent()) ?? '', /6:00\s?AM EST/);
    const saved = await app.services.live.programmes(siteId, {});
    assert.equal(
      saved.find((p) => p.title === 'Morning News')?.startsAt.toISOString(),
      '2030-03-05T11:00:00.000Z',
    );
  });

  test('an overlapping programme is refused with its message', { skip: !browser }, async () => {
    await page.getByLabel('Title').fill('Clash');
    await page.getByLabel(/^Starts/).fill('2030-03-05T06:30');
    await page.getByLabel(/^Ends/).fill('2030-03-05T07:30');
    await page.getByRole('button', { name: 'Add programme' }).click();
    await page
      .getByText(/overlaps “Morning News”/)
      .first()
      .waitFor();
    assert.equal((await app.services.live.programmes(siteId, {})).length, 1);
  });

  test('delete a programme', { skip: !browser }, async () => {
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete Morning News' }).click();
    await page.getByText('No programmes to come.').waitFor();
    assert.equal((await app.services.live.programmes(siteId, {})).length, 0);
  });

  test('no script errors', { skip: !browser }, () => {
    assert.deepEqual(errors, []);
  });
});
