/** The audit log: who did what to which subject. Append-only; admins read it. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../platform/index.ts';

export interface AuditEntryInput {
  readonly at: Date;
  /** The staff user acting, or null for the system. */
  readonly userId: number | null;
  /** e.g. `article.publish`, `session.login`. */
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: number | null;
  readonly siteId?: number | null;
  readonly details?: Record<string, unknown>;
}

export interface AuditEntry extends Required<AuditEntryInput> {
  readonly id: number;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditLog {
  record(entry: AuditEntryInput): Promise<void>;
  /** Newest first; `action` narrows to one kind, `subject` to one thing. */
  list(query?: {
    action?: string;
    subject?: { type: string; id: number };
    page?: number;
    pageSize?: number;
  }): Promise<AuditPage>;
  /**
   * The newest entries about any of these subjects, with the acting staff member's name: what a
   * moderator reads as a commenter's past (the reader and each of their comments).
   */
  about(
    subjects: readonly { readonly type: string; readonly ids: readonly number[] }[],
    limit: number,
  ): Promise<(AuditEntry & { readonly userName: string | null })[]>;
}

/**
 * @example
 * await audit.record({ at, userId: 1, action: 'article.publish', subjectType: 'article', subjectId: 9 });
 */
export function createAuditLog(db: Kysely<Database>): AuditLog {
  const toEntry = (r: Selectable<Database['audit_log']>): AuditEntry => ({
    id: r.id,
    at: new Date(r.at),
    userId: r.user_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    siteId: r.site_id,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  });
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at.toISOString(),
          user_id: entry.userId,
          action: entry.action,
          subject_type: entry.subjectType,
          subject_id: entry.subjectId,
          site_id: entry.siteId ?? null,
          details: JSON.stringify(entry.details ?? {}),
        })
        .execute();
    },

    async list(query = {}) {
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 50)));
      let base = db.selectFrom('audit_log');
      if (query.action !== undefined) base = base.where('action', '=', query.action);
      if (query.subject) {
        base = base.where('subject_type', '=', query.subject.type).where('subject_id', '=', query.subject.id);
      }
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map(toEntry),
        total: Number(count.n),
        page,
        pageSize,
      };
    },

    async about(subjects, limit) {
      const wanted = subjects.filter((s) => s.ids.length > 0);
      if (wanted.length === 0) return [];
      const rows = await db
        .selectFrom('audit_log')
        .leftJoin('staff_users', 'staff_users.id', 'audit_log.user_id')
        .selectAll('audit_log')
        .select('staff_users.name as user_name')
        .where((eb) =>
          eb.or(
            wanted.map((s) =>
              eb.and([eb('audit_log.subject_type', '=', s.type), eb('audit_log.subject_id', 'in', s.ids)]),
            ),
          ),
        )
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(Math.min(500, Math.max(1, Math.floor(limit))))
        .execute();
      return rows.map((r) => ({ ...toEntry(r), userName: r.user_name }));
    },
  };
}
