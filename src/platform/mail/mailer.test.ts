import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createMailer, createOutboxMailer, createSmtpMailer, MailDeliveryError } from './index.ts';

describe('mailer', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  test('SMTP: delivers text, HTML and headers to a real server', async () => {
    const mailer = createSmtpMailer({ url: sink.url, from: 'Harbor Herald <news@herald.test>' });
    const result = await mailer.send({
      to: 'reader@example.org',
      subject: 'Hello',
      text: 'Plain words',
      html: '<p>Plain <b>words</b></p>',
      headers: { 'List-Unsubscribe': '<https://herald.test/u/1>' },
    });
    await mailer.close();
    assert.match(result.response, /^250/);
    const [mail] = sink.to('reader@example.org');
    assert.ok(mail);
    assert.equal(mail.parsed.subject, 'Hello');
    assert.equal(mail.parsed.text?.trim(), 'Plain words');
    assert.match(String(mail.parsed.html), /<b>words<\/b>/);
    assert.match(mail.raw, /^List-Unsubscribe: <https:\/\/herald.test\/u\/1>$/m);
    assert.equal(mail.from, 'news@herald.test');
  });

  test('SMTP: a 5xx is a permanent failure, a 4xx a temporary one', async () => {
    sink.failRecipient(/^gone@/, 550);
    sink.failRecipient(/^busy@/, 451, 1);
    const mailer = createSmtpMailer({ url: sink.url, from: 'news@herald.test' });
    await assert.rejects(
      mailer.send({ to: 'gone@example.org', subject: 's', text: 't' }),
      (e: unknown) => e instanceof MailDeliveryError && e.permanent && e.responseCode === 550,
    );
    await assert.rejects(
      mailer.send({ to: 'busy@example.org', subject: 's', text: 't' }),
      (e: unknown) => e instanceof MailDeliveryError && !e.permanent && e.responseCode === 451,
    );
    await mailer.send({ to: 'busy@example.org', subject: 'again', text: 't' });
    await mailer.close();
    assert.equal(sink.to('busy@example.org').length, 1);
  });

  test('SMTP: a raw message goes as composed, DKIM-signed when a key is configured', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dateline-dkim-'));
    try {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const keyFile = path.join(dir, 'dkim.pem');
      await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const mailer = createSmtpMailer({
        url: sink.url,
        from: 'news@herald.test',
        dkim: { domainName: 'herald.test', keySelector: 'mail', privateKeyFile: keyFile },
      });
      const raw = Buffer.from(
        'From: news@herald.test\r\nTo: raw@example.org\r\nSubject: Raw\r\nMessage-ID: <raw-1@herald.test>\r\n\r\nHello\r\n',
      );
      await mailer.sendRaw({ from: 'news@herald.test', to: 'raw@example.org', raw });
      await mailer.close();
      const [mail] = sink.to('raw@example.org');
      assert.match(mail!.raw, /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=herald.test;/m);
      assert.match(mail!.raw, /^Message-ID: <raw-1@herald.test>$/m);
      assert.equal(mail!.parsed.subject, 'Raw');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('SMTP: a server that does not answer is a temporary failure', async () => {
    const mailer = createSmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'news@herald.test' });
    await assert.rejects(
      mailer.send({ to: 'a@example.org', subject: 's', text: 't' }),
      (e: unknown) => e instanceof MailDeliveryError && !e.permanent,
    );
    await mailer.close();
  });

  test('without SMTP_URL mail lands in the outbox folder as .eml', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dateline-outbox-'));
    try {
      const config = loadConfig({ env: { DATELINE_DATA_DIR: dir }, cwd: dir });
      const mailer = createMailer(config, createLogger('silent'));
      await mailer.send({ to: 'reader@example.org', subject: 'Sign in', text: 'Your link' });
      const files = await readdir(path.join(dir, 'outbox'));
      assert.equal(files.length, 1);
      const raw = await readFile(path.join(dir, 'outbox', files[0]!), 'utf8');
      assert.match(raw, /Subject: Sign in/);
      assert.match(raw, /To: reader@example.org/);
      await mailer.close();
      // The outbox mailer alone, too.
      const direct = createOutboxMailer({ dir, from: 'x@y.test', logger: createLogger('silent') });
      await direct.send({ to: 'b@example.org', subject: 'Two', text: 'x' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
