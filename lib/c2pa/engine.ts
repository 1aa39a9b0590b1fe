import initWasm, { type InitInput, WasmReader } from '@contentauth/c2pa-wasm';
import { yieldTask } from '../fingerprint/yield-task.ts';
import { limitConcurrency } from '../pipeline/limit-concurrency.ts';

/**
 * The C2PA engine: @contentauth/c2pa-wasm (wasm-bindgen bindings to c2pa-rs), loaded once per worker.
 * The WASM is 9 MB, so it is compiled once and every read reuses it (docs/architecture.md "C2PA").
 * The environment passes in where the WASM comes from: bytes in Node (lib/node/c2pa-engine-node.ts), a URL
 * in the extension (its runtime URL for the file), so this module needs no DOM, no extension API, no Node.
 */

/** The engine version these modules were written and tested against; package.json pins it exactly. */
export const C2PA_WASM_VERSION = '0.15.0';
/** The c2pa-rs release inside that package (changes validation results; see fixtures/c2pa/SOURCES.md). */
export const C2PA_RS_VERSION = '0.92.0';

/** What wasm-bindgen accepts: a URL/Request (fetched), a Response, the bytes, or a compiled module. */
export type C2paEngineInit = InitInput | Promise<InitInput>;
/**
 * Where the engine comes from, or a function that says: called only when the engine is not started yet, so
 * that a caller asking for the engine before every read does not read (or compile) the WASM each time.
 */
export type C2paEngineSource = C2paEngineInit | (() => C2paEngineInit);

/** The parts of a c2pa-wasm reader that the mapping uses. Valid only inside `read`'s callback. */
export interface C2paReaderView {
  /** The manifest store as c2pa-rs's JSON (snake_case; `validation_results`, `validation_state`). */
  json(): string;
  /** Bytes of a resource (thumbnail …) named by a `self#jumbf=` identifier from that JSON. */
  resourceToBytes(uri: string): Uint8Array;
  /** The store as crJSON, which keeps the hard-binding assertions that `json` leaves out. */
  crJson(): string;
}

export interface C2paEngine {
  /** `c2pa-wasm@<version>`; part of the cache version so that an engine change invalidates results. */
  readonly version: string;
  /** Milliseconds from the first `loadC2paEngine` call to a usable engine (fetch + compile + start). */
  readonly coldStartMs: number;
  /**
   * Reads and validates an asset. `use` runs while the reader is alive; the reader is freed afterwards.
   * Rejects with the engine's error (a string such as `C2pa(JumbfNotFound)`) when there is nothing to use.
   * `yieldTo`, when given, is awaited in the read's turn just before the engine runs: work that should go
   * first (the worker's pending cache writes), since nothing else runs on the thread while it reads.
   */
  read<T>(
    format: string,
    bytes: Uint8Array,
    settingsJson: string,
    use: (reader: C2paReaderView) => T,
    yieldTo?: () => Promise<void>,
  ): Promise<T>;
}

let loading: Promise<C2paEngine> | undefined;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Reads run one at a time, and a read that had to wait for another starts in a task of its own. A read is
 * synchronous WASM: 20-30 ms warm, and 100-250 ms for a fresh worker's first reads (its functions are compiled
 * as they are first called). Reads waiting together (the engine's start, several C2PA images of a page) used
 * to resume in one microtask checkpoint and hold the worker for 0.6-0.9 s in one stretch: no message, fetch or
 * cache event was handled, and every plain image of the page waited behind them (issue 14). A read asked
 * for alone (the CLI, one file after another) does not wait for a task.
 */
const readTurns = limitConcurrency(1);
let reads = 0;

const engine = (coldStartMs: number): C2paEngine => ({
  version: `c2pa-wasm@${C2PA_WASM_VERSION}`,
  coldStartMs,
  async read(format, bytes, settingsJson, use, yieldTo) {
    const queued = reads > 0;
    reads++;
    try {
      return await readTurns(async () => {
        if (yieldTo) await yieldTo();
        // A task boundary, so that what was waiting (a landed write's answers) goes out before the read.
        if (queued || yieldTo) await yieldTask();
        const reader = await WasmReader.fromBytes(format, bytes, settingsJson);
        try {
          return use(reader);
        } finally {
          reader.free();
        }
      });
    } finally {
      reads--;
    }
  },
});

/**
 * Initialises the engine once per worker lifetime and returns the same engine on every later call (the
 * argument of later calls is ignored). A failed start is not memoised, so a later call can retry.
 * `fromBytes` is used for every read: unlike `fromBlob` it needs no browser-only API (FileReaderSync), so
 * the same code runs in Node, Chrome's MV3 service worker and Firefox's background.
 */
export function loadC2paEngine(source: C2paEngineSource): Promise<C2paEngine> {
  if (!loading) {
    const started = now();
    // A function is never an InitInput (a URL, Request, Response, bytes or Module).
    const init = typeof source === 'function' ? source() : source;
    loading = initWasm({ module_or_path: init }).then(
      () => engine(Math.round((now() - started) * 10) / 10),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
  }
  return loading;
}
