/**
 * The admin's Wire screen in Chromium, on the real server over a fresh database, with real agency
 * files from the shared fixtures: the queue of a desk-review source newest first, the source and
 * status, urgency and agency filters, an item's preview (agency, rights line, versions received),
 * "Publish as is" making a published article opened in the editor, and the 409 refusal of an item
 * the agency killed while the desk had it open, which moves it to the killed items; a newer
 * version superseding the queued one, "Open in the editor" landing on a draft article, and an
 * admin editing the source's publishing rules (a bad rule's sentence, then the rule deciding at
 * ingest). Checked with axe at desktop and phone widths; SCREENSHOT_DIR keeps screenshots.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildAdminTestApp, PASSWORD } from '../src/testing/admin-api.ts';
import { expectAccessible, launchChromium } from '../src/testing/browser.ts';
import { fixturesFolder } from '../src/testing/fixtures.ts';
import type { IngestOutcome, WireSource } from '../src/wire/index.ts';

const nitf = fixturesFolder('nitf');
const agencies = fixturesFolder('newsml-g2-agencies');

describe('the Wire screen in Chromium', { skip: !nitf || !agencies }, async () => {
  const browser: Browser | null = nitf && agencies ? await launchChromium() : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-wire-e2e-'));
  let app: FastifyInstance;
  let origin: string;
  let page: Page;
  let desk: WireSource;
  const got: Record<string, IngestOutcome> = {};
  const errors: string[] = [];

  const ingest = async (source: WireSource, key: string, path: string) => {
    const [outcome] = await app.services.wire.ingestFile(source, {
      name: path.replace(/^.*\//, ''),
      bytes: readFileSync(path),
    });
    got[key] = outcome!;
    return outcome!;
  };

  before(async () => {
    if (!browser) return;
    const built = await buildAdminTestApp({ env: { DATELINE_DATA_DIR: dataDir } });
    app = built.app;
    const siteId = built.fixture.site.id;
    const now = new Date();
    const base = {
      siteId,
      format: 'auto' as const,
      kind: 'manual' as const,
      location: '',
      pollSeconds: 60,
      defaultSectionId: built.fixture.world.id,
      sectionRules: [],
      defaultRightsLine: null,
      autoPublish: false,
      enabled: true,
    };
    desk = await app.services.wire.sources.create({ ...base, name: 'Agency desk' }, now);
    const other = await app.services.wire.sources.create({ ...base, name: 'Reuters text' }, now);
    await ingest(desk, 'bakeOff', join(nitf!, 'samples/pa4.xml'));
    await ingest(desk, 'pa1', join(nitf!, 'samples/pa1.xml'));
    await ingest(desk, 'usable', join(agencies!, 'reuters/L1N14N0FF_v978556838_usable.xml'));
    await ingest(desk, 'package', join(agencies!, 'reuters/TRE7AA2CP_package.xml'));
    await ingest(other, 'text', join(agencies!, 'reuters/L4N0BT5PJ_text.xml'));
    assert.deepEqual(
      ['bakeOff', 'pa1', 'usable', 'package', 'text'].map((k) => got[k]!.status),
      ['queued', 'queued', 'queued', 'refused', 'queued'],
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://localhost:${(app.server.address() as { port: number }).port}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of (401|404|409|422)/.test(message.text())) {
        errors.push(message.text());
      }
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const rowHeadlines = () =>
    page.getByRole('table', { name: 'Wire items' }).locator('tbody tr .headline-cell a').allTextContents();

  test('sign in, open Wire from the navigation: the queue, newest first', { skip: !browser }, async () => {
    await page.goto(`${origin}/admin/`);
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await page.getByLabel('Email').fill('editor@daily.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/admin/articles`);
    const link = page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Wire' });
    assert.equal((await link.textContent())?.trim(), 'Wire', 'no longer marked "soon"');
    await link.click();
    await page.getByRole('heading', { name: 'Wire', level: 1 }).waitFor();
    await page.getByText('3 items').waitFor();
    assert.deepEqual(await rowHeadlines(), [got.usable!.headline, got.pa1!.headline, got.bakeOff!.headline]);
  });

  test('filter by source, status, urgency and agency', { skip: !browser }, async () => {
    await page.getByLabel('Source').selectOption({ label: 'Reuters text (desk review)' });
    await page.getByText('1 item', { exact: true }).waitFor();
    assert.deepEqual(await rowHeadlines(), [got.text!.headline]);
    await page.getByLabel('Source').selectOption({ label: 'Agency desk (desk review)' });
    await page.getByText('3 items').waitFor();
    const stored = (id: number) => app.services.wire.store.byId(id);
    const usable = (await stored(got.usable!.wireItemId!))!;
    const pa = (await stored(got.bakeOff!.wireItemId!))!;
    assert.ok(usable.agency && pa.agency && usable.agency !== pa.agency, 'two agencies to choose from');
    await page.getByRole('combobox', { name: 'Agency' }).selectOption({ label: usable.agency });
    await page.getByText('1 item', { exact: true }).waitFor();
    assert.deepEqual(await rowHeadlines(), [got.usable!.headline]);
    assert.match(page.url(), /agency=/);
    await page.getByRole('combobox', { name: 'Agency' }).selectOption({ label: 'Any' });
    await page.getByText('3 items').waitFor();
    // Urgency N lists items that urgent or more: the most urgent queued item's own value keeps it.
    const queued = await Promise.all(
      [got.usable!, got.pa1!, got.bakeOff!].map(async (o) => (await stored(o.wireItemId!))!),
    );
    const urgencies = queued.map((r) => r.urgency).filter((u): u is number => u !== null);
    assert.ok(urgencies.length > 0, 'the files give an urgency');
    const most = Math.max(1, Math.min(...urgencies));
    await page.getByRole('combobox', { name: 'Urgency' }).selectOption({ value: String(most) });
    const expected = queued.filter((r) => r.urgency !== null && r.urgency <= most);
    await page
      .getByText(`${expected.length} ${expected.length === 1 ? 'item' : 'items'}`, { exact: true })
      .waitFor();
    assert.deepEqual((await rowHeadlines()).sort(), expected.map((r) => r.headline).sort());
    await page.getByRole('combobox', { name: 'Urgency' }).selectOption({ label: 'Any' });
    await page.getByText('3 items').waitFor();
  });

  test('a kill that lands while the desk has the item open: 409, and it moves to the killed items', {
    skip: !browser,
  }, async () => {
    await page.getByRole('link', { name: got.usable!.headline }).click();
    const preview = page.getByRole('article');
    await preview.getByRole('button', { name: 'Publish as is' }).waitFor();
    await ingest(desk, 'canceled', join(agencies!, 'reuters/L1N14N0FF_v1542761538_canceled.xml'));
    assert.equal(got.canceled!.status, 'killed');
    // As if the kill had landed just after the queue was read: the row is queued again.
    await app.services.wire.store.setStatus(got.usable!.wireItemId!, 'queued', new Date());
    await preview.getByRole('button', { name: 'Publish as is' }).click();
    await preview
      .getByRole('alert')
      .getByText(/The agency withdrew this item .*a kill is final/)
      .waitFor();
    const row = await app.services.wire.store.byId(got.usable!.wireItemId!);
    assert.equal(row?.articleId, null, 'no article was made');
    assert.equal(row?.status, 'killed');
    await page.getByText('2 items').waitFor();
    await preview.getByText(/The agency withdrew this item \(a kill\)/).waitFor();
    // Both versions of the guid are listed, the kill first, from the item's own answer.
    const versions = preview.getByRole('region', { name: 'Versions received' }).getByRole('listitem');
    await versions.nth(1).waitFor();
    const texts = await versions.allTextContents();
    assert.match(texts[0]!, /Version 1542761538 · Killed \(withdrawn\) · canceled/);
    assert.match(texts[1]!, /Version 978556838 \(this one\) · Killed \(withdrawn\)/);
  });

  test('preview a queued item and publish it as is: the article opens in the editor', {
    skip: !browser,
  }, async () => {
    await page.getByLabel('Status').selectOption({ label: 'Waiting (queue)' });
    await page.getByRole('link', { name: got.bakeOff!.headline }).click();
    const preview = page.getByRole('article');
    await preview.getByRole('heading', { name: got.bakeOff!.headline, level: 2 }).waitFor();
    const stored = (await app.services.wire.store.byId(got.bakeOff!.wireItemId!))!.item!;
    if (stored.rightsLine) await preview.getByText(stored.rightsLine).first().waitFor();
    if (stored.agency) await preview.getByText(stored.agency, { exact: true }).first().waitFor();
    assert.ok((await preview.locator('.wire-body p').count()) > 3, 'the body is shown');
    await preview.getByRole('button', { name: 'Publish as is' }).click();
    await preview.getByRole('status').getByText('Published.').waitFor();
    // The queue no longer holds it.
    await page.getByText('1 item', { exact: true }).waitFor();
    const articleId = (await app.services.wire.store.byId(got.bakeOff!.wireItemId!))!.articleId!;
    const article = await app.services.content.articles.findById(articleId);
    assert.equal(article?.status, 'published');
    await preview.getByRole('link', { name: 'Open the article in the editor' }).click();
    await page.waitForURL(`${origin}/admin/articles/${articleId}`);
    await page.getByText('Published', { exact: true }).first().waitFor();
  });

  test('ignore a queued item; a refused file shows its reason and original', { skip: !browser }, async () => {
    await page.goto(`${origin}/admin/wire?item=${got.pa1!.wireItemId}`);
    const preview = page.getByRole('article');
    await preview.getByRole('button', { name: 'Ignore' }).click();
    await preview.getByRole('status').getByText('Ignored: the item left the queue.').waitFor();
    await page.getByText('0 items').waitFor();
    assert.equal((await app.services.wire.store.byId(got.pa1!.wireItemId!))?.status, 'ignored');
    await page.getByLabel('Status').selectOption({ label: 'Refused' });
    await page
      .getByText(/package of other items/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: got.package!.headline }).click();
    await preview.getByText(/This file was refused at ingest/).waitFor();
    const href = await preview.getByRole('link', { name: 'Download the original' }).getAttribute('href');
    const original = await page.context().request.get(origin + href);
    assert.equal(original.status(), 200);
    assert.match(await original.text(), /packageItem/);
  });

  test('a newer version supersedes the queued one; "Open in the editor" lands on a draft article', {
    skip: !browser,
  }, async () => {
    const v5 = readFileSync(join(agencies!, 'reuters/KBN0FL0NN_v5_update.xml'));
    const [older] = await app.services.wire.ingestFile(desk, { name: 'KBN0FL0NN_v5.xml', bytes: v5 });
    const v6 = Buffer.from(
      v5
        .toString('utf8')
        .replace('version="5"', 'version="6"')
        .replace(/(<headline[^>]*>)([^<]*)/, '$1Assad sworn in for a new term'),
    );
    const [newer] = await app.services.wire.ingestFile(desk, { name: 'KBN0FL0NN_v6.xml', bytes: v6 });
    assert.deepEqual([older!.status, newer!.status], ['queued', 'queued']);
    await page.goto(`${origin}/admin/wire?source=${desk.id}&item=${newer!.wireItemId}`);
    await page.getByText('1 item', { exact: true }).waitFor();
    assert.deepEqual(await rowHeadlines(), ['Assad sworn in for a new term'], 'one row per guid');
    const preview = page.getByRole('article');
    await preview.getByText('The source waits for desk review; no rule matched.').waitFor();
    const versions = preview.getByRole('region', { name: 'Versions received' }).getByRole('listitem');
    await versions.nth(1).waitFor();
    assert.match((await versions.allTextContents())[1]!, /Version 5 · Superseded \(newer version\)/);
    await preview.getByRole('button', { name: 'Open in the editor' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+$/);
    const articleId = Number(page.url().replace(/^.*\//, ''));
    const row = (await app.services.wire.store.byId(newer!.wireItemId!))!;
    assert.deepEqual([row.status, row.articleId], ['drafted', articleId]);
    assert.equal((await app.services.content.articles.findById(articleId))?.status, 'draft');
    await page.getByRole('textbox', { name: 'Headline' }).first().waitFor();
    assert.equal(
      await page.getByRole('textbox', { name: 'Headline' }).first().inputValue(),
      'Assad sworn in for a new term',
    );
  });

  test("an admin edits the source's publishing rules; a bad rule shows its sentence; the rule decides at ingest", {
    skip: !browser,
  }, async () => {
    const ctx = await browser!.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const p = await ctx.newPage();
    p.on('pageerror', (error) => errors.push(error.message));
    await p.goto(`${origin}/admin/wire?source=${desk.id}`);
    await p.getByLabel('Email').fill('admin@daily.test');
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByText('Publishing rules · Desk review, no rules').click();
    const form = p.getByRole('form', { name: 'Publishing rules of Agency desk' });
    await form.getByRole('button', { name: 'Add a rule' }).click();
    await form.getByRole('textbox', { name: 'Rule 1 subject' }).fill('MCC:SPO');
    await form.getByRole('combobox', { name: 'Rule 1 decision' }).selectOption({ label: 'Auto-publish' });
    await form.getByRole('button', { name: 'Add a rule' }).click();
    await form.getByRole('combobox', { name: 'Rule 2 matches' }).selectOption({ label: 'Keyword' });
    await form.getByRole('button', { name: 'Save the rules' }).click();
    await form
      .getByRole('alert')
      .getByText(/Publish rule 2 has an empty keyword/)
      .waitFor();
    assert.deepEqual((await app.services.wire.sources.byId(desk.id))!.publishRules, [], 'nothing half-saved');
    await form.getByRole('textbox', { name: 'Rule 2 keyword' }).fill('politics');
    await form.getByRole('combobox', { name: 'Rule 2 decision' }).selectOption({ label: 'Desk review' });
    await expectAccessible(p, 'the publishing rules form');
    await form.getByRole('button', { name: 'Remove rule 2' }).click();
    await form.getByRole('button', { name: 'Save the rules' }).click();
    await form.getByRole('status').getByText('Saved: new items of Agency desk follow these rules.').waitFor();
    assert.deepEqual((await app.services.wire.sources.byId(desk.id))!.publishRules, [
      { subject: 'MCC:SPO', decision: 'publish' },
    ]);
    await p.getByText('Publishing rules · Desk review, 1 rule').waitFor();

    // As the ingest loop does each pass: the source as saved.
    const saved = (await app.services.wire.sources.byId(desk.id))!;
    const sport = await ingest(saved, 'sport', join(agencies!, 'reuters/ISS149709_table.xml'));
    assert.equal(sport.status, 'published', 'the rule auto-publishes sport on a desk-review source');
    await p.goto(`${origin}/admin/wire?source=${desk.id}&status=published&item=${sport.wireItemId}`);
    await p.getByRole('article').getByText('The rule for subject "MCC:SPO" auto-publishes it.').waitFor();
    await ctx.close();
  });

  for (const width of [1280, 390]) {
    test(`the screen at ${width}px: no axe violations, no sideways scroll`, { skip: !browser }, async () => {
      const ctx = await browser!.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const p = await ctx.newPage();
      p.on('pageerror', (error) => errors.push(error.message));
      await p.goto(`${origin}/admin/wire?item=${got.usable!.wireItemId}`);
      await p.getByLabel('Email').fill('editor@daily.test');
      await p.getByLabel('Password').fill(PASSWORD);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('heading', { name: got.usable!.headline, level: 2 }).waitFor();
      await p.getByRole('region', { name: 'Versions received' }).waitFor();
      await expectAccessible(p, 'the wire screen');
      if (process.env.SCREENSHOT_DIR) {
        mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
        await p.screenshot({ path: join(process.env.SCREENSHOT_DIR, `wire-${width}.png`), fullPage: true });
      }
      await ctx.close();
    });
  }

  test('no script errors', { skip: !browser }, () => {
    assert.deepEqual(errors, []);
  });
});
