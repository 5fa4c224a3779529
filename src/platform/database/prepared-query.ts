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

/**
 * `preparedInsert` for several rows in one statement (an article's tag links): compiled once per
 * row count. Every row must have the columns of the first; otherwise, or for a count not seen
 * yet, it is built anew, so the result is always what `build(rows)` would have run.
 *
 * @example
 * const insertLinks = preparedInsertRows(db, (rows: Insertable<ArticleTagsTable>[]) =>
 *   db.insertInto('article_tags').values(rows));
 * await insertLinks([{ article_id: 1, tag_id: 2, position: 0, published_at: null }]);
 */
export function preparedInsertRows<DB, Row extends Readonly<Record<string, unknown>>, R>(
  db: Kysely<DB>,
  build: (rows: Row[]) => Compilable<R>,
  maxCounts = 32,
): (rows: readonly Row[]) => Promise<R[]> {
  let columns: string[] | null = null;
  /** Per row count: the compiled statement and, per parameter, its row and column (or -1). */
  const byCount = new Map<number, { compiled: CompiledQuery<R>; rowOf: number[]; columnOf: number[] }>();
  return async (rows) => {
    const first = rows[0];
    if (!first) return [];
    if (columns === null) columns = Object.keys(first).filter((key) => first[key] !== undefined);
    const cols = columns;
    if (!rows.every((row) => sameColumns(row, cols)))
      return (await db.executeQuery(build([...rows]).compile())).rows;
    let entry = byCount.get(rows.length);
    if (!entry) {
      const samples = rows.map((_, r) => cols.map((_, c) => `\u0000prepared-insert-sample-${r}-${c}\u0000`));
      const compiled = build(
        samples.map((row) => Object.fromEntries(cols.map((c, i) => [c, row[i]])) as unknown as Row),
      ).compile();
      const flat = samples.flat();
      const rowOf: number[] = [];
      const columnOf: number[] = [];
      const bound = new Set<number>();
      for (const value of compiled.parameters) {
        const at = flat.indexOf(value as string);
        if (at >= 0) bound.add(at);
        rowOf.push(at < 0 ? -1 : Math.floor(at / cols.length));
        columnOf.push(at < 0 ? -1 : at % cols.length);
      }
      if (bound.size !== flat.length) return (await db.executeQuery(build([...rows]).compile())).rows;
      entry = { compiled, rowOf, columnOf };
      if (byCount.size < maxCounts) byCount.set(rows.length, entry);
    }
    const { compiled, rowOf, columnOf } = entry;
    const values = new Array<unknown>(rowOf.length);
    for (let i = 0; i < rowOf.length; i++) {
      const r = rowOf[i]!;
      values[i] = r >= 0 ? rows[r]![cols[columnOf[i]!]!] : compiled.parameters[i];
    }
    return (await db.executeQuery<R>({ ...compiled, parameters: values })).rows;
  };
}
