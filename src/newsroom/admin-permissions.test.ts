/**
 * The whole permissions matrix, walked over HTTP: every admin route × every role and a signed-out
 * caller. Allowed answers anything but 401/403 (and never 5xx); refused answers 403 FORBIDDEN.
 * The route table must list every operation in the OpenAPI document, so a new route cannot
 * skip the walk.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, PASSWORD, type SignedInClient, signIn } from '../testing/admin-api.ts';
import { type Action, roleHolds } from './permissions.ts';
import { type StaffRole, StaffRoles } from './staff-users.ts';

interface RouteCase {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** As in the OpenAPI document, with {id}. */
  readonly path: string;
  /** The permission it needs; 'session' needs only a session, 'public' not even that. */
  readonly needs: Action | 'session' | 'public';
  readonly id?: 'site' | 'article' | 'section' | 'tag' | 'user';
  readonly body?: (ids: { site: number; section: number; revision: number; tags: number[] }) => object;
}

const routes: readonly RouteCase[] = [
  {
    method: 'POST',
    path: '/session',
    needs: 'public',
    body: () => ({ email: 'admin@daily.test', password: PASSWORD }),
  },
  { method: 'GET', path: '/session', needs: 'session' },
  { method: 'DELETE', path: '/session', needs: 'session' },
  { method: 'GET', path: '/sites', needs: 'article.read' },
  { method: 'GET', path: '/sites/{id}/sections', needs: 'article.read', id: 'site' },
  { method: 'GET', path: '/sites/{id}/tags', needs: 'article.read', id: 'site' },
  { method: 'GET', path: '/articles', needs: 'article.read' },
  { method: 'GET', path: '/articles/{id}', needs: 'article.read', id: 'article' },
  { method: 'GET', path: '/articles/{id}/revisions', needs: 'article.read', id: 'article' },
  {
    method: 'POST',
    path: '/articles',
    needs: 'article.create',
    body: ({ site, section }) => ({ siteId: site, sectionId: section, headline: 'Matrix draft' }),
  },
  {
    method: 'PATCH',
    path: '/articles/{id}',
    needs: 'article.edit_own',
    id: 'article',
    body: ({ revision }) => ({ expectedRevision: revision, summary: 'Edited in the matrix walk' }),
  },
  { method: 'POST', path: '/articles/{id}/publish', needs: 'article.publish', id: 'article' },
  { method: 'POST', path: '/articles/{id}/unpublish', needs: 'article.unpublish', id: 'article' },
  {
    method: 'POST',
    path: '/articles/{id}/schedule',
    needs: 'article.schedule',
    id: 'article',
    body: () => ({ at: '2030-01-01T00:00:00Z' }),
  },
  { method: 'GET', path: '/audit', needs: 'audit.read' },
  // A JSON body is enough to walk the guard: allowed roles then get 415 (media.test.ts uploads for real).
  { method: 'POST', path: '/media', needs: 'media.upload', body: () => ({ file: 'not multipart' }) },
  { method: 'GET', path: '/media', needs: 'article.read' },
  { method: 'GET', path: '/sites/{id}/home', needs: 'article.read', id: 'site' },
  {
    method: 'PUT',
    path: '/sites/{id}/home',
    needs: 'homepage.curate',
    id: 'site',
    body: () => ({ articleIds: [] }),
  },
  {
    method: 'POST',
    path: '/sites/{id}/sections',
    needs: 'taxonomy.manage',
    id: 'site',
    body: () => ({ name: 'Matrix section' }),
  },
  {
    method: 'PATCH',
    path: '/sections/{id}',
    needs: 'taxonomy.manage',
    id: 'section',
    body: () => ({ name: 'Europe' }),
  },
  {
    method: 'POST',
    path: '/sites/{id}/tags',
    needs: 'taxonomy.manage',
    id: 'site',
    body: () => ({ name: 'Matrix tag' }),
  },
  {
    method: 'PATCH',
    path: '/tags/{id}',
    needs: 'taxonomy.manage',
    id: 'tag',
    body: () => ({ name: 'Summit' }),
  },
  // The first allowed role merges; later ones find the tag gone (404), which is still not 401/403.
  {
    method: 'POST',
    path: '/tags/{id}/merge',
    needs: 'taxonomy.manage',
    id: 'tag',
    body: ({ tags }) => ({ intoTagId: tags[1] }),
  },
  { method: 'GET', path: '/users', needs: 'users.manage' },
  {
    method: 'POST',
    path: '/users',
    needs: 'users.manage',
    body: () => ({ email: 'matrix@daily.test', name: 'Matrix Person', role: 'writer' }),
  },
  {
    method: 'PATCH',
    path: '/users/{id}',
    needs: 'users.manage',
    id: 'user',
    body: () => ({ name: 'Mo Derator' }),
  },
  { method: 'POST', path: '/password-reset', needs: 'public', body: () => ({ email: 'writer@daily.test' }) },
  {
    method: 'POST',
    path: '/password-reset/confirm',
    needs: 'public',
    body: () => ({ token: 'x'.repeat(43), password: 'a new password for the matrix' }),
  },
  {
    method: 'POST',
    path: '/articles/{id}/corrections',
    needs: 'article.publish',
    id: 'article',
    body: () => ({ text: 'An earlier version misspelt a name.' }),
  },
  { method: 'GET', path: '/live/sites/{id}/channel', needs: 'live.manage', id: 'site' },
  {
    method: 'PUT',
    path: '/live/sites/{id}/channel',
    needs: 'live.manage',
    id: 'site',
    body: () => ({ name: 'Matrix TV', streamUrl: '/live/test-card/master.m3u8', onAir: true }),
  },
  { method: 'GET', path: '/live/sites/{id}/programmes', needs: 'live.manage', id: 'site' },
  {
    method: 'POST',
    path: '/live/sites/{id}/programmes',
    needs: 'live.manage',
    id: 'site',
    body: () => ({ title: 'Matrix', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T01:00:00Z' }),
  },
  { method: 'GET', path: '/live/sites/{id}/schedule', needs: 'live.manage', id: 'site' },
  {
    method: 'POST',
    path: '/live/sites/{id}/schedule/import',
    needs: 'live.manage',
    id: 'site',
    body: () => ({ xml: '<tv></tv>' }),
  },
  { method: 'GET', path: '/live/programmes/{id}', needs: 'live.manage', id: 'article' },
  {
    method: 'PATCH',
    path: '/live/programmes/{id}',
    needs: 'live.manage',
    id: 'article',
    body: () => ({ title: 'X' }),
  },
  { method: 'DELETE', path: '/live/programmes/{id}', needs: 'live.manage', id: 'article' },
  // The wire desk (src/wire/http): ids name no source or item here, so allowed roles get 404.
  { method: 'GET', path: '/wire/sources', needs: 'wire.review' },
  {
    method: 'POST',
    path: '/wire/sources',
    needs: 'wire.configure',
    body: ({ site }) => ({ name: `Matrix source ${Math.random()}`, siteId: site, kind: 'manual' }),
  },
  { method: 'GET', path: '/wire/sources/{id}', needs: 'wire.review', id: 'article' },
  {
    method: 'PATCH',
    path: '/wire/sources/{id}',
    needs: 'wire.configure',
    id: 'article',
    body: () => ({ enabled: false }),
  },
  { method: 'DELETE', path: '/wire/sources/{id}', needs: 'wire.configure', id: 'article' },
  { method: 'GET', path: '/wire/sources/{id}/items', needs: 'wire.review', id: 'article' },
  { method: 'GET', path: '/wire/sources/{id}/agencies', needs: 'wire.review', id: 'article' },
  { method: 'GET', path: '/wire/sources/{id}/mappings', needs: 'wire.review', id: 'article' },
  {
    method: 'PUT',
    path: '/wire/sources/{id}/mappings',
    needs: 'wire.configure',
    id: 'article',
    body: () => ({ kind: 'keyword', value: 'matrix', tagId: null }),
  },
  {
    method: 'DELETE',
    path: '/wire/sources/{id}/mappings/{mappingId}',
    needs: 'wire.configure',
    id: 'article',
  },
  { method: 'GET', path: '/wire/items/{id}', needs: 'wire.review', id: 'article' },
  { method: 'GET', path: '/wire/items/{id}/original', needs: 'wire.review', id: 'article' },
  { method: 'POST', path: '/wire/items/{id}/publish', needs: 'wire.review', id: 'article' },
  { method: 'POST', path: '/wire/items/{id}/ignore', needs: 'wire.review', id: 'article' },
  { method: 'POST', path: '/wire/items/{id}/draft', needs: 'wire.review', id: 'article' },
  // The newsletter's extension.
  { method: 'GET', path: '/newsletter/editions', needs: 'newsletter.manage' },
  {
    method: 'POST',
    path: '/newsletter/editions',
    needs: 'newsletter.manage',
    body: ({ site }) => ({ siteId: site }),
  },
  { method: 'GET', path: '/newsletter/editions/{id}', needs: 'newsletter.manage', id: 'article' },
  {
    method: 'PATCH',
    path: '/newsletter/editions/{id}',
    needs: 'newsletter.manage',
    id: 'article',
    body: () => ({ intro: 'Matrix' }),
  },
  { method: 'GET', path: '/newsletter/editions/{id}/preview', needs: 'newsletter.manage', id: 'article' },
  {
    method: 'POST',
    path: '/newsletter/editions/{id}/send',
    needs: 'newsletter.manage',
    id: 'article',
    body: () => ({}),
  },
  { method: 'POST', path: '/newsletter/editions/{id}/cancel', needs: 'newsletter.manage', id: 'article' },
  { method: 'GET', path: '/newsletter/settings/{siteId}', needs: 'newsletter.manage' },
  {
    method: 'PUT',
    path: '/newsletter/settings/{siteId}',
    needs: 'newsletter.manage',
    body: () => ({ sendTime: '06:00', autoSend: false }),
  },
  { method: 'GET', path: '/newsletter/articles/{id}/localities', needs: 'article.read', id: 'article' },
  {
    method: 'PUT',
    path: '/newsletter/articles/{id}/localities',
    needs: 'article.edit_any',
    id: 'article',
    body: () => ({ localities: [{ state: 'NY' }] }),
  },
  { method: 'GET', path: '/subscribers', needs: 'subscribers.manage' },
  { method: 'GET', path: '/subscribers/export.csv', needs: 'subscribers.manage' },
  { method: 'GET', path: '/subscribers/places', needs: 'subscribers.manage' },
  { method: 'POST', path: '/subscribers/bounces/messages', needs: 'subscribers.manage' },
  { method: 'DELETE', path: '/subscribers/{id}', needs: 'subscribers.manage', id: 'article' },
  {
    method: 'POST',
    path: '/subscribers/bounces',
    needs: 'subscribers.manage',
    body: () => ({ email: 'x@example.org' }),
  },
  { method: 'GET', path: '/sites/{id}/authors', needs: 'article.read', id: 'site' },
  { method: 'GET', path: '/sites/{id}/agencies', needs: 'article.read', id: 'site' },
  { method: 'GET', path: '/articles/{id}/preview', needs: 'article.read', id: 'article' },
  // The community's extension (src/community/web/admin-routes.ts).
  { method: 'GET', path: '/comments', needs: 'comments.moderate' },
  { method: 'GET', path: '/comments/{id}', needs: 'comments.moderate' },
  { method: 'POST', path: '/comments/{id}/approve', needs: 'comments.moderate' },
  {
    method: 'POST',
    path: '/comments/{id}/reject',
    needs: 'comments.moderate',
    body: () => ({ reason: 'matrix' }),
  },
  { method: 'GET', path: '/readers/{id}', needs: 'comments.moderate' },
  {
    method: 'POST',
    path: '/readers/{id}/suspend',
    needs: 'comments.moderate',
    body: () => ({ until: '2030-01-01T00:00:00Z' }),
  },
  { method: 'POST', path: '/readers/{id}/ban', needs: 'comments.moderate' },
  { method: 'POST', path: '/readers/{id}/reinstate', needs: 'comments.moderate' },
  { method: 'GET', path: '/sites/{id}/community', needs: 'community.manage', id: 'site' },
  {
    method: 'PUT',
    path: '/sites/{id}/community',
    needs: 'community.manage',
    id: 'site',
    body: () => ({ moderationMode: 'post' }),
  },
  { method: 'GET', path: '/sites/{id}/guidelines', needs: 'community.manage', id: 'site' },
  {
    method: 'PUT',
    path: '/sites/{id}/guidelines',
    needs: 'community.manage',
    id: 'site',
    body: () => ({ title: 'Rules', sections: [{ heading: 'Be kind', paragraphs: ['Please.'] }] }),
  },
  { method: 'DELETE', path: '/sites/{id}/guidelines', needs: 'community.manage', id: 'site' },
];

describe('the permissions matrix over HTTP', async () => {
  const { app, fixture, users } = await buildAdminTestApp();
  after(() => app.close());
  const clients = {} as Record<StaffRole, SignedInClient>;
  for (const role of StaffRoles) clients[role] = await signIn(app, users[role].email);

  test('the route table lists every operation of the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: `${ADMIN}/openapi.json` })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.slice(ADMIN.length)}`))
      .sort();
    assert.deepEqual(documented, routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  /** An article the role's own user created (an admin's for roles that cannot create). */
  const ownArticle = async (role: StaffRole) => {
    const owner = roleHolds(role, 'article.create') ? clients[role] : clients.admin;
    const res = await owner.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: { siteId: fixture.site.id, sectionId: fixture.europe.id, headline: `Owned by ${role}` },
    });
    assert.equal(res.statusCode, 201);
    return res.json() as { id: number; revision: number };
  };

  for (const route of routes) {
    test(`${route.method} ${route.path}`, async () => {
      for (const role of [...StaffRoles, null]) {
        const article = await ownArticle(role ?? 'admin');
        const ids = {
          site: fixture.site.id,
          article: article.id,
          section: fixture.europe.id,
          tag: fixture.tags[0]!.id,
          user: users.moderator.id,
        };
        const url =
          ADMIN +
          route.path
            .replace('{id}', String(ids[route.id ?? 'article']))
            .replace('{siteId}', String(fixture.site.id));
        const payload = route.body?.({
          site: fixture.site.id,
          section: fixture.europe.id,
          revision: article.revision,
          tags: fixture.tags.map((t) => t.id),
        });
        let res: Awaited<ReturnType<SignedInClient['request']>>;
        if (role === null) {
          res = await app.inject({ method: route.method, url, ...(payload ? { payload } : {}) });
        } else {
          // Signing out ends the session, so it gets a session of its own.
          const client =
            route.path === '/session' && route.method === 'DELETE'
              ? await signIn(app, users[role].email, PASSWORD)
              : clients[role];
          res = await client.request({ method: route.method, url, ...(payload ? { payload } : {}) });
        }
        const who = role ?? 'anonymous';
        assert.ok(res.statusCode < 500, `${who}: ${res.statusCode} ${res.body}`);
        const allowed =
          route.needs === 'public' ||
          (role !== null && (route.needs === 'session' || roleHolds(role, route.needs)));
        if (allowed) {
          assert.ok(![401, 403].includes(res.statusCode), `${who} may: got ${res.statusCode} ${res.body}`);
        } else if (role === null) {
          assert.equal(res.statusCode, 401, `${who}: ${res.body}`);
          assert.equal(res.json().error, 'UNAUTHENTICATED');
        } else {
          assert.equal(res.statusCode, 403, `${who} may not: got ${res.statusCode} ${res.body}`);
          assert.equal(res.json().error, 'FORBIDDEN');
          assert.match(res.json().message, new RegExp(`Your role \\(${role}\\)`));
        }
      }
    });
  }

  test("editing someone else's article: editors and admins may, writers may not", async () => {
    const byAdmin = await ownArticle('admin');
    for (const role of StaffRoles) {
      const current = (
        await clients.admin.request({ method: 'GET', url: `${ADMIN}/articles/${byAdmin.id}` })
      ).json();
      const res = await clients[role].request({
        method: 'PATCH',
        url: `${ADMIN}/articles/${byAdmin.id}`,
        payload: { expectedRevision: current.revision, summary: `by ${role}` },
      });
      assert.equal(res.statusCode, roleHolds(role, 'article.edit_any') ? 200 : 403, `${role}: ${res.body}`);
    }
  });
});
