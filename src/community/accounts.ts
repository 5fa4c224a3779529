/**
 * Reader accounts: join or sign in by an emailed link, the profile (display name, the
 * guidelines, reply emails), and the reader's own data (download, delete).
 */
import type { Kysely } from 'kysely';
import type { Site } from '../content/index.ts';
import type { Clock, Database, Mailer } from '../platform/index.ts';
import type { CommentRepository } from './comment-repository.ts';
import { CommunityError } from './errors.ts';
import { commentLimits, type Reader } from './model.ts';
import { type ReaderRepository, sha256 } from './readers.ts';
import { normaliseEmail, type SignInLinks } from './sign-in-links.ts';

export interface AccountsDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly readers: ReaderRepository;
  readonly links: SignInLinks;
  readonly comments: CommentRepository;
  /** Tell the caches that an article's comments changed (the reader's comments were removed). */
  readonly changed: (siteId: number, articleId: number) => void;
}

/** Only paths of this site, never another origin or a protocol-relative `//host`. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s]*$/u.test(value) || value.length > 500) return '/';
  return value;
}

const displayNamePattern = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._'’-]*$/u;

export function checkDisplayName(input: string): string {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw new CommunityError.ProfileInvalid('Choose a display name.');
  if ([...name].length > commentLimits.displayNameMax) {
    throw new CommunityError.ProfileInvalid(
      `Your display name may have at most ${commentLimits.displayNameMax} characters.`,
    );
  }
  if (!displayNamePattern.test(name)) {
    throw new CommunityError.ProfileInvalid(
      "Your display name may use letters, digits, spaces and . _ ' - (starting with a letter or digit).",
    );
  }
  return name;
}

export function createAccounts(deps: AccountsDeps) {
  const { db, clock, mailer, readers, links, comments } = deps;
  return {
    /**
     * Emails a sign-in link. The answer is the same whether or not the address has an account,
     * so the form tells nobody who reads here. Nothing is kept when the email cannot be sent.
     */
    async requestLink(input: { email: string; site: Site; origin: string; returnPath: string; ip: string }) {
      const email = normaliseEmail(input.email);
      const token = await links.create({
        email,
        siteId: input.site.id,
        returnPath: safeReturnPath(input.returnPath),
        ip: input.ip,
      });
      const url = `${input.origin}/community/sign-in?token=${token}`;
      try {
        await mailer.send({
          to: email,
          subject: `Your link to sign in to ${input.site.name}`,
          text: `Hello,\n\nUse this link to join or sign in to the ${input.site.name} community:\n\n${url}\n\nIt works once, within 30 minutes. If you did not ask for it, ignore this email: nothing happens without the link.\n\n${input.site.name}\n`,
        });
      } catch (error) {
        await links.discard(token);
        throw error;
      }
    },

    /** Uses a link: the account (created on first use), a new session, and where to go next. */
    async signIn(token: string) {
      const { email, returnPath } = await links.consume(token);
      const reader = await readers.findOrCreate(email, clock.now());
      const { token: sessionToken, session } = await readers.createSession(reader.id);
      return { reader, sessionToken, session, returnPath };
    },

    async updateProfile(
      reader: Reader,
      input: { displayName: string; acceptGuidelines: boolean; notifyReplies: boolean },
    ): Promise<Reader> {
      const displayName = checkDisplayName(input.displayName);
      if (!input.acceptGuidelines && !reader.guidelinesAcceptedAt) {
        throw new CommunityError.ProfileInvalid('Accept the community guidelines to take part.');
      }
      return readers.updateProfile(reader.id, {
        displayName,
        guidelinesAcceptedAt: reader.guidelinesAcceptedAt ?? clock.now(),
        notifyReplies: input.notifyReplies,
      });
    },

    signOut: (sessionToken: string) => readers.revokeSession(sessionToken),

    /** Everything the community keeps about a reader, as JSON (the right of access). */
    async exportData(reader: Reader) {
      const { comments: mine, likes, reports } = await comments.allOf(reader.id);
      return {
        exportedAt: clock.now().toISOString(),
        account: {
          email: reader.email,
          displayName: reader.displayName,
          createdAt: reader.createdAt.toISOString(),
          guidelinesAcceptedAt: reader.guidelinesAcceptedAt?.toISOString() ?? null,
          notifyReplies: reader.notifyReplies,
          suspendedUntil: reader.suspendedUntil?.toISOString() ?? null,
          banned: reader.bannedAt !== null,
        },
        comments: mine.map((c) => ({
          id: c.id,
          articleId: c.articleId,
          inReplyTo: c.parentId,
          text: c.body,
          status: c.status,
          likes: c.likeCount,
          postedAt: c.createdAt.toISOString(),
          editedAt: c.editedAt?.toISOString() ?? null,
        })),
        likes: likes.map((l) => ({ commentId: l.comment_id, at: new Date(l.created_at).toISOString() })),
        reports: reports.map((r) => ({
          commentId: r.comment_id,
          reason: r.reason,
          note: r.note,
          at: new Date(r.created_at).toISOString(),
        })),
      };
    },

    /**
     * Erases the account: its comments' words (a reply to one keeps its place under "deleted"),
     * likes, reports, sessions, sign-in links and the account itself, in one transaction.
     */
    async deleteAccount(reader: Reader) {
      const at = clock.now().toISOString();
      const touched = await db.transaction().execute(async (trx) => {
        const articles = await trx
          .selectFrom('comments')
          .select(['site_id', 'article_id'])
          .distinct()
          .where('reader_id', '=', reader.id)
          .execute();
        // Likes leave the counts they added.
        const liked = await trx
          .selectFrom('comment_likes')
          .select('comment_id')
          .where('reader_id', '=', reader.id)
          .execute();
        for (const { comment_id } of liked) {
          await trx
            .updateTable('comments')
            .set((eb) => ({ like_count: eb('like_count', '-', 1) }))
            .where('id', '=', comment_id)
            .execute();
        }
        await trx
          .updateTable('comments')
          .set({ status: 'deleted', body: '', deleted_at: at, ip_hash: sha256('erased') })
          .where('reader_id', '=', reader.id)
          .execute();
        await trx.deleteFrom('reader_sign_in_links').where('email', '=', reader.email).execute();
        await trx.deleteFrom('readers').where('id', '=', reader.id).execute();
        return articles;
      });
      for (const { site_id, article_id } of touched) deps.changed(site_id, article_id);
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
