import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * A query built and compiled once, then run with new arguments. Kysely builds, freezes and
 * compiles every query anew, which on a hot read path (the article page: an indexed read costs
 * SQLite tens of microseconds) is most of the query's CPU and allocation.
 *
 * `build` is called once, on first use, with `samples`: distinct placeholder values that no
 * constant of the query shares. Each compiled parameter equal to a sample is replaced by the
 * matching argument on every run; the others are the query's own constants. Only for queries
 * whose SQL does not depend on the values (no `in` lists, no optional filters).
 *
 * @example
 * const byId = preparedQuery(db, [-1], (id) => db.selectFrom('articles').selectAll().where('id', '=', id));
 * const rows = await byId(12);
 */
export function preparedQuery<DB, A extends readonly unknown[], R>(
  db: Kysely<DB>,
  samples: A,
  build: (...args: A) => Compilable<R>,
): (...args: A) => Promise<R[]> {
  let compiled: CompiledQuery<R> | null = null;
  let slots: number[] = [];
  return async (...args) => {
    if (!compiled) {
      compiled = build(...samples).compile();
      slots = compiled.parameters.map((value) => samples.findIndex((sample) => Object.is(sample, value)));
      if (new Set(slots.filter((slot) => slot >= 0)).size !== samples.length) {
        throw new Error(`preparedQuery: every sample must appear among the parameters of ${compiled.sql}`);
      }
    }
    const { parameters } = compiled;
    const values = slots.map((slot, i) => (slot >= 0 ? args[slot] : parameters[i]));
    const result = await db.executeQuery<R>({ ...compiled, parameters: values });
    return result.rows;
  };
}

/**
 * An insert built and compiled once, then run with each new row: for the write paths that insert
 * thousands of rows of one shape (the wire's articles, revisions, tags and wire items), where
 * Kysely parsing and compiling the row anew cost as much as SQLite storing it.
 *
 * `build` is given a row and returns the insert of it. The first call compiles it with a row of
 * placeholders that has the same columns; later calls bind their row's values in the compiled
 * order. A row with other columns than the first (a different key count, an unknown key or an
 * `undefined` value, which Kysely leaves out) is built and compiled anew, so the result is
 * always what `build(row)` would have run.
 *
 * @example
 * const insertTag = preparedInsert(db, (row: Insertable<TagsTable>) =>
 *   db.insertInto('tags').values(row).returning('id'));
 * const [{ id }] = await insertTag({ site_id: 1, slug: 'harbour', name: 'Harbour' });
 */
export function preparedInsert<DB, Row extends Readonly<Record<string, unknown>>, R>(
  db: Kysely<DB>,
  build: (row: Row) => Compilable<R>,
): (row: Row) => Promise<R[]> {
  let compiled: CompiledQuery<R> | null = null;
  let columns: string[] = [];
  /** For each compiled parameter, the index of its column, or -1 for the query's own constant. */
  let slots: number[] = [];
  return async (row) => {
    if (!compiled || !sameColumns(row, columns)) {
      columns = Object.keys(row).filter((key) => row[key] !== undefined);
      const samples = columns.map((_, i) => `\u0000prepared-insert-sample-${i}\u0000`);
      compiled = build(
        Object.fromEntries(columns.map((c, i) => [c, samples[i]])) as unknown as Row,
      ).compile();
      slots = compiled.parameters.map((value) => samples.indexOf(value as string));
      if (new Set(slots.filter((slot) => slot >= 0)).size !== columns.length) {
        compiled = null;
        return (await db.executeQuery(build(row).compile())).rows;
      }
    }
    const { parameters } = compiled;
    const values = new Array<unknown>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      values[i] = slot >= 0 ? row[columns[slot]!] : parameters[i];
    }
    const result = await db.executeQuery<R>({ ...compiled, parameters: values });
    return result.rows;
  };
}

function sameColumns(row: Readonly<Record<string, unknown>>, columns: readonly string[]): boolean {
  let count = 0;
  for (const key in row) {
    if (row[key] === undefined) return false;
    count++;
  }
  if (count !== columns.length) return false;
  for (const column of columns) if (!(column in row)) return false;
  return true;
}
