import { fsyncSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type InitResult = Awaited<ReturnType<NodeFS['init']>>;
type EmscriptenOptions = InitResult['emscriptenOpts'];

interface NodeFsStream {
  nfd?: number;
}

interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: NodeFsStream) => number };
  tryFSOperation<T>(operation: () => T): T;
}

/**
 * PGlite's Node file system (a data directory on disk), with fsync(2) behind PostgreSQL's fsync().
 * Emscripten's NODEFS gives its files no `fsync`, so without this PostgreSQL's fsync() of the WAL
 * at commit returns at once and nothing is forced to disk, whatever the `fsync` setting says; its
 * fdatasync() is a no-op of Emscripten's own, hence `wal_sync_method=fsync` (drivers/pglite.ts).
 * A failed fsync reaches PostgreSQL as an I/O error, which it treats as PostgreSQL does on disk.
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Partial<EmscriptenOptions>): Promise<InitResult> {
    const { emscriptenOpts } = await super.init(pg, opts);
    const forceToDisk = (mod: { NODEFS?: EmscriptenNodeFs }) => {
      const nodefs = mod.NODEFS;
      if (!nodefs) throw new Error('PGlite no longer exposes NODEFS: durable writes cannot be set up.');
      nodefs.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) nodefs.tryFSOperation(() => fsyncSync(stream.nfd as number));
        return 0;
      };
    };
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        preRun: [...(emscriptenOpts.preRun ?? []), forceToDisk as (mod: unknown) => void],
      },
    };
  }
}
