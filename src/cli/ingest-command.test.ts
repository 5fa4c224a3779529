/** `dateline ingest` through main(): URLs for stories, reasons for refusals, the exit code. */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createContentService } from '../content/index.ts';
import { EventBus, openDatabase, systemClock } from '../platform/index.ts';
import { fixturesFolder } from '../testing/fixtures.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { main } from './main.ts';

const agencies = fixturesFolder('newsml-g2-agencies');
const nitf = fixturesFolder('nitf');
const workdir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
const database = `sqlite:${join(workdir, 'wire.db')}`;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--database', database], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dateline ingest', { skip: !agencies || !nitf }, () => {
  let server: Server;
  let feedUrl: string;

  before(async () => {
    assert.equal((await run('migrate')).code, 0);
    const handle = await openDatabase(database);
    const content = createContentService({ db: handle.db, events: new EventBus(), clock: systemClock });
    await content.load();
    await createSmallSite(content, new Date());
    await handle.close();
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        '<rss version="2.0"><channel><title>Loopback Wire</title><item><guid>urn:loop:1</guid><title>From the loopback</title><description>Text.</description></item></channel></rss>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(workdir, { recursive: true, force: true });
  });

  test('a text story: prints its article URL on the default site and exits 0', async () => {
    const result = await run('ingest', join(nitf!, 'samples/pa4.xml'));
    assert.equal(result.code, 0, result.err);
    assert.match(
      result.out,
      /^published\s+http:\/\/daily\.test(:\d+)?\/world\/great-british-bake-off[a-z0-9-]*\/\d+ /m,
    );
    assert.match(result.out, /1 item, 0 refused\./);
  });

  test('a folder with a picture and a package: URLs for the stories, reasons for the rest, exit 1', async () => {
    const dir = join(workdir, 'drop');
    mkdirSync(dir);
    for (const name of ['L4N0BT5PJ_text.xml', 'GM1E9341HD701_picture.xml', 'TRE7AA2CP_package.xml']) {
      cpSync(join(agencies!, 'reuters', name), join(dir, name));
    }
    const result = await run('ingest', dir, '--site', 'daily');
    assert.equal(result.code, 1);
    assert.match(result.out, /^published\s+http:\/\/daily\.test.*L4N0BT5PJ_text\.xml/m);
    assert.match(result.out, /^refused\s+GM1E9341HD701_picture\.xml: NewsML-G2 item .* is a picture item/m);
    assert.match(result.out, /^refused\s+TRE7AA2CP_package\.xml: .*package/m);
    // The same folder again: nothing new.
    const again = await run('ingest', join(dir, 'L4N0BT5PJ_text.xml'));
    assert.match(again.out, /^duplicate\s+http:\/\/daily\.test/m);
    assert.equal(again.code, 0);
  });

  test('a feed URL over HTTP', async () => {
    const result = await run('ingest', feedUrl);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^published\s+http:\/\/daily\.test(:\d+)?\/world\/from-the-loopback\/\d+/m);
  });

  test('bad input: a missing file, an unknown site, no target', async () => {
    assert.equal((await run('ingest', join(workdir, 'nope.xml'))).code, 1);
    const unknown = await run('ingest', join(nitf!, 'samples/pa1.xml'), '--site', 'nowhere');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /there is no site "nowhere" \(sites: daily\)/);
    assert.equal((await run('ingest')).code, 2);
  });
});
