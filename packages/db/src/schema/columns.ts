import { customType } from "drizzle-orm/pg-core";

/** bytea as a Buffer: postgres-js returns Buffers, PGlite Uint8Arrays; callers see one type. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
  toDriver: (value) => value,
});
