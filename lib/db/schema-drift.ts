/**
 * Compares the data model the generated Prisma client was built from with the live database.
 * Migrations are hand-written SQL here (no schema engine to diff for us), so this is what catches
 * a prisma/schema change without its migration, or SQL that says something else.
 *
 * Sources, both inside the generated client (lib/generated/prisma/internal/class.ts):
 * - `runtimeDataModel`: models, fields, table and column names, field kinds. Authoritative.
 * - `inlineSchema`: the schema text, read by the small line-based reader below for what the
 *   runtime model leaves out (optionality, lists, `@db.*` native types, enum values and names).
 *   Its limits: one field or attribute per line, as `prisma format` writes them; block comments
 *   are not understood; composite types (MongoDB) and views are not compared.
 *
 * Compared: tables, columns, nullability, types, enum types and values — public schema only.
 * Not compared: defaults, indexes, constraints, foreign keys (the migration tests cover those
 * through behaviour; add checks here when one bites).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

interface RuntimeField {
  name: string;
  kind: "scalar" | "enum" | "object" | string;
  type: string;
  dbName?: string | null;
}
interface RuntimeModel {
  fields: RuntimeField[];
  dbName?: string | null;
  schema?: string | null;
}
interface ClientModel {
  models: Record<string, RuntimeModel>;
  schema: SchemaText;
}

interface TextField {
  optional: boolean;
  list: boolean;
  nativeType?: { name: string; args: string[] };
}
interface TextModel {
  fields: Map<string, TextField>;
  /** Columns of Unsupported(...) and @ignore fields: they exist but the client does not type them. */
  unsupportedColumns: string[];
}
interface SchemaText {
  models: Map<string, TextModel>;
  enums: Map<string, { dbName: string; values: string[] }>;
  /** Tables of @@ignore models, which the client leaves out. */
  ignoredTables: Set<string>;
}

interface DbColumn {
  table_name: string;
  column_name: string;
  is_nullable: "YES" | "NO";
  data_type: string;
  udt_name: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

export const DEFAULT_CLIENT_DIR = "lib/generated/prisma";

/** Reads the data model out of the generated client's source (no import: no runtime needed). */
export function readClientModel(clientDir = DEFAULT_CLIENT_DIR): ClientModel {
  const source = readFileSync(path.resolve(clientDir, "internal/class.ts"), "utf8");
  const runtime = source.match(/config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/);
  const inline = source.match(/"inlineSchema":\s*("(?:[^"\\]|\\.)*")/);
  if (!runtime || !inline) {
    throw new Error(`${clientDir}/internal/class.ts no longer has the runtimeDataModel/inlineSchema this check reads: update lib/db/schema-drift.ts for the new Prisma version.`);
  }
  const dataModel = JSON.parse(JSON.parse(runtime[1]) as string) as { models: Record<string, RuntimeModel> };
  return { models: dataModel.models, schema: parseSchemaText(JSON.parse(inline[1]) as string) };
}

export async function findSchemaDrift(connectionString: string, opts: { clientDir?: string } = {}): Promise<string[]> {
  const expected = readClientModel(opts.clientDir);
  const client = new pg.Client({ connectionString });
  client.on("error", () => undefined);
  await client.connect().catch(async (err: unknown) => {
    await client.end().catch(() => undefined); // a half-open socket would keep the process alive
    throw err;
  });
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const columns = await client.query<DbColumn>(
      `SELECT table_name, column_name, is_nullable, data_type, udt_name, character_maximum_length,
              numeric_precision, numeric_scale, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const enums = await client.query<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
    );
    const dbEnums = new Map<string, string[]>();
    for (const { name, value } of enums.rows) dbEnums.set(name, [...(dbEnums.get(name) ?? []), value]);
    const dbTables = new Map<string, Map<string, DbColumn>>();
    for (const { table_name } of tables.rows) if (!IGNORED_TABLES.has(table_name)) dbTables.set(table_name, new Map());
    for (const col of columns.rows) dbTables.get(col.table_name)?.set(col.column_name, col);

    return [...compareTables(expected, dbTables, dbEnums), ...compareEnums(expected.schema, dbEnums)];
  } finally {
    await client.end().catch(() => undefined);
  }
}

function compareTables(expected: ClientModel, dbTables: Map<string, Map<string, DbColumn>>, dbEnums: Map<string, string[]>): string[] {
  const drift: string[] = [];
  const seenTables = new Set<string>();
  for (const [modelName, model] of Object.entries(expected.models)) {
    if (model.schema && model.schema !== "public") continue;
    const table = model.dbName ?? modelName;
    seenTables.add(table);
    const dbColumns = dbTables.get(table);
    if (!dbColumns) {
      drift.push(`Table "${table}" (model ${modelName}) is missing from the database.`);
      continue;
    }
    const textModel = expected.schema.models.get(modelName);
    if (!textModel) throw new Error(`Schema reader found no model ${modelName} in the client's inline schema: extend the reader in lib/db/schema-drift.ts.`);
    const seenColumns = new Set(textModel.unsupportedColumns); // Unsupported(...) fields: present, type unchecked
    for (const field of model.fields) {
      if (field.kind === "object") continue; // relation fields have no column of their own
      const column = field.dbName ?? field.name;
      seenColumns.add(column);
      const where = `Column "${table}"."${column}" (${modelName}.${field.name})`;
      const dbColumn = dbColumns.get(column);
      if (!dbColumn) {
        drift.push(`${where} is missing from the database.`);
        continue;
      }
      const textField = textModel.fields.get(field.name);
      if (!textField) throw new Error(`Schema reader found no field ${modelName}.${field.name}: extend the reader in lib/db/schema-drift.ts.`);
      const enumDbName = field.kind === "enum" ? (expected.schema.enums.get(field.type)?.dbName ?? field.type) : undefined;
      const want = expectedColumnType(field.type, textField, enumDbName);
      const have = describeDbColumnType(dbColumn, dbEnums);
      if (want !== have) drift.push(`${where}: the database has type ${have}, the schema expects ${want}.`);
      const dbNullable = dbColumn.is_nullable === "YES";
      // Prisma lists are NOT NULL arrays in its migrations, but a nullable array reads the same.
      if (dbNullable !== textField.optional && !(textField.list && dbNullable)) {
        drift.push(`${where}: ${dbNullable ? "nullable" : "NOT NULL"} in the database, ${textField.optional ? "optional" : "required"} in the schema.`);
      }
    }
    for (const column of dbColumns.keys()) {
      if (!seenColumns.has(column)) drift.push(`Column "${table}"."${column}" is in the database but not in model ${modelName}.`);
    }
  }
  for (const table of dbTables.keys()) {
    if (!seenTables.has(table) && !expected.schema.ignoredTables.has(table)) {
      drift.push(`Table "${table}" is in the database but not in the Prisma schema.`);
    }
  }
  return drift;
}

function compareEnums(schema: SchemaText, dbEnums: Map<string, string[]>): string[] {
  const drift: string[] = [];
  const seen = new Set<string>();
  for (const [name, { dbName, values }] of schema.enums) {
    seen.add(dbName);
    const dbValues = dbEnums.get(dbName);
    if (!dbValues) {
      drift.push(`Enum type "${dbName}" (enum ${name}) is missing from the database.`);
      continue;
    }
    const missing = values.filter((v) => !dbValues.includes(v));
    const extra = dbValues.filter((v) => !values.includes(v));
    if (missing.length) drift.push(`Enum type "${dbName}" lacks value(s) ${missing.join(", ")} that the schema has.`);
    if (extra.length) drift.push(`Enum type "${dbName}" has value(s) ${extra.join(", ")} that the schema does not.`);
  }
  for (const name of dbEnums.keys()) {
    if (!seen.has(name)) drift.push(`Enum type "${name}" is in the database but not in the Prisma schema.`);
  }
  return drift;
}

/** The column's type in the same words expectedColumnType uses. */
function describeDbColumnType(col: DbColumn, dbEnums: Map<string, string[]>): string {
  const len = col.character_maximum_length;
  switch (col.data_type) {
    case "USER-DEFINED":
      return dbEnums.has(col.udt_name) ? `enum "${col.udt_name}"` : col.udt_name;
    case "ARRAY":
      // information_schema does not give an array element's length or precision.
      return `${UDT_NAMES[col.udt_name.slice(1)] ?? (dbEnums.has(col.udt_name.slice(1)) ? `enum "${col.udt_name.slice(1)}"` : col.udt_name.slice(1))}[]`;
    case "character varying":
    case "bit varying":
      return len === null ? col.data_type : `${col.data_type}(${len})`;
    case "character":
    case "bit":
      return `${col.data_type}(${len ?? 1})`;
    case "numeric":
      return col.numeric_precision === null ? "numeric" : `numeric(${col.numeric_precision},${col.numeric_scale ?? 0})`;
    case "timestamp without time zone":
    case "timestamp with time zone":
    case "time without time zone":
    case "time with time zone":
      return col.data_type.replace(/^(timestamp|time)/, `$1(${col.datetime_precision ?? 6})`);
    default:
      return col.data_type;
  }
}

/** Element types of arrays, by udt_name, in information_schema's words. */
const UDT_NAMES: Record<string, string> = {
  text: "text",
  varchar: "character varying",
  bpchar: "character",
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  numeric: "numeric",
  bool: "boolean",
  timestamp: "timestamp without time zone",
  timestamptz: "timestamp with time zone",
  date: "date",
  time: "time without time zone",
  timetz: "time with time zone",
  json: "json",
  jsonb: "jsonb",
  bytea: "bytea",
  uuid: "uuid",
  inet: "inet",
  xml: "xml",
  money: "money",
  oid: "oid",
  citext: "citext",
};

// ---- The schema reader -------------------------------------------------------------------

function parseSchemaText(text: string): SchemaText {
  const schema: SchemaText = { models: new Map(), enums: new Map(), ignoredTables: new Set() };
  const lines = text.split(/\r?\n/).map(stripComment);
  const blocks = lines.join("\n").matchAll(/^\s*(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm);
  for (const [, kind, name, body] of blocks) {
    const bodyLines = body.split("\n").map((l) => l.trim()).filter(Boolean);
    const blockMap = bodyLines.map((l) => l.match(/^@@map\(\s*"([^"]*)"/)?.[1]).find(Boolean);
    if (kind === "enum") {
      const values = bodyLines.filter((l) => !l.startsWith("@@")).map((l) => l.match(/@map\(\s*"([^"]*)"/)?.[1] ?? l.split(/\s/)[0]);
      schema.enums.set(name, { dbName: blockMap ?? name, values });
      continue;
    }
    if (bodyLines.some((l) => /^@@ignore\b/.test(l))) {
      schema.ignoredTables.add(blockMap ?? name);
      continue;
    }
    const model: TextModel = { fields: new Map(), unsupportedColumns: [] };
    for (const line of bodyLines) {
      const m = line.match(/^(\w+)\s+(Unsupported\("(?:[^"\\]|\\.)*"\)|\w+)(\[\])?(\?)?(.*)$/);
      if (!m) continue; // block attributes (@@id, @@index, …)
      const [, fieldName, type, list, optional, attrs] = m;
      if (type.startsWith("Unsupported(") || /@ignore\b/.test(attrs)) {
        model.unsupportedColumns.push(attrs.match(/@map\(\s*"([^"]*)"/)?.[1] ?? fieldName);
        continue;
      }
      const native = attrs.match(/@db\.(\w+)(?:\(([^)]*)\))?/);
      model.fields.set(fieldName, {
        optional: Boolean(optional),
        list: Boolean(list),
        nativeType: native ? { name: native[1], args: (native[2] ?? "").split(",").map((a) => a.trim()).filter(Boolean) } : undefined,
      });
    }
    schema.models.set(name, model);
  }
  return schema;
}

/** Drops a `//` comment, leaving `//` inside string literals (URLs in defaults) alone. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === '"') inString = !inString;
    else if (!inString && line[i] === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/** Prisma's PostgreSQL type for a field, in information_schema's words (see describeDbColumnType). */
function expectedColumnType(type: string, field: TextField, enumDbName: string | undefined): string {
  const base = enumDbName ? `enum "${enumDbName}"` : scalarColumnType(type, field.nativeType);
  // Arrays are compared by element type only: information_schema hides the element's typmod.
  return field.list ? `${base.replace(/\([^)]*\)/, "")}[]` : base;
}

function scalarColumnType(type: string, native: TextField["nativeType"]): string {
  if (!native) return PRISMA_DEFAULT_TYPES[type] ?? type.toLowerCase();
  const [a, b] = native.args;
  switch (native.name) {
    case "VarChar":
      return a ? `character varying(${a})` : "character varying";
    case "Char":
      return `character(${a ?? 1})`;
    case "Bit":
      return `bit(${a ?? 1})`;
    case "VarBit":
      return a ? `bit varying(${a})` : "bit varying";
    case "Decimal":
      return `numeric(${a ?? 65},${b ?? (a ? 0 : 30)})`;
    case "Timestamp":
      return `timestamp(${a ?? 6}) without time zone`;
    case "Timestamptz":
      return `timestamp(${a ?? 6}) with time zone`;
    case "Time":
      return `time(${a ?? 6}) without time zone`;
    case "Timetz":
      return `time(${a ?? 6}) with time zone`;
    default:
      return NATIVE_TYPES[native.name] ?? native.name.toLowerCase();
  }
}

/** What Prisma's migrations create for a scalar without @db.*. */
const PRISMA_DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, string> = {
  Text: "text",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Real: "real",
  DoublePrecision: "double precision",
  Boolean: "boolean",
  Date: "date",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
  Uuid: "uuid",
  Xml: "xml",
  Inet: "inet",
  Citext: "citext",
  Money: "money",
  Oid: "oid",
};
