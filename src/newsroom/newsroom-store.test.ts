/**
 * Sessions, sign-in lockout, the audit log and the newsroom's article list, on both dialects,
 * with a fixed clock moved by hand.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createContentService } from '../content/index.ts';
import { EventBus, fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { createAuditLog } from './audit.ts';
import { createLoginService, LOCKOUT_MS, MAX_FAILURES } from './login.ts';
import { createSessionStore, hashToken, SESSION_TTL_MS } from './sessions.ts';
import { createStaffUser, type StaffUser } from './staff-users.ts';

const PASSWORD = 'a long enough password';
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);

for (const dialect of testDialects) {
  describe(`newsroom storage on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    const skip = !handle;
    const clock = fixedClock(TEST_NOW);
    let user: StaffUser;

    before(async () => {
      if (!handle) return;
      const created = await createStaffUser(handle.db, {
        email: 'Ann@Daily.test',
        role: 'writer',
        password: PASSWORD,
        at: TEST_NOW,
      });
      assert.ok(created.ok);
      user = created.user;
    });
    after(async () => handle?.close());

    test('a session keeps only the hash of its token, slides on use and ends after 12 idle hours', {
      skip,
    }, async () => {
      clock.set(TEST_NOW);
      const sessions = createSessionStore({ db: handle!.db, clock });
      const { token, session } = await sessions.create(user.id);
      assert.equal(session.expiresAt.getTime(), at(SESSION_TTL_MS).getTime());
      const rows = await handle!.db.selectFrom('staff_sessions').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.token_hash, hashToken(token));
      assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is never stored');

      clock.set(at(SESSION_TTL_MS - 1000));
      const verified = await sessions.verify(token);
      assert.equal(verified?.user.email, 'ann@daily.test');
      assert.equal(verified?.session.csrfToken, session.csrfToken);
      assert.equal(verified?.session.expiresAt.getTime(), at(2 * SESSION_TTL_MS - 1000).getTime(), 'slid');

      clock.set(at(2 * SESSION_TTL_MS - 1000));
      assert.equal(await sessions.verify(token), null, 'expired exactly at its expiry');
      assert.equal(
        (await handle!.db.selectFrom('staff_sessions').selectAll().execute()).length,
        0,
        'and removed',
      );
    });

    test('a revoked session, a forged token and a malformed one open nothing', { skip }, async () => {
      clock.set(TEST_NOW);
      const sessions = createSessionStore({ db: handle!.db, clock });
      const { token } = await sessions.create(user.id);
      assert.ok(await sessions.verify(token));
      await sessions.revoke(token);
      assert.equal(await sessions.verify(token), null);
      assert.equal(await sessions.verify('A'.repeat(43)), null);
      assert.equal(await sessions.verify("' or 1=1 --"), null);
    });

    test('sign-in: right password, wrong password, unknown email; lockout after 5 failures for 15 minutes', {
      skip,
    }, async () => {
      clock.set(TEST_NOW);
      const sessions = createSessionStore({ db: handle!.db, clock });
      const login = createLoginService({ db: handle!.db, clock, sessions });

      const ok = await login.login({ email: ' ANN@daily.test ', password: PASSWORD });
      assert.ok(ok.ok);
      assert.equal(ok.user.id, user.id);
      assert.ok(await sessions.verify(ok.token));

      assert.deepEqual(await login.login({ email: 'ann@daily.test', password: 'wrong' }), {
        ok: false,
        reason: 'invalid',
      });
      for (let i = 1; i < MAX_FAILURES; i++) {
        assert.deepEqual(await login.login({ email: 'ann@daily.test', password: 'wrong' }), {
          ok: false,
          reason: 'invalid',
        });
      }
      const locked = await login.login({ email: 'ann@daily.test', password: PASSWORD });
      assert.deepEqual(locked, { ok: false, reason: 'locked', retryAfterSeconds: LOCKOUT_MS / 1000 });

      // An address with no account locks exactly the same way.
      for (let i = 0; i < MAX_FAILURES; i++) {
        assert.equal((await login.login({ email: 'nobody@daily.test', password: 'x' })).ok, false);
      }
      assert.deepEqual(await login.login({ email: 'nobody@daily.test', password: 'x' }), {
        ok: false,
        reason: 'locked',
        retryAfterSeconds: LOCKOUT_MS / 1000,
      });
      const stored = await handle!.db.selectFrom('login_throttles').select('email_hash').execute();
      assert.ok(!JSON.stringify(stored).includes('nobody'), 'addresses are kept hashed');

      clock.set(at(LOCKOUT_MS - 1000));
      const still = await login.login({ email: 'ann@daily.test', password: PASSWORD });
      assert.deepEqual(still, { ok: false, reason: 'locked', retryAfterSeconds: 1 });

      clock.set(at(LOCKOUT_MS));
      const after = await login.login({ email: 'ann@daily.test', password: PASSWORD });
      assert.ok(after.ok, 'the lock lifts after 15 minutes');
      // Success clears the count: four more failures do not lock.
      for (let i = 1; i < MAX_FAILURES; i++)
        await login.login({ email: 'ann@daily.test', password: 'wrong' });
      assert.ok((await login.login({ email: 'ann@daily.test', password: PASSWORD })).ok);
    });

    test('failures older than the window start a new count', { skip }, async () => {
      clock.set(TEST_NOW);
      const sessions = createSessionStore({ db: handle!.db, clock });
      const login = createLoginService({ db: handle!.db, clock, sessions });
      for (let i = 1; i < MAX_FAILURES; i++) await login.login({ email: 'slow@daily.test', password: 'x' });
      clock.set(at(LOCKOUT_MS + 1));
      assert.deepEqual(await login.login({ email: 'slow@daily.test', password: 'x' }), {
        ok: false,
        reason: 'invalid',
      });
      assert.deepEqual(await login.login({ email: 'slow@daily.test', password: 'x' }), {
        ok: false,
        reason: 'invalid',
      });
    });

    test('the audit log records and lists newest first, by action and subject', { skip }, async () => {
      const audit = createAuditLog(handle!.db);
      await audit.record({
        at: at(1),
        userId: user.id,
        action: 'article.create',
        subjectType: 'article',
        subjectId: 7,
      });
      await audit.record({
        at: at(2),
        userId: null,
        action: 'article.publish',
        subjectType: 'article',
        subjectId: 7,
        details: { revision: 2, note: 'é "quoted"' },
      });
      const all = await audit.list();
      assert.deepEqual(
        all.items.map((e) => [e.action, e.userId, e.subjectId]),
        [
          ['article.publish', null, 7],
          ['article.create', user.id, 7],
        ],
      );
      assert.deepEqual(all.items[0]!.details, { revision: 2, note: 'é "quoted"' });
      assert.equal(all.items[0]!.at.toISOString(), at(2).toISOString());
      assert.equal((await audit.list({ action: 'article.create' })).total, 1);
      assert.equal((await audit.list({ subject: { type: 'article', id: 8 } })).total, 0);
    });

    test('the newsroom list: every status, headline text matched literally, ownership kept', {
      skip,
    }, async () => {
      const content = createContentService({ db: handle!.db, events: new EventBus(), clock });
      const fixture = await createSmallSite(content, TEST_NOW);
      const make = (headline: string, savedBy: number | null) =>
        content.createArticle(
          { siteId: fixture.site.id, sectionId: fixture.europe.id, headline },
          { savedBy },
        );
      const a = await make('Rates rise 100% in Geneva', user.id);
      const b = await make('Rates rise 1000 fold', null);
      await make('Under_score story', null);
      await content.publishArticle(b.id, { savedBy: null });

      assert.equal((await content.articles.findById(a.id))?.createdBy, user.id);
      assert.equal((await content.articles.findById(b.id))?.createdBy, null);
      const titles = async (q: string) =>
        (await content.articles.listForNewsroom({ headlineContains: q })).items.map((i) => i.headline);
      assert.deepEqual(await titles('100%'), ['Rates rise 100% in Geneva']);
      assert.deepEqual(await titles('RATES'), ['Rates rise 1000 fold', 'Rates rise 100% in Geneva']);
      assert.deepEqual(await titles('_'), ['Under_score story']);
      assert.deepEqual(await titles('\\'), []);
      const drafts = await content.articles.listForNewsroom({ siteId: fixture.site.id, status: 'draft' });
      assert.equal(drafts.total, 2);
      const world = content.sectionFamily(fixture.world);
      assert.equal((await content.articles.listForNewsroom({ sectionIds: world })).total, 3);
      assert.equal((await content.articles.listForNewsroom({ sectionIds: [fixture.world.id] })).total, 0);
    });
  });
}
