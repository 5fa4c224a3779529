/**
 * Who may do what in the newsroom: one matrix of roles × actions, read by the admin API's
 * route guards and rendered into PERMISSIONS.md (a test keeps the two identical).
 *
 * `article.edit_own` is granted only together with ownership: the staff user who created the
 * article. Editors and admins hold `article.edit_any` as well.
 */
import type { StaffRole } from './staff-users.ts';
import { StaffRoles } from './staff-users.ts';

export const Actions = [
  'article.read',
  'article.create',
  'article.edit_own',
  'article.edit_any',
  'article.publish',
  'article.unpublish',
  'article.schedule',
  'taxonomy.manage',
  'users.manage',
  'audit.read',
  'media.upload',
  'homepage.curate',
  'comments.moderate',
  'community.manage',
  'newsletter.manage',
  'subscribers.manage',
  'wire.review',
  'wire.configure',
  'live.manage',
] as const;
export type Action = (typeof Actions)[number];

/** Why each action exists, for PERMISSIONS.md. */
const descriptions: Record<Action, string> = {
  'article.read': 'see articles of any status, their revisions, sites, sections and tags',
  'article.create': 'create a draft',
  'article.edit_own': 'edit an article one created',
  'article.edit_any': "edit anyone's article",
  'article.publish': 'publish now; append a correction to a published article',
  'article.unpublish': 'take a published article down',
  'article.schedule': 'schedule publication',
  'taxonomy.manage': 'create and rename sections and tags, merge two tags (old URLs answer 301)',
  'users.manage': 'list, create, change and disable staff accounts',
  'audit.read': 'read the audit log',
  'media.upload': 'upload images to the media library',
  'homepage.curate': "pick and order a brand's home-page top stories",
  'comments.moderate': 'moderate comments: approve, reject, suspend or ban commenters',
  'community.manage': "edit a brand's community guidelines and moderation settings",
  'newsletter.manage': 'edit, schedule and send newsletter editions',
  'subscribers.manage': 'search, export and delete newsletter subscribers',
  'wire.review': 'work the wire desk: publish, open or ignore incoming wire items',
  'wire.configure': 'configure wire sources and their mapping rules',
  'live.manage': "edit a brand's live TV channel and programme schedule",
};

/** The matrix. Writers write and never publish; moderators only read articles and moderate. */
const granted: Record<StaffRole, readonly Action[]> = {
  admin: Actions,
  editor: [
    'article.read',
    'article.create',
    'article.edit_own',
    'article.edit_any',
    'article.publish',
    'article.unpublish',
    'article.schedule',
    'taxonomy.manage',
    'media.upload',
    'homepage.curate',
    'comments.moderate',
    'community.manage',
    'newsletter.manage',
    'wire.review',
    'live.manage',
  ],
  writer: ['article.read', 'article.create', 'article.edit_own', 'media.upload'],
  moderator: ['article.read', 'comments.moderate'],
};

/** Whether the role holds the action at all, ownership aside (route guards use this). */
export function roleHolds(role: StaffRole, action: Action): boolean {
  return granted[role]?.includes(action) ?? false;
}

/**
 * Whether `role` may do `action`; `article.edit_own` also needs `ownsArticle`.
 *
 * @example
 * can('writer', 'article.edit_own', { ownsArticle: true }); // true
 * can('writer', 'article.publish'); // false
 */
export function can(role: StaffRole, action: Action, context: { ownsArticle?: boolean } = {}): boolean {
  if (!roleHolds(role, action)) return false;
  return action === 'article.edit_own' ? context.ownsArticle === true : true;
}

/** Whether `role` may edit an article, given whether the user created it. */
export function canEditArticle(role: StaffRole, ownsArticle: boolean): boolean {
  return can(role, 'article.edit_any') || can(role, 'article.edit_own', { ownsArticle });
}

/** The matrix as the markdown table in PERMISSIONS.md. */
export function renderPermissionsMarkdown(): string {
  const table = markdownTable(
    ['action', ...StaffRoles, 'meaning'],
    ['left', ...StaffRoles.map(() => 'center' as const), 'left'],
    Actions.map((action) => [
      `\`${action}\``,
      ...StaffRoles.map((role) => (roleHolds(role, action) ? 'yes' : '—')),
      descriptions[action],
    ]),
  );
  return [
    '# Newsroom permissions',
    '',
    'Generated from `src/newsroom/permissions.ts` by `permissions.test.ts`',
    '(`UPDATE_PERMISSIONS=1 node --import tsx --test src/newsroom/permissions.test.ts` rewrites it).',
    'Do not edit by hand.',
    '',
    '`article.edit_own` applies only to articles the user created; the admin API answers 403',
    'when a writer edits anyone else’s. Signed-out requests get 401 everywhere but sign-in.',
    '',
    ...table,
    '',
  ].join('\n');
}

/** Padded like the formatter pads markdown tables, so formatting the file does not change it. */
function markdownTable(header: string[], align: ('left' | 'center')[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const cell = (text: string, i: number) => {
    const room = widths[i]! - text.length;
    if (align[i] === 'left') return text + ' '.repeat(room);
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  };
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'center' ? `:${'-'.repeat(w - 2)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)];
}
