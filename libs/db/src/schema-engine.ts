import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);

/** The part of the WebAssembly global used here (the repo's `lib` has no DOM/wasm types). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };

/**
 * The package's own entry imports the .wasm file as an ES module, which Node does not
 * support without a flag; so the binary is compiled and instantiated here, against the
 * package's JS glue, once per process. Every call gets its own SchemaEngine instance.
 */
let ready: Promise<void> | undefined;

/**
 * The engine arms timers (e.g. a 10 s timeout around its advisory lock) and never clears
 * them, which kept every process alive for 10 s after a migration. Its timers are
 * unref'd: they still fire while the engine works (its database sockets keep the process
 * up), but no longer hold the process open afterwards.
 */
function withUnrefTimers(imports: typeof glue): Record<string, unknown> {
  const patched: Record<string, unknown> = { ...imports };
  for (const name of Object.keys(imports)) {
    if (name.startsWith('__wbg_setTimeout_')) {
      patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
  }
  return patched;
}

function loadWasm(): Promise<void> {
  ready ??= (async () => {
    const bytes = await readFile(
      // The package exports only the JS glue; the binary sits next to it.
      join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm'),
    );
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Runs `fn` with a fresh schema engine connected through `adapterFactory`, and frees the
 * engine afterwards. `log` receives the engine's tracing output (JSON lines).
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: SchemaFile[],
  fn: (engine: SchemaEngine) => Promise<T>,
  log: (line: string) => void = () => {},
): Promise<T> {
  await loadWasm();
  const engine = await glue.SchemaEngine.new(
    { datamodels: schemaFiles.map((f) => [f.path, f.content]) },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}
