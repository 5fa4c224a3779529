/** Staff accounts over HTTP (admins): list, create with a generated password, change role, disable. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, type SignedInClient, signIn } from '../testing/admin-api.ts';

describe('staff accounts', async () => {
  const { app, fixture, users } = await buildAdminTestApp();
  let admin: SignedInClient;
  before(async () => {
    admin = await signIn(app, users.admin.email);
  });
  after(() => app.close());
  const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    admin.request({ method, url: `${ADMIN}${url}`, payload });
  const fieldsOf = (body: string) =>
    (JSON.parse(body).fields as { field: string }[]).map((f) => f.field).sort();

  test('GET /users lists every account without secrets', async () => {
    const res = await admin.request({ method: 'GET', url: `${ADMIN}/users` });
    assert.equal(res.statusCode, 200);
    const data = res.json().data as Record<string, unknown>[];
    assert.equal(data.length, 4);
    assert.deepEqual(Object.keys(data[0]!).sort(), ['createdAt', 'disabled', 'email', 'id', 'name', 'role']);
    assert.doesNotMatch(res.body, /argon2|password/i);
  });

  test('creating an account answers a generated password once; bad fields 422 per field', async () => {
    const res = await send('POST', '/users', {
      email: ' New.Writer@Daily.Test ',
      name: 'New Writer',
      role: 'writer',
    });
    assert.equal(res.statusCode, 201, res.body);
    const { data, generatedPassword } = res.json();
    assert.equal(data.email, 'new.writer@daily.test');
    assert.match(generatedPassword, /^[\w-]{24}$/);
    const client = await signIn(app, 'new.writer@daily.test', generatedPassword);
    assert.equal(client.user.role, 'writer');
    const own = await send('POST', '/users', {
      email: 'chosen@daily.test',
      role: 'editor',
      password: 'a chosen long password',
    });
    assert.equal(own.json().generatedPassword, undefined);

    assert.deepEqual(
      fieldsOf((await send('POST', '/users', { email: 'nope', role: 'writer', password: 'short' })).body),
      ['email', 'password'],
    );
    const taken = await send('POST', '/users', { email: 'new.writer@daily.test', role: 'writer' });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.json().fields[0].message, /already exists/);
    assert.deepEqual(fieldsOf((await send('POST', '/users', { email: 'x@daily.test', role: 'boss' })).body), [
      'role',
    ]);
    assert.deepEqual(fieldsOf((await send('POST', '/users', { role: 'writer' })).body), ['email']);
  });

  test('a new role applies to the open session at once; a disabled account is signed out at once', async () => {
    const writer = await signIn(app, users.writer.email);
    const draft = await writer.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: { siteId: fixture.site.id, sectionId: fixture.europe.id, headline: 'Promoted' },
    });
    const publish = () =>
      writer.request({ method: 'POST', url: `${ADMIN}/articles/${draft.json().id}/publish` });
    assert.equal((await publish()).statusCode, 403);
    const promoted = await send('PATCH', `/users/${users.writer.id}`, { role: 'editor', name: 'Wri Ter' });
    assert.equal(promoted.statusCode, 200, promoted.body);
    assert.deepEqual([promoted.json().data.role, promoted.json().data.name], ['editor', 'Wri Ter']);
    assert.equal((await publish()).statusCode, 200);

    const disabled = await send('PATCH', `/users/${users.writer.id}`, { disabled: true });
    assert.equal(disabled.json().data.disabled, true);
    const after = await writer.request({ method: 'GET', url: `${ADMIN}/session` });
    assert.equal(after.statusCode, 401);
    const again = await app.inject({
      method: 'POST',
      url: `${ADMIN}/session`,
      payload: { email: users.writer.email, password: 'correct horse battery staple' },
    });
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().message, 'Email or password is incorrect.');
    await send('PATCH', `/users/${users.writer.id}`, { disabled: false });
    await signIn(app, users.writer.email);
    const audit = await app.services.newsroom.audit.list({ action: 'user.update' });
    assert.equal(audit.total, 3);
  });

  test('the newsroom keeps an active admin; unknown accounts 404; bad values 422', async () => {
    const demote = await send('PATCH', `/users/${users.admin.id}`, { role: 'editor' });
    assert.equal(demote.statusCode, 422);
    assert.match(demote.json().fields[0].message, /at least one active admin/);
    assert.equal((await send('PATCH', `/users/${users.admin.id}`, { disabled: true })).statusCode, 422);
    assert.equal((await send('PATCH', '/users/9999', { name: 'Ghost' })).statusCode, 404);
    assert.deepEqual(fieldsOf((await send('PATCH', `/users/${users.editor.id}`, { name: ' ' })).body), [
      'name',
    ]);
    assert.deepEqual(fieldsOf((await send('PATCH', `/users/${users.editor.id}`, { disabled: 'yes' })).body), [
      'disabled',
    ]);
    assert.equal((await admin.request({ method: 'GET', url: `${ADMIN}/session` })).statusCode, 200);
  });
});
