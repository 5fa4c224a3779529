import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/index.ts';
import { TEST_SECRET } from '../testing/newsletter.ts';
import { seedConfirmedSubscribers } from '../testing/newsletter-seed.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';

const bin = fileURLToPath(new URL('../../bin/dateline.js', import.meta.url));
const COUNT = 1500;
const email = (i: number) => `reader${String(i).padStart(5, '0')}@example.org`;

describe('exactly once across kill -9', () => {
  let sink: SmtpSink;
  let dir: string;
  let env: Record<string, string>;
  let editionId: number;

  before(async () => {
    sink = await startSmtpSink({ parse: false });
    dir = await mkdtemp(path.join(tmpdir(), 'dateline-crash-'));
    env = {
      DATABASE_URL: `sqlite:${path.join(dir, 'dateline.db')}`,
      DATELINE_DATA_DIR: dir,
      SMTP_URL: sink.url,
      SECRET_KEY: TEST_SECRET,
      LOG_LEVEL: 'silent',
      NEWSLETTER_SEND_LEASE_MS: '1500',
    };
    const app = await buildApp({ config: loadConfig({ env }) });
    const { content, database, newsletter } = app.services;
    const { site, world } = await createSmallSite(content, new Date());
    const draft = await content.createArticle(
      {
        siteId: site.id,
        sectionId: world.id,
        headline: 'The one story',
        body: [{ type: 'paragraph', text: 'Text' }],
      },
      { savedBy: null },
    );
    await content.publishArticle(draft.id, { savedBy: null });
    await seedConfirmedSubscribers(database.db, { siteId: site.id, count: COUNT, email });
    editionId = (await newsletter.editions.assemble(site.id)).id;
    await app.close();
  });
  after(async () => {
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  });

  const send = (): ChildProcess =>
    spawn(process.execPath, [bin, 'newsletter', 'send', '--edition', String(editionId)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const exited = (child: ChildProcess) =>
    new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );

  test('a sender killed mid-edition resumes on restart; every reader gets one message, by Message-ID', {
    timeout: 180_000,
  }, async () => {
    const first = send();
    const firstExit = exited(first);
    const deadline = Date.now() + 60_000;
    while (sink.messages.length < COUNT / 5) {
      assert.ok(Date.now() < deadline, `the sender delivered only ${sink.messages.length} in a minute`);
      await new Promise((r) => setTimeout(r, 5));
    }
    // Somewhere inside a chunk, not at its edge.
    await new Promise((r) => setTimeout(r, 10 + Math.random() * 60));
    first.kill('SIGKILL');
    assert.equal((await firstExit).signal, 'SIGKILL');
    const beforeRestart = sink.messages.length;
    assert.ok(beforeRestart < COUNT, `killed mid-edition (${beforeRestart} of ${COUNT} delivered)`);

    const second = send();
    let output = '';
    second.stdout!.on('data', (c) => (output += c));
    second.stderr!.on('data', (c) => (output += c));
    const { code } = await exited(second);
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`Edition ${editionId}: ${COUNT} sent, 0 failed, 0 suppressed`));

    const byRecipient = new Map<string, Set<string>>();
    let copies = 0;
    for (const m of sink.messages) {
      const id = /^Message-ID: (.+)$/im.exec(m.raw)![1]!.trim();
      for (const to of m.to) {
        const ids = byRecipient.get(to) ?? new Set();
        ids.add(id);
        byRecipient.set(to, ids);
        copies += 1;
      }
    }
    // Nobody missed it, and nobody got two different messages.
    assert.equal(byRecipient.size, COUNT);
    for (let i = 0; i < COUNT; i++) assert.equal(byRecipient.get(email(i))?.size, 1, email(i));
    // The one window: messages SMTP had taken when the kill came but the log had not yet marked
    // sent are sent again, with the same Message-ID: those in the SMTP conversation at that instant.
    const resent = copies - COUNT;
    assert.ok(resent <= 25, `${resent} messages were sent twice`);
    console.log(
      `# delivered before the kill: ${beforeRestart}; sent again after it (same Message-ID): ${resent}`,
    );
  });
});
