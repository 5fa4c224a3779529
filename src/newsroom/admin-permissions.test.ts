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
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document, with {id}. */
  readonly path: string;
  /** The permission it needs; 'session' needs only a session, 'public' not even that. */
  readonly needs: Action | 'session' | 'public';
  readonly id?: 'site' | 'article';
  readonly body?: (ids: { site: number; section: number; revision: number }) => object;
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
        const url =
          ADMIN + route.path.replace('{id}', String(route.id === 'site' ? fixture.site.id : article.id));
        const payload = route.body?.({
          site: fixture.site.id,
          section: fixture.europe.id,
          revision: article.revision,
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
