import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { Actions, can, canEditArticle, renderPermissionsMarkdown, roleHolds } from './permissions.ts';
import { StaffRoles } from './staff-users.ts';

const file = new URL('./PERMISSIONS.md', import.meta.url);

test('PERMISSIONS.md is the matrix, rendered (UPDATE_PERMISSIONS=1 rewrites it)', () => {
  const rendered = renderPermissionsMarkdown();
  if (process.env.UPDATE_PERMISSIONS === '1') writeFileSync(file, rendered);
  assert.equal(readFileSync(file, 'utf8'), rendered);
  for (const action of Actions) assert.ok(rendered.includes(`| \`${action}\``), action);
});

test('admins hold every action; writers never publish; moderators never write', () => {
  for (const action of Actions) assert.ok(roleHolds('admin', action), action);
  for (const action of [
    'article.publish',
    'article.unpublish',
    'article.schedule',
    'article.edit_any',
  ] as const) {
    assert.equal(can('writer', action), false, action);
  }
  for (const action of ['article.create', 'article.edit_own', 'article.edit_any'] as const) {
    assert.equal(can('moderator', action, { ownsArticle: true }), false, action);
  }
  assert.equal(can('moderator', 'comments.moderate'), true);
  assert.equal(can('editor', 'audit.read'), false);
  assert.equal(can('editor', 'users.manage'), false);
});

test('edit_own needs ownership; edit_any does not', () => {
  assert.equal(can('writer', 'article.edit_own', { ownsArticle: true }), true);
  assert.equal(can('writer', 'article.edit_own', { ownsArticle: false }), false);
  assert.equal(can('writer', 'article.edit_own'), false);
  assert.equal(canEditArticle('writer', true), true);
  assert.equal(canEditArticle('writer', false), false);
  assert.equal(canEditArticle('editor', false), true);
  assert.equal(canEditArticle('moderator', true), false);
});

test('an unknown role holds nothing', () => {
  for (const action of Actions) assert.equal(roleHolds('intern' as never, action), false);
  assert.equal(StaffRoles.length, 4);
});
