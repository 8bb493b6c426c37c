// Compares a migrated database with prisma/schema.prisma (parsed by Prisma's own WASM parser) so a
// migration that forgets a column, index or constraint fails a test instead of failing in production.
import { readFile } from 'node:fs/promises';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';
import { schemaPath } from './paths';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: Array<{ name: string }>;
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: Array<{ name: string; values: Array<{ name: string }> }>; indexes: DmmfIndex[] };
}

const SCALAR_SQL: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  Float: 'double precision',
  Decimal: 'numeric',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const NATIVE_SQL: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Timestamptz: (a) => `timestamp(${a[0] ?? 6}) with time zone`,
  Timestamp: (a) => `timestamp(${a[0] ?? 6}) without time zone`,
  VarChar: (a) => `character varying(${a[0]})`,
  Text: () => 'text',
};

export async function describeSchema(): Promise<Dmmf['datamodel']> {
  const schema = await readFile(schemaPath, 'utf8');
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
  return dmmf.datamodel;
}

/** Returns one line per disagreement; empty means the database matches schema.prisma. */
export async function findSchemaDrift(databaseUrl: string): Promise<string[]> {
  const model = await describeSchema();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; type: string; not_null: boolean }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
    const indexes = await client.query<{ table_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(`
      SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
             array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    const fks = await client.query<{ table_name: string; columns: string[]; ref_table: string; on_delete: string }>(`
      SELECT t.relname AS table_name, r.relname AS ref_table, c.confdeltype AS on_delete,
             array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f'`);
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);

    const problems: string[] = [];
    const tableOf = new Map(model.models.map((m) => [m.name, m.dbName ?? m.name]));
    const columnOf = (m: DmmfModel, fieldName: string) => {
      const f = m.fields.find((x) => x.name === fieldName);
      return f?.dbName ?? fieldName;
    };
    const dbColumns = new Map<string, { type: string; not_null: boolean }>();
    for (const c of columns.rows) dbColumns.set(`${c.table_name}.${c.column_name}`, c);

    for (const m of model.models) {
      const table = tableOf.get(m.name) as string;
      const expected = new Set<string>();
      for (const f of m.fields.filter((x) => x.kind !== 'object')) {
        const col = f.dbName ?? f.name;
        expected.add(col);
        const actual = dbColumns.get(`${table}.${col}`);
        if (!actual) {
          problems.push(`${table}.${col} is in schema.prisma but missing in the database`);
          continue;
        }
        const base = f.kind === 'enum' ? `"${f.type}"` : expectedSqlType(f);
        const type = f.isList ? `${base}[]` : base;
        const actualType = actual.type.replace(/^"?([A-Za-z]+)"?(\[\])?$/, (_, n: string, arr = '') => (f.kind === 'enum' ? `"${n}"${arr}` : `${n}${arr}`));
        if (actualType !== type) problems.push(`${table}.${col} has type ${actual.type}, schema.prisma says ${type}`);
        if (!f.isList && actual.not_null !== f.isRequired) {
          problems.push(`${table}.${col} is ${actual.not_null ? 'NOT NULL' : 'nullable'} but schema.prisma says ${f.isRequired ? 'required' : 'optional'}`);
        }
      }
      for (const key of dbColumns.keys()) {
        const [t, c] = key.split('.');
        if (t === table && c && !expected.has(c)) problems.push(`${table}.${c} exists in the database but not in schema.prisma`);
      }
    }
    const knownTables = new Set(tableOf.values());
    for (const t of new Set(columns.rows.map((c) => c.table_name))) {
      if (!knownTables.has(t)) problems.push(`table ${t} exists in the database but not in schema.prisma`);
    }

    const indexKey = (table: string, kind: string, cols: string[]) => `${table}|${kind}|${cols.join(',')}`;
    const dbIndexes = new Set(indexes.rows.map((i) => indexKey(i.table_name, i.is_primary ? 'id' : i.is_unique ? 'unique' : 'normal', i.columns)));
    const schemaIndexes = new Set<string>();
    for (const idx of model.indexes) {
      const m = model.models.find((x) => x.name === idx.model) as DmmfModel;
      const key = indexKey(tableOf.get(idx.model) as string, idx.type, idx.fields.map((f) => columnOf(m, f.name)));
      schemaIndexes.add(key);
      if (!dbIndexes.has(key)) problems.push(`index ${key} is in schema.prisma but missing in the database`);
    }
    for (const key of dbIndexes) if (!schemaIndexes.has(key)) problems.push(`index ${key} exists in the database but not in schema.prisma`);

    const deleteRule: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };
    const dbFks = new Set(fks.rows.map((f) => `${f.table_name}(${f.columns.join(',')})->${f.ref_table} ${deleteRule[f.on_delete]}`));
    const schemaFks = new Set<string>();
    for (const m of model.models) {
      for (const f of m.fields.filter((x) => x.kind === 'object' && x.relationFromFields?.length)) {
        const key = `${tableOf.get(m.name)}(${(f.relationFromFields ?? []).map((n) => columnOf(m, n)).join(',')})->${tableOf.get(f.type)} ${f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')}`;
        schemaFks.add(key);
        if (!dbFks.has(key)) problems.push(`foreign key ${key} is in schema.prisma but missing in the database`);
      }
    }
    for (const key of dbFks) if (!schemaFks.has(key)) problems.push(`foreign key ${key} exists in the database but not in schema.prisma`);

    const dbEnums = new Map(enums.rows.map((e) => [e.name, e.values.join(',')]));
    for (const e of model.enums) {
      const values = e.values.map((v) => v.name).join(',');
      if (dbEnums.get(e.name) !== values) problems.push(`enum ${e.name} is (${dbEnums.get(e.name) ?? 'missing'}) in the database, schema.prisma says (${values})`);
    }
    return problems;
  } finally {
    await client.end();
  }
}

function expectedSqlType(f: DmmfField): string {
  if (f.nativeType) {
    const [name, args] = f.nativeType;
    const native = NATIVE_SQL[name];
    if (!native) throw new Error(`Drift check does not know native type @db.${name}; add it to NATIVE_SQL.`);
    return native(args);
  }
  const sql = SCALAR_SQL[f.type];
  if (!sql) throw new Error(`Drift check does not know Prisma type ${f.type}; add it to SCALAR_SQL.`);
  return sql;
}
