import type { Db } from "./client";

/**
 * A statement built once per database handle and then run with new values (drizzle's
 * `prepare` with `sql.placeholder`), for the reads every request makes: building SQL from the
 * query builder cost more of the app's CPU than anything else on a cached read (bench/library.ts).
 * Keyed by handle, so each test database and each transaction gets its own statement.
 */
export function preparedFor<Statement>(build: (db: Db) => Statement): (db: Db) => Statement {
  const built = new WeakMap<Db, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
