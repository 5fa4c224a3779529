import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sqliteDialect } from '../../testing/databases.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';
import { fixedClock } from '../clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../database/database.ts';
import { JobQueue } from '../jobs/index.ts';
import { createLogger } from '../logger.ts';
import { CdnPurger, type PurgeTarget, purgeRequests } from './index.ts';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP server that records every request and answers the statuses it is told, in turn. */
async function recordingServer() {
  const requests: Recorded[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { requests, statuses, url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe('CDN purges', () => {
  let handle: DatabaseHandle;
  let http: Awaited<ReturnType<typeof recordingServer>>;
  const clock = fixedClock(TEST_NOW);
  const logger = createLogger('silent');

  before(async () => {
    handle = (await sqliteDialect.open())!;
    http = await recordingServer();
  });
  after(async () => {
    http.close();
    await handle.close();
  });

  beforeEach(async () => {
    await handle.db.deleteFrom('cdn_purge_keys').execute();
    await handle.db.deleteFrom('jobs').execute();
  });

  function purger(target: PurgeTarget) {
    const jobs = new JobQueue({ db: handle.db, clock, logger });
    return { jobs, purger: new CdnPurger({ db: handle.db, jobs, clock, logger, target, delayMs: 1000 }) };
  }
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));

  test('a 500 then a 200: the keys are delivered once, coalesced, and nothing is lost meanwhile', async () => {
    http.requests.length = 0;
    const { jobs, purger: cdn } = purger({
      kind: 'generic',
      url: `${http.url}/purge`,
      method: 'POST',
      token: 'sekrit',
    });
    await cdn.queue(['article:1', 'section:2']);
    await cdn.queue(['article:1', 'tag:3']); // a burst: same job, one key once
    assert.equal((await jobs.list({ kind: 'cdn.purge' })).length, 1);
    assert.equal(await jobs.runDue(), 0, 'not before the coalescing delay');

    http.statuses.push(500);
    later(1000);
    assert.equal(await jobs.runDue(), 1);
    assert.equal(http.requests.length, 1);
    assert.deepEqual(await cdn.pending(), ['article:1', 'section:2', 'tag:3'], 'kept for the retry');
    const [failed] = await jobs.list({ kind: 'cdn.purge' });
    assert.equal(failed!.status, 'pending');
    assert.match(failed!.lastError ?? '', /answered 500/);

    assert.equal(await jobs.runDue(), 0, 'the retry waits its backoff');
    later(10_000);
    assert.equal(await jobs.runDue(), 1);
    assert.equal(http.requests.length, 2);
    const delivered = http.requests[1]!;
    assert.equal(delivered.method, 'POST');
    assert.equal(delivered.url, '/purge');
    assert.equal(delivered.headers.authorization, 'Bearer sekrit');
    assert.equal(delivered.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(delivered.body).keys.sort(), ['article:1', 'section:2', 'tag:3']);
    assert.deepEqual(await cdn.pending(), []);
    assert.equal((await jobs.list({ kind: 'cdn.purge' }))[0]!.status, 'done');

    later(3_600_000);
    assert.equal(await jobs.runDue(), 0);
    assert.equal(http.requests.length, 2, 'delivered once, never again');
  });

  test('a key queued again while its purge is in flight stays queued for the next purge', async () => {
    http.requests.length = 0;
    const db = handle.db;
    let cdn: CdnPurger | null = null;
    const jobs = new JobQueue({ db, clock, logger });
    cdn = new CdnPurger({
      db,
      jobs,
      clock,
      logger,
      target: { kind: 'generic', url: `${http.url}/purge`, method: 'POST' },
      send: async () => {
        await cdn!.queue(['article:9']); // the editor saves again mid-purge
      },
    });
    await cdn.queue(['article:9']);
    await cdn.flush();
    assert.deepEqual(await cdn.pending(), ['article:9']);
    await jobs.cancel('cdn.purge');
  });

  test('with the endpoint down for good the keys stay queued and a restart books them again', async () => {
    const { jobs, purger: cdn } = purger({
      kind: 'generic',
      url: 'http://127.0.0.1:1/purge',
      method: 'POST',
    });
    await cdn.queue(['home:1']);
    later(1000);
    await jobs.runDue();
    assert.deepEqual(await cdn.pending(), ['home:1']);
    await handle.db.deleteFrom('jobs').execute(); // as if the job had failed for good and been cleared
    await cdn.resume();
    assert.equal((await jobs.list({ status: 'pending', kind: 'cdn.purge' })).length, 1);
    await handle.db.deleteFrom('cdn_purge_keys').execute();
    await handle.db.deleteFrom('jobs').execute();
  });

  test('each CDN adapter sends the request its purge-by-tag API documents', async () => {
    http.requests.length = 0;
    const keys = ['article:12', 'section:3'];
    const targets: PurgeTarget[] = [
      { kind: 'fastly', apiUrl: http.url, serviceId: 'SVC1', token: 'fastly-token' },
      { kind: 'cloudflare', apiUrl: `${http.url}/client/v4`, zoneId: 'ZONE1', token: 'cf-token' },
      {
        kind: 'akamai',
        apiUrl: http.url,
        network: 'production',
        clientToken: 'akab-client',
        clientSecret: 'c2VjcmV0',
        accessToken: 'akab-access',
      },
      { kind: 'generic', url: `${http.url}/varnish`, method: 'PURGE' },
    ];
    for (const target of targets) {
      const { jobs, purger: cdn } = purger(target);
      await cdn.queue(keys);
      later(1000);
      assert.equal(await jobs.runDue(), 1);
      assert.deepEqual(await cdn.pending(), [], target.kind);
    }
    const [fastly, cloudflare, akamai, varnish] = http.requests;
    assert.equal(fastly!.url, '/service/SVC1/purge');
    assert.equal(fastly!.headers['fastly-key'], 'fastly-token');
    assert.deepEqual(JSON.parse(fastly!.body), { surrogate_keys: keys });

    assert.equal(cloudflare!.url, '/client/v4/zones/ZONE1/purge_cache');
    assert.equal(cloudflare!.headers.authorization, 'Bearer cf-token');
    assert.deepEqual(JSON.parse(cloudflare!.body), { tags: keys });

    assert.equal(akamai!.url, '/ccu/v3/invalidate/tag/production');
    assert.deepEqual(
      JSON.parse(akamai!.body),
      { objects: ['article-12', 'section-3'] },
      'no colons at Akamai',
    );
    // Recompute the EdgeGrid signature from what arrived.
    const auth = akamai!.headers.authorization!;
    const fields = Object.fromEntries(
      auth
        .replace(/^EG1-HMAC-SHA256 /, '')
        .split(';')
        .map((pair) => pair.split(/=(.*)/s).slice(0, 2)),
    );
    assert.equal(fields.client_token, 'akab-client');
    assert.equal(fields.access_token, 'akab-access');
    assert.match(fields.timestamp, /^\d{8}T\d\d:\d\d:\d\d\+0000$/);
    const unsigned = auth.slice(0, auth.indexOf('signature='));
    const bodyHash = createHash('sha256').update(akamai!.body).digest('base64');
    const data = ['POST', 'http', akamai!.headers.host, akamai!.url, '', bodyHash, unsigned].join('\t');
    const key = createHmac('sha256', 'c2VjcmV0').update(fields.timestamp).digest('base64');
    assert.equal(fields.signature, createHmac('sha256', key).update(data).digest('base64'));

    assert.equal(varnish!.method, 'PURGE');
    assert.equal(varnish!.headers['surrogate-key'], 'article:12 section:3');
  });

  test('large purges are split into batches each CDN accepts', () => {
    const keys = Array.from({ length: 70 }, (_, i) => `article:${i}`);
    const cf = purgeRequests({ kind: 'cloudflare', apiUrl: 'http://cf', zoneId: 'Z', token: 't' }, keys);
    assert.deepEqual(
      cf.map((r) => JSON.parse(r.body).tags.length),
      [30, 30, 10],
    );
    const fastly = purgeRequests({ kind: 'fastly', apiUrl: 'http://f', serviceId: 'S', token: 't' }, keys);
    assert.equal(fastly.length, 1);
  });
});

describe('CDN settings', () => {
  const load = (env: Record<string, string>) => loadConfig({ env: { ...env }, cwd: '/' });
  const refused = (env: Record<string, string>, setting: string) => {
    assert.throws(
      () => load(env),
      (error: unknown) =>
        error instanceof ConfigError && error.setting === setting && error.message.startsWith(`${setting}: `),
      setting,
    );
  };

  test('bad settings stop the start naming the setting', () => {
    refused({ CDN_PURGE: 'varnish' }, 'CDN_PURGE');
    refused({ CDN_PURGE: 'generic' }, 'CDN_PURGE_URL');
    refused({ CDN_PURGE: 'generic', CDN_PURGE_URL: 'ftp://x/purge' }, 'CDN_PURGE_URL');
    refused(
      { CDN_PURGE: 'generic', CDN_PURGE_URL: 'http://x/purge', CDN_PURGE_METHOD: 'GET' },
      'CDN_PURGE_METHOD',
    );
    refused({ CDN_PURGE: 'fastly', CDN_PURGE_TOKEN: 't' }, 'CDN_PURGE_SERVICE');
    refused({ CDN_PURGE: 'cloudflare', CDN_PURGE_SERVICE: 'z' }, 'CDN_PURGE_TOKEN');
    refused({ CDN_PURGE: 'akamai', CDN_PURGE_URL: 'https://akab.example' }, 'AKAMAI_CLIENT_TOKEN');
    refused({ CDN_PURGE_DELAY_MS: 'soon' }, 'CDN_PURGE_DELAY_MS');
    refused({ CACHE_CONTROL_ARTICLE: 's-maxage=ten' }, 'CACHE_CONTROL_ARTICLE');
    refused({ CACHE_CONTROL_NOT_FOUND: 'no-cache' }, 'CACHE_CONTROL_NOT_FOUND');
    refused({ CACHE_CONTROL_FEED: 'max-age=99999999' }, 'CACHE_CONTROL_FEED');
  });

  test('good settings are read; unset directives keep their defaults', () => {
    const config = load({
      CDN_PURGE: 'fastly',
      CDN_PURGE_SERVICE: 'SVC',
      CDN_PURGE_TOKEN: 'tok',
      CACHE_CONTROL_ARTICLE: 's-maxage=15, stale-if-error=172800',
    });
    assert.deepEqual(config.cdn.purge, {
      kind: 'fastly',
      apiUrl: 'https://api.fastly.com',
      serviceId: 'SVC',
      token: 'tok',
    });
    assert.deepEqual(config.cdn.cacheTimes.article, {
      maxAge: 0,
      sMaxAge: 15,
      staleWhileRevalidate: 300,
      staleIfError: 172800,
    });
    assert.equal(load({}).cdn.purge, null);
  });
});
