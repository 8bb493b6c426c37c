import * as ar from './ar';
import * as ciim from './ci-im';
import type { TableDef } from './columns';
import * as other from './other';
import * as so from './so';

export * from './columns';

/** Every table the emulator knows, by name. */
export const TABLES: ReadonlyMap<string, TableDef> = new Map(
  [...Object.values(ar), ...Object.values(so), ...Object.values(ciim), ...Object.values(other)].map((t) => [t.name, t]),
);
