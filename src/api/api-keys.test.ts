import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createContentService } from '../content/index.ts';
import { EventBus, fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { hashApiKey } from './api-keys.ts';
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from './index.ts';

for (const dialect of testDialects) {
  describe(`API keys on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    let siteId: number;
    before(async () => {
      if (!handle) return;
      const content = createContentService({
        db: handle.db,
        events: new EventBus(),
        clock: fixedClock(TEST_NOW),
      });
      siteId = (await createSmallSite(content, TEST_NOW)).site.id;
    });
    after(async () => handle?.close());

    test('a created key verifies; only its hash and a short prefix are stored', {
      skip: !handle,
    }, async () => {
      const created = await createApiKey(handle!.db, { name: '  Partner app ', siteId: null, at: TEST_NOW });
      assert.ok(created.ok);
      assert.match(created.secret, /^dl_[A-Za-z0-9_-]{43}$/);
      assert.equal(created.key.name, 'Partner app');
      assert.equal(created.key.prefix, created.secret.slice(0, 11));
      const check = await verifyApiKey(handle!.db, created.secret);
      assert.ok(check.ok);
      assert.deepEqual(check.key, created.key);
      const row = await handle!.db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', created.key.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.key_hash, hashApiKey(created.secret));
      assert.ok(
        !Object.values(row).some((v) => typeof v === 'string' && v.includes(created.secret.slice(11))),
      );
      const other = await createApiKey(handle!.db, { name: 'Another', siteId: null, at: TEST_NOW });
      assert.ok(other.ok && other.secret !== created.secret);
    });

    test('a key for one site remembers it', { skip: !handle }, async () => {
      const created = await createApiKey(handle!.db, { name: 'Site only', siteId, at: TEST_NOW });
      assert.ok(created.ok);
      const check = await verifyApiKey(handle!.db, created.secret);
      assert.ok(check.ok && check.key.siteId === siteId);
    });

    test('malformed and unknown keys are told apart', { skip: !handle }, async () => {
      for (const bad of [
        '',
        'dl_',
        'dl_short',
        `xx_${'a'.repeat(43)}`,
        `dl_${'a'.repeat(44)}`,
        `dl_${'a'.repeat(42)}!`,
      ]) {
        assert.deepEqual(await verifyApiKey(handle!.db, bad), { ok: false, code: 'malformed' }, bad);
      }
      assert.deepEqual(await verifyApiKey(handle!.db, `dl_${'a'.repeat(43)}`), {
        ok: false,
        code: 'unknown',
      });
    });

    test('a revoked key is refused from then on; revoking twice or a missing key says so', {
      skip: !handle,
    }, async () => {
      const created = await createApiKey(handle!.db, { name: 'Short-lived', siteId: null, at: TEST_NOW });
      assert.ok(created.ok);
      const later = new Date(TEST_NOW.getTime() + 3_600_000);
      const revoked = await revokeApiKey(handle!.db, created.key.id, later);
      assert.ok(revoked.ok);
      assert.deepEqual(revoked.key.revokedAt, later);
      const check = await verifyApiKey(handle!.db, created.secret);
      assert.ok(!check.ok && check.code === 'revoked');
      assert.deepEqual(check.key.revokedAt, later);
      const again = await revokeApiKey(handle!.db, created.key.id, later);
      assert.ok(!again.ok && again.code === 'already_revoked');
      for (const id of [999_999, 0, -1, 2 ** 40]) {
        const missing = await revokeApiKey(handle!.db, id, later);
        assert.ok(!missing.ok && missing.code === 'not_found', String(id));
      }
    });

    test('names must be 1 to 100 printable characters', { skip: !handle }, async () => {
      for (const name of ['', '   ', 'x'.repeat(101), 'tab\there']) {
        const result = await createApiKey(handle!.db, { name, siteId: null, at: TEST_NOW });
        assert.ok(!result.ok, JSON.stringify(name));
      }
    });

    test('list shows every key, newest first, with its state', { skip: !handle }, async () => {
      const keys = await listApiKeys(handle!.db);
      assert.deepEqual(
        keys.map((k) => k.name),
        ['Short-lived', 'Site only', 'Another', 'Partner app'],
      );
      assert.ok(keys[0]!.revokedAt !== null && keys[1]!.revokedAt === null);
      assert.equal(keys[1]!.siteId, siteId);
    });
  });
}
