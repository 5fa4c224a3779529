import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ADMIN, buildAdminTestApp, type SignedInClient, signIn } from '../testing/admin-api.ts';

const channel = {
  name: 'Daily TV',
  streamUrl: 'https://video.example/live/master.m3u8',
  backupUrl: null,
  posterUrl: '/live/test-card/poster.jpg',
  onAir: true,
};

const xmltv = (programmes: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tv SYSTEM "xmltv.dtd">\n<tv generator-info-name="test">\n<channel id="daily.tv"><display-name>Daily TV</display-name></channel>\n${programmes}\n</tv>`;

describe('the admin API’s live TV routes', () => {
  let app: FastifyInstance;
  let editor: SignedInClient;
  let writer: SignedInClient;
  let siteId: number;
  let base: string;

  before(async () => {
    const built = await buildAdminTestApp();
    app = built.app;
    siteId = built.fixture.site.id;
    base = `${ADMIN}/live/sites/${siteId}`;
    editor = await signIn(app, 'editor@daily.test');
    writer = await signIn(app, 'writer@daily.test');
  });
  after(async () => app.close());

  test('a writer may not manage live TV; signed out is 401', async () => {
    const res = await writer.request({ method: 'PUT', url: `${base}/channel`, payload: channel });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error, 'FORBIDDEN');
    assert.equal((await app.inject({ url: `${base}/channel` })).statusCode, 401);
  });

  test('the channel: 404 before it exists, then saved, read back and audited', async () => {
    assert.equal((await editor.request({ url: `${base}/channel` })).statusCode, 404);
    const put = await editor.request({ method: 'PUT', url: `${base}/channel`, payload: channel });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json().name, 'Daily TV');
    const got = await editor.request({ url: `${base}/channel` });
    assert.equal(got.json().streamUrl, channel.streamUrl);
    const auditRes = await (await signIn(app, 'admin@daily.test')).request({
      url: `${ADMIN}/audit?action=live.channel.save`,
    });
    assert.equal(auditRes.json().data.length, 1);
  });

  test('bad channel input is a 422 naming the fields, and nothing changes', async () => {
    const res = await editor.request({
      method: 'PUT',
      url: `${base}/channel`,
      payload: { ...channel, name: ' ', streamUrl: 'javascript:alert(1)', backupUrl: '//evil.example/x' },
    });
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.error, 'VALIDATION');
    assert.deepEqual(
      body.fields.map((f: { field: string }) => f.field),
      ['name', 'streamUrl', 'backupUrl'],
    );
    assert.equal((await editor.request({ url: `${base}/channel` })).json().name, 'Daily TV');
    const missing = await editor.request({ method: 'PUT', url: `${base}/channel`, payload: { name: 'x' } });
    assert.equal(missing.statusCode, 422);
    const noSite = await editor.request({
      method: 'PUT',
      url: `${ADMIN}/live/sites/999/channel`,
      payload: channel,
    });
    assert.equal(noSite.statusCode, 404);
    assert.equal(noSite.json().error, 'LIVE_NOT_FOUND');
  });

  test('programmes: create, read, change, delete; bad times and overlaps are refused', async () => {
    const created = await editor.request({
      method: 'POST',
      url: `${base}/programmes`,
      payload: {
        title: 'Morning',
        startsAt: '2025-10-21T08:00:00-04:00',
        endsAt: '2025-10-21T09:00:00-04:00',
        host: 'Ann',
      },
    });
    assert.equal(created.statusCode, 201);
    const { id } = created.json();
    assert.equal(created.json().startsAt, '2025-10-21T12:00:00.000Z');
    const backwards = await editor.request({
      method: 'POST',
      url: `${base}/programmes`,
      payload: { title: 'Backwards', startsAt: '2025-10-21T11:00:00Z', endsAt: '2025-10-21T10:00:00Z' },
    });
    assert.equal(backwards.statusCode, 422);
    assert.match(backwards.json().fields[0].message, /end before it starts/);
    const overlap = await editor.request({
      method: 'POST',
      url: `${base}/programmes`,
      payload: { title: 'Clash', startsAt: '2025-10-21T12:30:00Z', endsAt: '2025-10-21T13:30:00Z' },
    });
    assert.equal(overlap.statusCode, 422);
    assert.match(overlap.json().fields[0].message, /overlaps “Morning”/);
    const notADate = await editor.request({
      method: 'POST',
      url: `${base}/programmes`,
      payload: { title: 'X', startsAt: 'tomorrow', endsAt: '2025-10-21T13:30:00Z' },
    });
    assert.equal(notADate.statusCode, 422);
    const patched = await editor.request({
      method: 'PATCH',
      url: `${ADMIN}/live/programmes/${id}`,
      payload: { title: 'Morning Report' },
    });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json().title, 'Morning Report');
    assert.equal(patched.json().host, 'Ann');
    const list = await editor.request({ url: `${base}/programmes` });
    assert.deepEqual(
      list.json().data.map((p: { title: string }) => p.title),
      ['Morning Report'],
    );
    assert.equal(
      (await editor.request({ method: 'DELETE', url: `${ADMIN}/live/programmes/${id}` })).statusCode,
      204,
    );
    const gone = await editor.request({ method: 'DELETE', url: `${ADMIN}/live/programmes/${id}` });
    assert.equal(gone.statusCode, 404);
    assert.equal(gone.json().error, 'LIVE_NOT_FOUND');
  });

  test('the schedule expands weekly programmes; a range over 31 days is refused', async () => {
    await editor.request({
      method: 'POST',
      url: `${base}/programmes`,
      payload: {
        title: 'Weekly',
        startsAt: '2025-10-22T20:00:00Z',
        endsAt: '2025-10-22T21:00:00Z',
        recurrence: 'weekly',
      },
    });
    const res = await editor.request({
      url: `${base}/schedule?from=2025-10-20T00:00:00Z&to=2025-11-10T00:00:00Z`,
    });
    assert.equal(res.statusCode, 200);
    // 22 and 29 October (EDT), then 5 November at the same 16:00 New York time (EST).
    assert.deepEqual(
      res.json().data.map((a: { startsAt: string }) => a.startsAt),
      ['2025-10-22T20:00:00.000Z', '2025-10-29T20:00:00.000Z', '2025-11-05T21:00:00.000Z'],
    );
    const tooLong = await editor.request({
      url: `${base}/schedule?from=2025-10-01T00:00:00Z&to=2025-12-01T00:00:00Z`,
    });
    assert.equal(tooLong.statusCode, 422);
  });

  test('XMLTV import: stores the guide; malformed files are a 400 and store nothing', async () => {
    const good =
      xmltv(`<programme start="20251023080000 -0400" stop="20251023090000 -0400" channel="daily.tv"><title lang="en">Imported Morning</title><desc lang="en">News &amp; weather.</desc><credits><presenter>Bea</presenter></credits></programme>
<programme start="20251023090000 -0400" stop="20251023100000 -0400" channel="daily.tv"><title>Imported Late Morning</title></programme>`);
    const res = await editor.request({
      method: 'POST',
      url: `${base}/schedule/import`,
      payload: { xml: good },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().imported, 2);
    const list = (
      await editor.request({ url: `${base}/programmes?from=2025-10-23T00:00:00Z&to=2025-10-24T00:00:00Z` })
    ).json().data;
    assert.deepEqual(
      list.map((p: { title: string; description: string; host: string | null }) => [
        p.title,
        p.description,
        p.host,
      ]),
      [
        ['Imported Morning', 'News & weather.', 'Bea'],
        ['Imported Late Morning', '', null],
      ],
    );
    const before = (await editor.request({ url: `${base}/programmes` })).json().data;
    for (const [xml, pattern] of [
      ['<tv><programme start="2025', /not well-formed XML/],
      ['<guide></guide>', /root element must be <tv>/],
      [
        xmltv(
          '<programme start="tomorrow" stop="20251023090000 -0400" channel="daily.tv"><title>X</title></programme>',
        ),
        /programme 1: start="tomorrow"/,
      ],
      [
        xmltv('<programme start="20251024080000 -0400" channel="daily.tv"><title>X</title></programme>'),
        /programme 1: has no stop time/,
      ],
      [
        xmltv(
          '<programme start="20251024080000 -0400" stop="20251024090000 -0400" channel="daily.tv"></programme>',
        ),
        /programme 1: has no <title>/,
      ],
    ] as const) {
      const bad = await editor.request({ method: 'POST', url: `${base}/schedule/import`, payload: { xml } });
      assert.equal(bad.statusCode, 400, xml);
      assert.equal(bad.json().error, 'LIVE_XMLTV_MALFORMED');
      assert.match(bad.json().message, pattern);
    }
    // A guide whose second programme overlaps its first: 422, and the first is not stored either.
    const overlapping =
      xmltv(`<programme start="20251025080000 -0400" stop="20251025090000 -0400" channel="daily.tv"><title>One</title></programme>
<programme start="20251025083000 -0400" stop="20251025093000 -0400" channel="daily.tv"><title>Two</title></programme>`);
    const refused = await editor.request({
      method: 'POST',
      url: `${base}/schedule/import`,
      payload: { xml: overlapping },
    });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual((await editor.request({ url: `${base}/programmes` })).json().data, before);
  });
});
