import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../platform/index.ts';
import { runDateline } from '../testing/cli.ts';

const workdir = mkdtempSync(join(tmpdir(), 'dateline-schedule-'));
const db = `sqlite:${join(workdir, 'schedule.db')}`;

const run = (...args: string[]) =>
  runDateline([...args, '--database', db], { cwd: workdir, timeoutMs: 120_000 });

function guide(name: string, programmes: string): string {
  const file = join(workdir, name);
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n${programmes}\n</tv>\n`);
  return file;
}

async function giveMoneyAChannel() {
  const handle = await openDatabase(db);
  try {
    const site = await handle.db
      .selectFrom('sites')
      .select('id')
      .where('slug', '=', 'money')
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto('live_channels')
      .values({
        site_id: site.id,
        name: 'Harbor Money TV',
        stream_url: '/live/test-card/master.m3u8',
        backup_url: null,
        poster_url: null,
        on_air: 1,
        updated_at: new Date().toISOString(),
      })
      .execute();
  } finally {
    await handle.close();
  }
}

async function importedTitles(): Promise<string[]> {
  const handle = await openDatabase(db);
  try {
    const rows = await handle.db
      .selectFrom('live_programmes')
      .select('title')
      .where('recurrence', '=', 'none')
      .orderBy('starts_at')
      .execute();
    return rows.map((r) => r.title);
  } finally {
    await handle.close();
  }
}

describe('dateline schedule import', () => {
  before(() => {
    const seeded = run('seed', '--demo');
    assert.equal(seeded.code, 0, seeded.err);
  });
  after(() => rmSync(workdir, { recursive: true, force: true }));

  test('--help lists it', () => {
    assert.match(run('--help').out, /dateline schedule import FILE\.xml --site SLUG \[--channel ID\]/);
  });

  test('imports an XMLTV guide into the site’s schedule', async () => {
    // The demo's weekly programmes fill Harbor Herald's every hour, so a guide for it overlaps
    // them; Harbor Money has no channel until this test gives it one.
    const file = guide(
      'good.xml',
      `<programme start="20300105080000 -0500" stop="20300105083000 -0500" channel="herald.tv"><title>Special Report</title><desc>An hour.</desc></programme>`,
    );
    const noChannel = run('schedule', 'import', file, '--site', 'money');
    assert.equal(noChannel.code, 1);
    assert.match(
      noChannel.err,
      /Set up the site’s channel before importing its schedule\. Nothing was imported\.$/m,
    );
    const overlapping = run('schedule', 'import', file, '--site', 'herald');
    assert.equal(overlapping.code, 1);
    assert.match(overlapping.err, /overlaps “Weekend Morning”/);
    assert.equal(overlapping.err.trim().split('\n').length, 1, 'one line');
    assert.deepEqual(await importedTitles(), []);

    await giveMoneyAChannel();
    const imported = run('schedule', 'import', file, '--site', 'money');
    assert.equal(imported.code, 0, imported.err);
    assert.match(
      imported.out,
      /^Imported 1 programme\(s\) into Harbor Money's schedule from 2030-01-05T13:00:00\.000Z to 2030-01-05T13:30:00\.000Z, replacing 0\.$/m,
    );
    assert.deepEqual(await importedTitles(), ['Special Report']);
    // The same guide again gives the same schedule.
    assert.equal(run('schedule', 'import', file, '--site', 'money').code, 0);
    assert.deepEqual(await importedTitles(), ['Special Report']);
  });

  test('a malformed file gets one clear line, exit code 1, and nothing is stored', async () => {
    const broken = guide('broken.xml', '<programme start="20300105080000 -0500"');
    const res = run('schedule', 'import', broken, '--site', 'money');
    assert.equal(res.code, 1);
    assert.match(
      res.err,
      /^dateline: .*broken\.xml is not a usable XMLTV file: not well-formed XML at line \d+: .+\. Nothing was imported\.\n$/,
    );
    const missingStop = guide(
      'nostop.xml',
      `<programme start="20300105080000 -0500" stop="20300105090000 -0500" channel="c"><title>A</title></programme>
<programme start="20300105090000 -0500" channel="c"><title>B</title></programme>`,
    );
    const res2 = run('schedule', 'import', missingStop, '--site', 'money');
    assert.equal(res2.code, 1);
    assert.match(res2.err, /programme 2: has no stop time/);
    assert.deepEqual(await importedTitles(), ['Special Report']);
  });

  test('bad arguments', () => {
    assert.equal(run('schedule', 'import', '--site', 'herald').code, 2);
    const noSite = run('schedule', 'import', join(workdir, 'good.xml'), '--site', 'nowhere');
    assert.equal(noSite.code, 1);
    assert.match(noSite.err, /there is no site "nowhere" \(sites: herald, money, health\)/);
    const noFile = run('schedule', 'import', join(workdir, 'missing.xml'), '--site', 'herald');
    assert.equal(noFile.code, 1);
    assert.match(noFile.err, /cannot read .*missing\.xml: ENOENT/);
  });
});
