import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The full DMMF of a Prisma schema (models with nullability, native types, defaults, relations;
 * every index with sort order, algorithm and operator class), read offline.
 *
 * The generated client only carries a reduced data model, and `@prisma/internals` (whose
 * `getDMMF` the CLI uses) is not published on its own any more. The `prisma` CLI package ships
 * the schema Wasm module it calls (`build/prisma_schema_build_bg.wasm`, Prisma's
 * `prisma-schema-wasm`), and its `get_dmmf` export is exactly what `getDMMF` runs. This file is
 * the few lines of wasm-bindgen glue needed to call it from Node: no network, no native engine,
 * about 0.1 s. The glue depends on the module's binary interface, so it checks that interface
 * first and fails with a clear message if a Prisma upgrade changed it.
 */

export const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

export interface DmmfDatamodel {
  enums: DmmfEnum[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}

export interface DmmfModel {
  name: string;
  dbName?: string | null;
  fields: DmmfField[];
}

/** A literal (string, number, boolean, list of them) or a function such as now(), uuid(4). */
export type DmmfDefault = string | number | boolean | { name: string; args: unknown[] } | DmmfDefault[];

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  /** `@db.VarChar(40)` → `['VarChar', ['40']]`. */
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  /** The database name given with `map:`; absent when Prisma's naming convention applies. */
  dbName?: string;
  /** `type: Gin` etc.; absent for the default (B-tree). */
  algorithm?: string;
  fields: { name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string; length?: number }[];
}

/** The DMMF data model of `schema` (text of a schema.prisma). Throws Prisma's validation errors. */
export function getDmmf(schema: string, fileName = 'schema.prisma'): DmmfDatamodel {
  const input = JSON.stringify({ prismaSchema: [[fileName, schema]], noColor: true });
  const dmmf = JSON.parse(callStringFunction('get_dmmf', input)) as { datamodel: DmmfDatamodel };
  return dmmf.datamodel;
}

/** The DMMF of packages/db/prisma/schema.prisma. */
export function readSchemaDmmf(path = schemaPath): DmmfDatamodel {
  return getDmmf(readFileSync(path, 'utf8'));
}

// --- wasm-bindgen glue -------------------------------------------------------------------------

// The project compiles without the DOM lib, whose declarations @types/node's WebAssembly relies
// on, so the little of the WebAssembly API used here is typed locally.
interface WasmModule {
  readonly __brand: 'WebAssembly.Module';
}
interface WasmApi {
  Module: (new (
    bytes: Uint8Array,
  ) => WasmModule) & {
    exports(module: WasmModule): { name: string; kind: string }[];
    imports(module: WasmModule): { module: string; name: string; kind: string }[];
  };
  Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface SchemaWasmExports {
  memory: { buffer: ArrayBuffer };
  __wbindgen_externrefs: {
    grow(delta: number): number;
    get(index: number): unknown;
    set(index: number, value: unknown): void;
  };
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  /** (ptr, len) of a UTF-8 JSON input → [resultPtr, resultLen, errorRef, isError]. */
  get_dmmf(ptr: number, len: number): [number, number, number, number];
}

const REQUIRED_EXPORTS = [
  'memory',
  '__wbindgen_externrefs',
  '__wbindgen_malloc',
  '__wbindgen_free',
  '__externref_table_dealloc',
  '__wbindgen_start',
  'get_dmmf',
] as const;

let instance: SchemaWasmExports | undefined;
let panicMessage: string | undefined;

export function prismaSchemaWasmPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('prisma/package.json')), 'build', 'prisma_schema_build_bg.wasm');
}

function load(): SchemaWasmExports {
  if (instance) return instance;
  const path = prismaSchemaWasmPath();
  const module = new wasmApi.Module(readFileSync(path));
  const incompatible = (detail: string) =>
    new Error(
      `${path} does not have the interface test/support/prisma-dmmf.ts was written for (prisma 7.10): ${detail}. ` +
        'Compare with the wasm-bindgen glue around "get_dmmf" in prisma/build/cli.js and update the glue.',
    );

  const exported = new Set(wasmApi.Module.exports(module).map((entry) => entry.name));
  const missing = REQUIRED_EXPORTS.filter((name) => !exported.has(name));
  if (missing.length > 0) throw incompatible(`missing exports ${missing.join(', ')}`);

  let exports: SchemaWasmExports | undefined;
  const text = (ptr: number, len: number) =>
    new TextDecoder('utf-8', { fatal: true }).decode(
      new Uint8Array((exports as SchemaWasmExports).memory.buffer, ptr >>> 0, len >>> 0),
    );
  // wasm-bindgen suffixes its import names with a hash of the signature; match on the prefix.
  const imports: Record<string, (ptr: number, len: number) => unknown> = {};
  for (const { name } of wasmApi.Module.imports(module)) {
    if (name.startsWith('__wbg_Error_')) imports[name] = (ptr, len) => new Error(text(ptr, len));
    else if (name.startsWith('__wbg___wbindgen_throw_'))
      imports[name] = (ptr, len) => {
        throw new Error(text(ptr, len));
      };
    else if (name.startsWith('__wbg_set_message_'))
      imports[name] = (ptr, len) => {
        panicMessage = text(ptr, len);
      };
    else if (name === '__wbindgen_init_externref_table')
      imports[name] = () => {
        const table = (exports as SchemaWasmExports).__wbindgen_externrefs;
        const base = table.grow(4);
        table.set(0, undefined);
        table.set(base, undefined);
        table.set(base + 1, null);
        table.set(base + 2, true);
        table.set(base + 3, false);
      };
    else throw incompatible(`unknown import ${name}`);
  }
  exports = new wasmApi.Instance(module, { __wbindgen_placeholder__: imports })
    .exports as unknown as SchemaWasmExports;
  exports.__wbindgen_start();
  instance = exports;
  return exports;
}

function callStringFunction(name: 'get_dmmf', input: string): string {
  const wasm = load();
  const bytes = new TextEncoder().encode(input);
  const ptr = wasm.__wbindgen_malloc(bytes.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  let result: [number, number, number, number];
  try {
    panicMessage = undefined;
    result = wasm[name](ptr, bytes.length);
  } catch (error) {
    instance = undefined; // a panicked Wasm instance cannot be reused
    throw new Error(`prisma-schema-wasm ${name} panicked: ${panicMessage ?? String(error)}`);
  }
  const [outPtr, outLen, errorRef, isError] = result;
  if (isError) {
    const error = wasm.__wbindgen_externrefs.get(errorRef) as Error;
    wasm.__externref_table_dealloc(errorRef);
    throw new Error(readableSchemaError(error.message));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      new Uint8Array(wasm.memory.buffer, outPtr >>> 0, outLen >>> 0),
    );
  } finally {
    wasm.__wbindgen_free(outPtr, outLen, 1);
  }
}

/** Prisma reports schema errors as JSON `{ error_code, message }`. */
function readableSchemaError(message: string): string {
  try {
    const parsed = JSON.parse(message) as { error_code?: string; message?: string };
    return `Prisma schema error${parsed.error_code ? ` ${parsed.error_code}` : ''}: ${parsed.message ?? message}`;
  } catch {
    return message;
  }
}
