/** Password reset by emailed link, through a real SMTP server on loopback. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, PASSWORD, signIn } from '../testing/admin-api.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';
import { RESET_TTL_MS } from './password-reset.ts';

describe('password reset by emailed link', async () => {
  const sink: SmtpSink = await startSmtpSink();
  const { app, clock, users, database } = await buildAdminTestApp({ env: { SMTP_URL: sink.url } });
  after(async () => {
    await app.close();
    await sink.close();
  });
  const ask = (email: string, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: `${ADMIN}/password-reset`, payload: { email }, remoteAddress: ip });
  const confirm = (token: string, password: string) =>
    app.inject({ method: 'POST', url: `${ADMIN}/password-reset/confirm`, payload: { token, password } });
  const tokenOf = (text: string) => /reset-password\?token=([\w-]{43})/.exec(text)?.[1] ?? '';
  before(() => clock.set(TEST_NOW));

  test('the same answer for any address; only an account gets a single-use, hashed link', async () => {
    const session = await signIn(app, users.writer.email);
    const known = await ask(users.writer.email);
    const unknown = await ask('nobody@daily.test');
    assert.equal(known.statusCode, 202);
    assert.equal(unknown.statusCode, 202);
    assert.equal(known.body, unknown.body);
    await app.services.newsroom.resets.settled();
    const [mail] = await sink.waitFor(1);
    assert.equal(sink.messages.length, 1, 'no email for an address without an account');
    assert.deepEqual(mail!.to, [users.writer.email]);
    assert.match(
      mail!.parsed.text ?? '',
      /http:\/\/daily\.test:3000\/admin\/reset-password\?token=[\w-]{43}/,
    );
    const token = tokenOf(mail!.parsed.text ?? '');
    const stored = await database.db.selectFrom('password_resets').select('token_hash').execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token, 'only a hash of the token is kept');

    const weak = await confirm(token, 'short');
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().fields[0].field, 'password');
    const done = await confirm(token, 'a brand new long password');
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(
      (await session.request({ method: 'GET', url: `${ADMIN}/session` })).statusCode,
      401,
      'sessions end',
    );
    await signIn(app, users.writer.email, 'a brand new long password');
    await assert.rejects(signIn(app, users.writer.email, PASSWORD));
    const reused = await confirm(token, 'another long password here');
    assert.equal(reused.statusCode, 422);
    assert.equal(reused.json().fields[0].field, 'token');
    assert.equal((await app.services.newsroom.audit.list({ action: 'user.password_reset' })).total, 1);
  });

  test('a link expires after an hour, and only the newest link works', async () => {
    await ask(users.editor.email, '10.0.0.2');
    await ask(users.editor.email, '10.0.0.2');
    await app.services.newsroom.resets.settled();
    const mails = (await sink.waitFor(3)).filter((m) => m.to.includes(users.editor.email));
    const [older, newer] = mails.map((m) => tokenOf(m.parsed.text ?? ''));
    assert.equal((await confirm(older!, 'a brand new long password')).statusCode, 422);
    clock.set(new Date(TEST_NOW.getTime() + RESET_TTL_MS + 1000));
    assert.equal((await confirm(newer!, 'a brand new long password')).statusCode, 422);
    assert.equal((await confirm('not-a-token', 'a brand new long password')).statusCode, 422);
  });

  test('asking is rate limited per address, account or not, with the same answer', async () => {
    for (const email of [users.moderator.email, 'ghost@daily.test']) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await ask(email, `10.0.1.${i}`));
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        [202, 202, 202, 429],
      );
      assert.ok(Number(answers[3]!.headers['retry-after']) > 0);
      assert.equal(answers[3]!.json().error, 'RATE_LIMITED');
    }
    assert.equal((await ask('')).statusCode, 422);
  });
});
