import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyApiKey } from '../api/index.ts';
import { openDatabase } from '../platform/index.ts';
import { runDateline } from '../testing/cli.ts';

const workdir = mkdtempSync(join(tmpdir(), 'dateline-apikey-'));
const db = `sqlite:${join(workdir, 'keys.db')}`;

const run = (...args: string[]) =>
  runDateline([...args, '--database', db], { cwd: workdir, timeoutMs: 120_000 });

async function check(secret: string) {
  const handle = await openDatabase(db);
  try {
    return await verifyApiKey(handle.db, secret);
  } finally {
    await handle.close();
  }
}

describe('dateline apikey', () => {
  before(() => {
    const seeded = run('seed', '--demo');
    assert.equal(seeded.code, 0, seeded.err);
  });
  after(() => rmSync(workdir, { recursive: true, force: true }));

  let everySite: string;

  test('--help lists the apikey commands', () => {
    const { out } = run('--help');
    for (const command of ['apikey create --name N [--site SLUG]', 'apikey list', 'apikey revoke --id N']) {
      assert.ok(out.includes(`dateline ${command}`), command);
    }
  });

  test('create prints the key once; the key works', async () => {
    const created = run('apikey', 'create', '--name', 'Partner app');
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /^Created API key 1 "Partner app" for every site\.$/m);
    everySite = /^Key: (dl_[A-Za-z0-9_-]{43})$/m.exec(created.out)![1]!;
    assert.match(created.out, /cannot be shown again/);
    const checked = await check(everySite);
    assert.ok(checked.ok && checked.key.siteId === null);

    const money = run('apikey', 'create', '--name', 'Money widget', '--site', 'money');
    assert.equal(money.code, 0, money.err);
    assert.match(money.out, /for the site "money"/);
    const moneyKey = /^Key: (\S+)$/m.exec(money.out)![1]!;
    const moneyCheck = await check(moneyKey);
    assert.ok(moneyCheck.ok && moneyCheck.key.siteId !== null);
  });

  test('create refuses a missing name or an unknown site, saying what to do', () => {
    const noName = run('apikey', 'create');
    assert.equal(noName.code, 2);
    assert.match(noName.err, /needs --name N/);
    const noSite = run('apikey', 'create', '--name', 'x', '--site', 'nope');
    assert.equal(noSite.code, 1);
    assert.match(noSite.err, /no site "nope" \(sites: herald, money, health\)/);
  });

  test('list shows each key by its first characters, never the key itself', () => {
    const listed = run('apikey', 'list');
    assert.equal(listed.code, 0, listed.err);
    const lines = listed.out.trim().split('\n');
    assert.match(lines[0]!, /^ID\s+KEY\s+SITE\s+CREATED \(UTC\)\s+STATUS\s+NAME$/);
    assert.match(lines[1]!, /^2\s+dl_\S{8}…\s+money\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+active\s+Money widget$/);
    assert.match(lines[2]!, /^1\s+dl_\S{8}…\s+\(all\)\s+.*active\s+Partner app$/);
    assert.ok(listed.out.includes(everySite.slice(0, 11)));
    assert.ok(!listed.out.includes(everySite));
  });

  test('revoke stops a key; revoking again, or a key that is not there, is refused', async () => {
    const revoked = run('apikey', 'revoke', '--id', '1');
    assert.equal(revoked.code, 0, revoked.err);
    assert.match(revoked.out, /^Revoked API key 1 \(dl_\S{8}…\) "Partner app"\.$/m);
    const checked = await check(everySite);
    assert.ok(!checked.ok && checked.code === 'revoked');
    assert.match(run('apikey', 'list').out, /^1\s.*revoked \d{4}-\d\d-\d\d\s+Partner app$/m);
    const again = run('apikey', 'revoke', '--id', '1');
    assert.equal(again.code, 1);
    assert.match(again.err, /already revoked/);
    const missing = run('apikey', 'revoke', '--id', '99');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no API key 99/);
    const noId = run('apikey', 'revoke', '--id', 'one');
    assert.equal(noId.code, 2);
    assert.match(noId.err, /needs --id N/);
  });

  test('an unknown subcommand exits 2 with a pointer to --help', () => {
    const { code, err } = run('apikey', 'rotate');
    assert.equal(code, 2);
    assert.match(err, /unknown command "apikey rotate"/);
  });
});
