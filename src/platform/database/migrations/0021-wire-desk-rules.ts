import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * The wire desk's publishing rules and what they decided:
 *
 * - `wire_sources.publish_rules`: a source's rules by subject code or keyword, each "publish"
 *   or "review" (src/wire/pipeline/publish-rules.ts); `[]` keeps the source's own setting.
 * - `wire_items.decision_reason`: why an item was queued or published on arrival, in the desk's
 *   words ("the rule keyword "results" auto-publishes").
 * - `wire_items.urgency` of rows stored before 0018 read it, filled from the original file when
 *   the file says it unambiguously: exactly one NewsML-G2 `<urgency>` or NITF `ed-urg`, or the
 *   top-level `urgency` of a ninjs document. Files holding several items, and originals too large
 *   to have been kept, stay null (the desk's urgency filter leaves them out).
 */
export function wireDeskRules(caps: DialectCapabilities) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not today's types.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('wire_sources')
        .addColumn('publish_rules', caps.types.json, (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema.alterTable('wire_items').addColumn('decision_reason', 'text').execute();
      await backfillUrgency(db);
    },
  };
}

/** Exported for its test: rows stored before 0018 get the urgency their original gives. */
// biome-ignore lint/suspicious/noExplicitAny: as above.
export async function backfillUrgency(db: Kysely<any>): Promise<void> {
  let after = 0;
  for (;;) {
    const rows: { id: number; item: unknown; original: string | null }[] = await db
      .selectFrom('wire_items')
      .select(['id', 'item', 'original'])
      .where('id', '>', after)
      .where('urgency', 'is', null)
      .where('item', 'is not', null)
      .where('original', 'is not', null)
      .orderBy('id')
      .limit(200)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const item = typeof row.item === 'string' ? JSON.parse(row.item) : row.item;
      const urgency = urgencyInOriginal(String(item?.format ?? ''), row.original ?? '');
      if (urgency !== null)
        await db.updateTable('wire_items').set({ urgency }).where('id', '=', row.id).execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}

/** The one urgency a stored original gives, read as the format's parser reads it; null if none or several. */
export function urgencyInOriginal(format: string, original: string): number | null {
  if (format === 'ninjs') {
    try {
      const doc = JSON.parse(original) as unknown;
      return doc && typeof doc === 'object' && !Array.isArray(doc)
        ? oneToNine((doc as { urgency?: unknown }).urgency)
        : null;
    } catch {
      return null;
    }
  }
  const pattern =
    format === 'newsml-g2'
      ? /<(?:[\w-]+:)?urgency\b[^>]*>\s*([^<\s]*)\s*<\//g
      : format === 'nitf'
        ? /<urgency\b[^>]*\bed-urg\s*=\s*["']([^"']*)["']/g
        : null;
  if (!pattern) return null;
  const found = [...original.matchAll(pattern)];
  return found.length === 1 ? oneToNine(found[0]![1]) : null;
}

function oneToNine(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '').trim(), 10);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}
