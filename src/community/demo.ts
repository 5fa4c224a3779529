/**
 * The demo's community: a few readers and comments on the default brand's two newest articles,
 * so a fresh install shows a working thread and a moderation queue that is not empty. Fixed
 * words and offsets from each article's publication: the same demo gives the same rows.
 */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import type { Database } from '../platform/index.ts';
import { createCommentRepository } from './comment-repository.ts';

interface DemoComment {
  readonly key: string;
  readonly by: string;
  readonly replyTo?: string;
  readonly minutes: number;
  readonly body: string;
  readonly status: 'approved' | 'pending';
  readonly holdReason?: string;
}

const readers = [
  { email: 'maya.reader@example.com', name: 'Maya Lindqvist' },
  { email: 'tom.reader@example.com', name: 'Tom Okafor' },
  { email: 'priya.reader@example.com', name: 'Priya Raman' },
  { email: 'sam.reader@example.com', name: 'Sam Decker' },
] as const;

/** Per article (newest first): what readers said, minutes after publication. */
const threads: readonly (readonly DemoComment[])[] = [
  [
    {
      key: 'a1',
      by: 'maya.reader@example.com',
      minutes: 12,
      status: 'approved',
      body: 'Clear write-up, thank you. I would like to know what happens next, and when.',
    },
    {
      key: 'a2',
      by: 'tom.reader@example.com',
      replyTo: 'a1',
      minutes: 25,
      status: 'approved',
      body: 'Same here. The piece says a decision is due within weeks.\n\nWorth a follow-up then.',
    },
    {
      key: 'a3',
      by: 'priya.reader@example.com',
      minutes: 41,
      status: 'approved',
      body: 'Nobody I know believes a word of this. Typical.',
    },
    {
      key: 'a4',
      by: 'sam.reader@example.com',
      minutes: 58,
      status: 'pending',
      holdReason: 'links',
      body: 'More background here: https://example.com/background-reading',
    },
  ],
  [
    {
      key: 'b1',
      by: 'tom.reader@example.com',
      minutes: 18,
      status: 'approved',
      body: 'Good to see this covered properly.',
    },
    {
      key: 'b2',
      by: 'sam.reader@example.com',
      minutes: 33,
      status: 'pending',
      holdReason: 'links',
      body: 'I wrote about this last year: https://example.org/my-notes',
    },
  ],
];

/**
 * Seeds the demo readers and comments; does nothing when there is no site or readers exist
 * already (so `serve --demo` on a seeded database adds nothing). Answers how many comments.
 */
export async function seedDemoCommunity(
  db: Kysely<Database>,
  content: ContentService,
  options: { readonly now: Date },
): Promise<number> {
  await content.load();
  const site = content.sites.find((s) => s.isDefault) ?? content.sites[0];
  if (!site) return 0;
  if (await db.selectFrom('readers').select('id').limit(1).executeTakeFirst()) return 0;
  const { now } = options;
  const articles = await content.articles.listVisible({ siteId: site.id, now, pageSize: threads.length });
  const repo = createCommentRepository(db);
  const joined = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const readerIds = new Map<string, number>();
  for (const reader of readers) {
    const row = await db
      .insertInto('readers')
      .values({
        email: reader.email,
        display_name: reader.name,
        guidelines_accepted_at: joined,
        notify_replies: 0,
        created_at: joined,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    readerIds.set(reader.email, row.id);
  }
  const ids = new Map<string, number>();
  let count = 0;
  for (const [index, article] of articles.items.entries()) {
    for (const c of threads[index] ?? []) {
      // Never in the future: a just-published article gets its comments compressed before now.
      const at = new Date(
        Math.min(now.getTime() - (60 - c.minutes) * 1000, article.publishedAt.getTime() + c.minutes * 60_000),
      );
      const parentId = c.replyTo ? ids.get(c.replyTo)! : null;
      const comment = await repo.insert(
        {
          siteId: site.id,
          articleId: article.id,
          readerId: readerIds.get(c.by)!,
          parentId,
          threadId: parentId,
          body: c.body,
          status: c.status,
          holdReason: c.holdReason ?? null,
          ipHash: 'demo',
          at,
        },
        null,
      );
      ids.set(c.key, comment.id);
      count += 1;
    }
  }
  // One reported comment, so the reported queue has something to show.
  const reported = ids.get('a3');
  if (reported !== undefined) {
    await repo.report(
      reported,
      readerIds.get('maya.reader@example.com')!,
      'abusive',
      'Dismissive of other readers.',
      now,
    );
  }
  return count;
}
