/**
 * `pnpm search:rebuild`: rebuilds the search index from the catalog and the library, on the
 * install's database (DATABASE_URL, or the embedded one in DATA_DIR) and engine (TYPESENSE_URL).
 */
import { connectionFromEnv, createDb } from "@cadence/db";

import { searchEngine } from "../engine";
import { rebuildIndex, rebuildReporter } from "../rebuild";

const handle = createDb(connectionFromEnv());
try {
  await handle.migrate();
  const started = Date.now();
  const engine = searchEngine(handle.db).name;
  console.log(`rebuilding the search index (${engine})`);
  const { documents } = await rebuildIndex(handle.db, rebuildReporter());
  console.log(
    `search index rebuilt: ${documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await handle.close();
}
