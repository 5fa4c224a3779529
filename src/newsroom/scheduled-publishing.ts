/**
 * Durable scheduled publishing. Readers see a scheduled article the second it comes due (lists
 * and pages check `published_at <= now`), so no page waits on this job; the job makes the
 * publication final: the status flip, the `article.changed` event (page cache, feeds,
 * sitemaps, search) and the audit entry, even when the server restarted in between.
 *
 * One keyed job per article (`publish:article:<id>`): rescheduling replaces it, publishing now
 * or taking the article down cancels it. The handler acts only when the article is still
 * scheduled for the job's time, so a stale or repeated job does nothing.
 */
import type { Article, ContentService } from '../content/index.ts';
import type { Clock, JobQueue, Logger } from '../platform/index.ts';
import type { AuditLog } from './audit.ts';

export const PUBLISH_JOB = 'article.publish';

export const publishJobKey = (articleId: number): string => `publish:article:${articleId}`;

interface PublishPayload {
  readonly articleId: number;
  /** The scheduled instant, ISO 8601: the job publishes only an article still scheduled for it. */
  readonly at: string;
}

export interface ScheduledPublishing {
  /** Keeps the article's job in step with its status: enqueued when scheduled, cancelled otherwise. */
  follow(article: Pick<Article, 'id' | 'status' | 'publishedAt'>): Promise<void>;
  /**
   * Gives every scheduled article its job (the worker calls it at start); answers how many. Reads
   * the scheduled articles 100 at a time, with one jobs query for each hundred.
   */
  catchUp(): Promise<number>;
}

/**
 * Registers the `article.publish` job handler and answers how to keep jobs in step.
 *
 * @example
 * const publishing = createScheduledPublishing({ jobs, content, audit, clock, logger });
 * await publishing.follow(await content.scheduleArticle(12, at, { savedBy: 3 }));
 */
export function createScheduledPublishing(deps: {
  jobs: JobQueue;
  content: ContentService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}): ScheduledPublishing {
  const { jobs, content, audit, clock, logger } = deps;

  const recordSystemPublish = (article: Article, scheduledFor: Date) =>
    audit.record({
      at: clock.now(),
      userId: null,
      action: 'article.publish',
      subjectType: 'article',
      subjectId: article.id,
      siteId: article.siteId,
      details: {
        revision: article.revision,
        status: article.status,
        scheduledFor: scheduledFor.toISOString(),
      },
    });

  /** Whether the system already audited publishing this article at this time (a re-run after a crash). */
  const audited = async (article: Article, scheduledFor: Date) => {
    const { items } = await audit.list({
      action: 'article.publish',
      subject: { type: 'article', id: article.id },
      pageSize: 100,
    });
    return items.some((e) => e.userId === null && e.details.scheduledFor === scheduledFor.toISOString());
  };

  jobs.register<PublishPayload>(PUBLISH_JOB, async ({ articleId, at }) => {
    const scheduledFor = new Date(at);
    const article = await content.articles.findById(articleId);
    if (!article || article.publishedAt?.getTime() !== scheduledFor.getTime()) return;
    if (article.status === 'published') {
      // A previous run published it and stopped before the audit entry: finish its work.
      if (!(await audited(article, scheduledFor))) await recordSystemPublish(article, scheduledFor);
      return;
    }
    if (article.status !== 'scheduled') return;
    const published = await content.publishScheduledArticle(articleId, scheduledFor, { savedBy: null });
    await recordSystemPublish(published, scheduledFor);
    logger.info({ articleId, scheduledFor: at }, 'scheduled article published');
  });

  const publishing: ScheduledPublishing = {
    async catchUp() {
      let count = 0;
      for (let page = 1; ; page++) {
        const { items, total, pageSize } = await content.articles.listForNewsroom({
          status: 'scheduled',
          page,
          pageSize: 100,
        });
        // Another node may be running (or just ran) an article's job for the same time: a second
        // copy would only find it published and do nothing, so none is queued.
        const taken = new Set<string>();
        for (const job of await jobs.list({ keys: items.map((item) => publishJobKey(item.id)) })) {
          const at = (job.payload as PublishPayload | null)?.at;
          if ((job.status === 'running' || job.status === 'done') && job.key && at)
            taken.add(`${job.key} ${at}`);
        }
        for (const article of items) {
          if (!article.publishedAt) continue;
          const at = article.publishedAt.toISOString();
          if (!taken.has(`${publishJobKey(article.id)} ${at}`)) await publishing.follow(article);
        }
        count += items.length;
        if (page * pageSize >= total || items.length === 0) return count;
      }
    },

    async follow(article) {
      const key = publishJobKey(article.id);
      if (article.status === 'scheduled' && article.publishedAt) {
        const payload: PublishPayload = { articleId: article.id, at: article.publishedAt.toISOString() };
        await jobs.enqueue(PUBLISH_JOB, payload, { runAt: article.publishedAt, key });
      } else {
        await jobs.cancel(key);
      }
    },
  };
  return publishing;
}
