/**
 * The ingest loop with real files and a loopback HTTP server: half-written files wait,
 * complete ones are taken once, hostile ones are quarantined without stopping the pass, and
 * feeds are polled with conditional GET and back off on errors.
 */
import assert from 'node:assert/strict';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../platform/index.ts';
import { sqliteDialect } from '../testing/databases.ts';
import { fixturesFolder } from '../testing/fixtures.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { buildTestApp } from '../testing/test-app.ts';
import { backoffSeconds } from './feed-poller.ts';
import type { WireService } from './index.ts';

const nitf = fixturesFolder('nitf');
const NOW = new Date('2025-06-01T12:00:00.000Z');

describe('the ingest loop', { skip: !nitf }, async () => {
  const handle = await sqliteDialect.open();
  const clock = fixedClock(NOW);
  const drop = mkdtempSync(join(tmpdir(), 'dateline-drop-'));
  let app: FastifyInstance;
  let wire: WireService;
  let server: Server;
  let origin: string;
  const requests: IncomingMessage[] = [];
  let answer: 'feed' | 'error' = 'feed';
  let feedSource: Parameters<WireService['sources']['create']>[0];

  before(async () => {
    app = await buildTestApp({ database: handle!, clock });
    const fixture = await createSmallSite(app.services.content, NOW);
    wire = app.services.wire;
    const base = {
      siteId: fixture.site.id,
      format: 'auto' as const,
      defaultSectionId: null,
      sectionRules: [],
      defaultRightsLine: null,
      autoPublish: true,
      enabled: true,
    };
    await wire.sources.create(
      { ...base, name: 'Drop', kind: 'folder', location: drop, pollSeconds: 60 },
      NOW,
    );
    server = createServer((req, res) => {
      requests.push(req);
      if (answer === 'error') {
        res.writeHead(503).end('down');
        return;
      }
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/atom+xml',
        etag: '"v1"',
        'last-modified': 'Sun, 01 Jun 2025 11:00:00 GMT',
      });
      res.end(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Loop Wire</title><entry><id>urn:loop:a</id><title>Polled story</title><updated>2025-06-01T10:00:00Z</updated><content type="html">&lt;p&gt;Polled text.&lt;/p&gt;</content></entry></feed>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    feedSource = {
      ...base,
      name: 'Feed',
      kind: 'feed' as const,
      location: `${origin}/feed.atom`,
      pollSeconds: 60,
    };
  });
  after(async () => {
    await app.close();
    await handle!.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(drop, { recursive: true, force: true });
  });

  const processed = () => (existsSync(join(drop, '.processed')) ? readdirSync(join(drop, '.processed')) : []);
  const quarantined = () =>
    existsSync(join(drop, '.quarantine')) ? readdirSync(join(drop, '.quarantine')) : [];

  test('a complete file is taken on the second look, once, and moved to .processed', async () => {
    cpSync(join(nitf!, 'samples/pa4.xml'), join(drop, 'pa4.xml'));
    const first = await wire.loop.runOnce();
    assert.equal(first.files, 0, 'one look is not enough');
    const second = await wire.loop.runOnce();
    assert.equal(second.files, 1);
    assert.equal(second.outcomes.find((o) => o.file === 'pa4.xml')?.status, 'published');
    assert.ok(processed().some((n) => n.endsWith('-pa4.xml')));
    assert.equal(existsSync(join(drop, 'pa4.xml')), false);
    assert.equal((await wire.loop.runOnce()).files, 0);
  });

  test('a half-written file waits until its size and time stop changing', async () => {
    const full = readFileSync(join(nitf!, 'samples/pa1.xml'));
    const path = join(drop, 'pa1.xml');
    writeFileSync(path, full.subarray(0, 400));
    await wire.loop.runOnce();
    appendFileSync(path, full.subarray(400, 900));
    const growing = await wire.loop.runOnce();
    assert.equal(growing.files, 0);
    appendFileSync(path, full.subarray(900));
    await wire.loop.runOnce();
    const done = await wire.loop.runOnce();
    assert.equal(done.outcomes.find((o) => o.file === 'pa1.xml')?.status, 'published');
  });

  test('an upload under a temporary name is taken after it is renamed into place', async () => {
    cpSync(join(nitf!, 'samples/pa2.xml'), join(drop, 'pa2.xml.part'));
    await wire.loop.runOnce();
    assert.equal((await wire.loop.runOnce()).files, 0, '.part files are never taken');
    renameSync(join(drop, 'pa2.xml.part'), join(drop, 'pa2.xml'));
    await wire.loop.runOnce();
    assert.equal((await wire.loop.runOnce()).outcomes.find((o) => o.file === 'pa2.xml')?.status, 'published');
  });

  test('hostile, broken and enormous files are quarantined with their reason; the good one beside them ingests', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><nitf>&b;</nitf>`;
    writeFileSync(join(drop, 'laughs.xml'), laughs);
    writeFileSync(
      join(drop, 'xxe.xml'),
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><nitf>&e;</nitf>',
    );
    writeFileSync(join(drop, 'truncated.xml'), readFileSync(join(nitf!, 'samples/pa3.xml')).subarray(0, 700));
    writeFileSync(
      join(drop, 'latin.xml'),
      Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="utf-8"?><nitf><head><title>Caf'),
        Buffer.from([0xe9, 0x20]),
        Buffer.from('</title></head></nitf>'),
      ]),
    );
    writeFileSync(join(drop, 'huge.xml'), Buffer.alloc(6 * 1024 * 1024, 0x20));
    cpSync(join(nitf!, 'samples/efe_nitf.xml'), join(drop, 'efe.xml'));
    await wire.loop.runOnce();
    const pass = await wire.loop.runOnce();
    assert.deepEqual(pass.errors, []);
    assert.equal(pass.outcomes.find((o) => o.file === 'efe.xml')?.status, 'published');
    const codes = Object.fromEntries(
      pass.outcomes.filter((o) => o.status === 'refused').map((o) => [o.file, o.refusalCode]),
    );
    assert.deepEqual(codes, {
      'huge.xml': 'too_large',
      'latin.xml': 'bad_encoding',
      'laughs.xml': 'hostile_xml',
      'truncated.xml': 'malformed_xml',
      'xxe.xml': 'hostile_xml',
    });
    const kept = quarantined();
    for (const name of ['laughs.xml', 'xxe.xml', 'truncated.xml', 'latin.xml', 'huge.xml']) {
      const file = kept.find((n) => n.endsWith(`-${name}`));
      assert.ok(file, `${name} quarantined`);
      assert.match(readFileSync(join(drop, '.quarantine', `${file}.reason.txt`), 'utf8'), /\w+: /);
    }
    assert.equal(readdirSync(drop).filter((n) => !n.startsWith('.')).length, 0);
  });

  test('feeds: a first poll ingests, the next is a conditional GET answered 304', async () => {
    await wire.sources.create(feedSource, NOW);
    const first = await wire.loop.runOnce();
    assert.equal(first.polled, 1);
    assert.equal(first.outcomes.find((o) => o.guid === 'urn:loop:a')?.status, 'published');
    assert.equal((await wire.loop.runOnce()).polled, 0, 'not due again before its interval');
    clock.set(new Date(NOW.getTime() + 61_000));
    const second = await wire.loop.runOnce();
    assert.equal(second.polled, 1);
    assert.equal(requests.at(-1)?.headers['if-none-match'], '"v1"');
    assert.equal(requests.at(-1)?.headers['if-modified-since'], 'Sun, 01 Jun 2025 11:00:00 GMT');
    assert.equal(second.outcomes.length, 0);
  });

  test('feeds back off exponentially on errors and recover', async () => {
    answer = 'error';
    const feed = (await wire.sources.list()).find((s) => s.kind === 'feed')!;
    let at = new Date(NOW.getTime() + 200_000);
    clock.set(at);
    const failed = await wire.loop.runOnce();
    assert.match(failed.errors[0]!, /503/);
    let state = await wire.sources.pollState(feed.id);
    assert.equal(state?.failures, 1);
    assert.equal(state?.nextPollAt?.getTime(), at.getTime() + backoffSeconds(60, 1) * 1000);
    at = state!.nextPollAt!;
    clock.set(at);
    await wire.loop.runOnce();
    state = await wire.sources.pollState(feed.id);
    assert.equal(state?.failures, 2);
    assert.equal(state?.nextPollAt?.getTime(), at.getTime() + 240_000);
    answer = 'feed';
    clock.set(state!.nextPollAt!);
    await wire.loop.runOnce();
    state = await wire.sources.pollState(feed.id);
    assert.equal(state?.failures, 0);
    assert.equal(state?.lastError, null);
    assert.equal(backoffSeconds(60, 30), 3600);
  });

  test("a new source's folder is made on the first pass", async () => {
    const fresh = join(drop, 'fresh', 'agency');
    const [site] = app.services.content.sites;
    await wire.sources.create(
      {
        name: 'Fresh',
        siteId: site!.id,
        format: 'auto',
        kind: 'folder',
        location: fresh,
        pollSeconds: 60,
        defaultSectionId: null,
        sectionRules: [],
        defaultRightsLine: null,
        autoPublish: true,
        enabled: true,
      },
      NOW,
    );
    const pass = await wire.loop.runOnce();
    assert.deepEqual(pass.errors, []);
    assert.ok(existsSync(fresh));
  });

  test('start() and stop(): the loop runs on its own and stops cleanly', async () => {
    wire.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await wire.stop();
    await wire.stop();
  });
});
