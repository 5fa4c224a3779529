import type { Insertable, Kysely } from 'kysely';
import type { NewsletterSubscribersTable } from '../platform/database/schema.ts';
import type { Database } from '../platform/index.ts';

/**
 * Confirmed subscribers of one list written straight to the tables, in batches (for the crash
 * test and the benchmark): `email(i)` names them; every other one lives at `zip`.
 */
export async function seedConfirmedSubscribers(
  db: Kysely<Database>,
  options: {
    siteId: number;
    count: number;
    email: (i: number) => string;
    zip?: { zip: string; state: string; county: string; city: string };
  },
): Promise<void> {
  const now = new Date().toISOString();
  const batch = 500;
  for (let start = 0; start < options.count; start += batch) {
    const rows: Insertable<NewsletterSubscribersTable>[] = [];
    for (let i = start; i < Math.min(options.count, start + batch); i++) {
      const zip = options.zip && i % 2 === 0 ? options.zip : null;
      rows.push({
        email: options.email(i),
        zip: zip?.zip ?? null,
        place_state: zip?.state ?? null,
        place_county: zip?.county ?? null,
        place_city: zip?.city ?? null,
        created_at: now,
        updated_at: now,
      });
    }
    await db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('newsletter_subscribers').values(rows).returning('id').execute();
      await trx
        .insertInto('newsletter_subscriptions')
        .values(
          inserted.map((r) => ({
            subscriber_id: r.id,
            site_id: options.siteId,
            status: 'confirmed' as const,
            created_at: now,
            confirmed_at: now,
          })),
        )
        .execute();
    });
  }
}
