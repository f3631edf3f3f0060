import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../sync-server/storage/sql/schema';
import type { Dialect } from './sqlStorage';

/**
 * A schema read back from the database and written the same way for both dialects, so the two can be
 * compared with toEqual: type families instead of type names, column lists instead of constraint and index
 * names (SQLite names its own sqlite_autoindex_*), predicates without PostgreSQL's added parentheses and casts.
 */
export interface ColumnShape {
  readonly name: string;
  readonly type: 'integer' | 'real' | 'text' | 'blob';
  /** A primary key column counts as NOT NULL: PostgreSQL makes it so, SQLite (rowid tables) does not. */
  readonly nullable: boolean;
  readonly default: string | null;
  /** How text compares: by bytes (SQLite BINARY, PostgreSQL COLLATE "C"), ignoring case (NOCASE, citext), or by a locale. */
  readonly collation: 'bytes' | 'nocase' | 'locale' | null;
}

export interface TableShape {
  readonly columns: readonly ColumnShape[];
  readonly primaryKey: readonly string[];
  readonly unique: readonly string[];
  readonly foreignKeys: readonly string[];
  readonly indexes: readonly string[];
}

export type SchemaShape = Record<string, TableShape>;

/** Kysely's Migrator keeps its bookkeeping beside the schema on both dialects. */
const isMigratorTable = (name: string): boolean => name.startsWith('kysely_migration');

/** PostgreSQL keeps `x IN (…)` as `x = ANY (ARRAY[…])` and `x NOT IN (…)` as `x <> ALL (ARRAY[…])`. */
const normalised = (expr: string): string =>
  expr
    .replace(/::[a-z ]+/g, '')
    .replace(/\s*=\s*ANY\s*\(ARRAY\[(.*?)\]\)/gi, ' in ($1)')
    .replace(/\s*<>\s*ALL\s*\(ARRAY\[(.*?)\]\)/gi, ' not in ($1)')
    .replace(/[()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const index = (columns: readonly string[], unique: boolean, where: string | null): string =>
  `${unique ? 'unique ' : ''}(${columns.join(', ')})${where === null ? '' : ` where ${normalised(where)}`}`;

const sortedTables = (entries: [string, TableShape][]): SchemaShape => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));

async function rows<T>(db: Kysely<Database>, query: RawBuilder<unknown>, schema: z.ZodType<T>): Promise<T[]> {
  return z.array(schema).parse((await query.execute(db)).rows);
}

function family(types: Record<string, ColumnShape['type']>, type: string, column: string): ColumnShape['type'] {
  const found = types[type];
  if (found === undefined) throw new Error(`${column}: a ${type} column, which the shape has no family for`);
  return found;
}

/** SQLite keeps a column's collation only in its table's CREATE statement (ALTER TABLE ADD COLUMN appends there). */
function sqliteCollation(createTable: string, column: string, type: ColumnShape['type']): ColumnShape['collation'] {
  if (type !== 'text') return null;
  const definition = new RegExp(`(?:^|[(,\\s])${column}\\s+TEXT\\b[^,]*`, 'i').exec(createTable.replace(/--[^\n]*/g, ''))?.[0] ?? '';
  return /COLLATE\s+NOCASE/i.test(definition) ? 'nocase' : 'bytes';
}

const SQLITE_TYPES: Record<string, ColumnShape['type']> = { INTEGER: 'integer', REAL: 'real', TEXT: 'text', BLOB: 'blob' };

async function sqliteShape(db: Kysely<Database>): Promise<SchemaShape> {
  const tables = await rows(
    db,
    sql`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    z.object({ name: z.string(), sql: z.string() }),
  );
  const shapes: [string, TableShape][] = [];
  for (const { name: table, sql: createTable } of tables.filter((t) => !isMigratorTable(t.name))) {
    const columns = await rows(
      db,
      sql`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(${table})`,
      z.object({ name: z.string(), type: z.string(), notnull: z.number(), dflt_value: z.string().nullable(), pk: z.number() }),
    );
    const indexList = await rows(
      db,
      sql`SELECT l.name, l."unique", l.origin, m.sql FROM pragma_index_list(${table}) l LEFT JOIN sqlite_master m ON m.name = l.name`,
      z.object({ name: z.string(), unique: z.number(), origin: z.string(), sql: z.string().nullable() }),
    );
    const unique: string[] = [];
    const indexes: string[] = [];
    for (const ix of indexList.filter((i) => i.origin !== 'pk')) {
      const cols = await rows(db, sql`SELECT name FROM pragma_index_info(${ix.name}) ORDER BY seqno`, z.object({ name: z.string() }));
      const names = cols.map((c) => c.name);
      if (ix.origin === 'u') unique.push(`(${names.join(', ')})`);
      else indexes.push(index(names, ix.unique === 1, /\sWHERE\s(.*)$/is.exec(ix.sql ?? '')?.[1] ?? null));
    }
    const fks = await rows(
      db,
      sql`SELECT "table", "from", "to" FROM pragma_foreign_key_list(${table})`,
      z.object({ table: z.string(), from: z.string(), to: z.string() }),
    );
    shapes.push([
      table,
      {
        columns: columns
          .map((c): ColumnShape => {
            const type = family(SQLITE_TYPES, c.type, `${table}.${c.name}`);
            return {
              name: c.name,
              type,
              nullable: c.notnull === 0 && c.pk === 0,
              default: c.dflt_value === null ? null : normalised(c.dflt_value),
              collation: sqliteCollation(createTable, c.name, type),
            };
          })
          .sort((a, b) => (a.name < b.name ? -1 : 1)),
        primaryKey: columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        unique: unique.sort(),
        foreignKeys: fks.map((f) => `(${f.from}) → ${f.table} (${f.to})`).sort(),
        indexes: indexes.sort(),
      },
    ]);
  }
  return sortedTables(shapes);
}

const POSTGRES_TYPES: Record<string, ColumnShape['type']> = {
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  'double precision': 'real',
  text: 'text',
  citext: 'text',
  bytea: 'blob',
};

async function postgresShape(db: Kysely<Database>): Promise<SchemaShape> {
  const columns = await rows(
    db,
    sql`SELECT table_name AS table, column_name AS name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END AS type,
          is_nullable = 'YES' AS nullable, column_default AS default, collation_name AS collation
        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    z.object({
      table: z.string(),
      name: z.string(),
      type: z.string(),
      nullable: z.boolean(),
      default: z.string().nullable(),
      collation: z.string().nullable(),
    }),
  );
  const constraints = await rows(
    db,
    sql`SELECT t.relname AS table, c.contype AS kind, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f')`,
    z.object({ table: z.string(), kind: z.enum(['p', 'u', 'f']), definition: z.string() }),
  );
  const indexes = await rows(
    db,
    sql`SELECT t.relname AS table, ix.indisunique AS unique, pg_get_expr(ix.indpred, ix.indrelid) AS where,
          (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
        FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)`,
    z.object({ table: z.string(), unique: z.boolean(), where: z.string().nullable(), columns: z.string() }),
  );
  const tables = [...new Set(columns.map((c) => c.table))].filter((t) => !isMigratorTable(t));
  const keyColumns = (definition: string): string => /\(([^)]*)\)/.exec(definition)?.[1] ?? definition;
  return sortedTables(
    tables.map((table): [string, TableShape] => {
      const own = constraints.filter((c) => c.table === table);
      return [
        table,
        {
          columns: columns
            .filter((c) => c.table === table)
            .map((c): ColumnShape => {
              const type = family(POSTGRES_TYPES, c.type, `${table}.${c.name}`);
              return {
                name: c.name,
                type,
                nullable: c.nullable,
                default: c.default === null ? null : normalised(c.default),
                collation: type !== 'text' ? null : c.type === 'citext' ? 'nocase' : c.collation === 'C' ? 'bytes' : 'locale',
              };
            }),
          primaryKey: own.filter((c) => c.kind === 'p').flatMap((c) => keyColumns(c.definition).split(', ')),
          unique: own
            .filter((c) => c.kind === 'u')
            .map((c) => `(${keyColumns(c.definition)})`)
            .sort(),
          foreignKeys: own
            .filter((c) => c.kind === 'f')
            .map((c) => c.definition.replace(/^FOREIGN KEY \((.*)\) REFERENCES (\w+)\((.*)\)$/, '($1) → $2 ($3)'))
            .sort(),
          indexes: indexes
            .filter((i) => i.table === table)
            .map((i) => index(i.columns.split(','), i.unique, i.where))
            .sort(),
        },
      ];
    }),
  );
}

export const schemaShape = (db: Kysely<Database>, dialect: Dialect): Promise<SchemaShape> =>
  dialect === 'sqlite' ? sqliteShape(db) : postgresShape(db);

/** The PostgreSQL type of every column, `table.column → type`: what the shape folds into families. */
export async function postgresColumnTypes(db: Kysely<Database>): Promise<Record<string, string>> {
  const found = await rows(
    db,
    sql`SELECT table_name || '.' || column_name AS column, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END AS type
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_migration%'`,
    z.object({ column: z.string(), type: z.string() }),
  );
  return Object.fromEntries(found.map((r) => [r.column, r.type]));
}
