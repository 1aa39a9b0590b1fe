import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { c2paWasmPath } from '../node/c2pa-engine-node.ts';
import { C2PA_WASM_VERSION, loadC2paEngine } from './engine.ts';

const wasmBytes = () => readFileSync(c2paWasmPath());
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/c2pa/${name}`, import.meta.url)));
/** Engine settings that keep every read offline. */
const settings = JSON.stringify({
  verify: { remote_manifest_fetch: false },
  core: { allowed_network_hosts: [] },
});

describe('loadC2paEngine', () => {
  // Runs first in this file, before anything has initialised the WASM module.
  it('does not memoise a failed start, so a later call can retry', async () => {
    await expect(loadC2paEngine(Promise.reject(new Error('wasm missing')))).rejects.toThrow('wasm missing');
    // A source function is called for the start, like the background's (the copy in Cache Storage or the URL).
    let asked = 0;
    const engine = await loadC2paEngine(() => {
      asked++;
      return wasmBytes();
    });
    expect(asked).toBe(1);
    expect(engine.version).toBe(`c2pa-wasm@${C2PA_WASM_VERSION}`);
  });

  it('initialises once per worker: later calls return the same engine and ignore their argument', async () => {
    const first = await loadC2paEngine(wasmBytes());
    const second = await loadC2paEngine(new Uint8Array([0, 1, 2]));
    expect(second).toBe(first);
    // A source function is not even called: the providers ask for the engine before every read.
    const third = await loadC2paEngine(() => {
      throw new Error('read the WASM again');
    });
    expect(third).toBe(first);
    expect(first.coldStartMs).toBeGreaterThan(0);
    expect(first.coldStartMs).toBeLessThan(10_000);
  });

  it('is the exact version package.json pins (results depend on it: fixtures/c2pa/SOURCES.md)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const installed = JSON.parse(
      readFileSync(
        new URL('../../node_modules/@contentauth/c2pa-wasm/package.json', import.meta.url),
        'utf8',
      ),
    );
    expect(pkg.dependencies['@contentauth/c2pa-wasm']).toBe(C2PA_WASM_VERSION);
    expect(installed.version).toBe(C2PA_WASM_VERSION);
  });

  it('runs one read at a time; one that waited starts in a task of its own, so work queued meanwhile runs first', async () => {
    const engine = await loadC2paEngine(wasmBytes());
    const order: string[] = [];
    const read = (name: string) =>
      engine.read('image/jpeg', fixture('valid_C_c2pars.jpg'), settings, (r) => {
        order.push(`${name} read`);
        // A message or a fetch's answer arriving while this read runs.
        setTimeout(() => order.push(`task queued during ${name}`), 0);
        return JSON.parse(r.json()).validation_state;
      });
    const states = await Promise.all([read('a'), read('b'), read('c')]);
    expect(states).toEqual(['Valid', 'Valid', 'Valid']);
    expect(order.slice(0, 5)).toEqual([
      'a read',
      'task queued during a',
      'b read',
      'task queued during b',
      'c read',
    ]);
    // A read asked for alone does not wait for a task (the CLI reads one file after another).
    const alone: string[] = [];
    setTimeout(() => alone.push('task'), 0);
    await read('alone');
    alone.push('read done');
    expect(alone[0]).toBe('read done');
  });

  it('waits in its turn for what it is asked to yield to, then lets what that released run first', async () => {
    const engine = await loadC2paEngine(wasmBytes());
    const order: string[] = [];
    // A cache write that lands later; the answers waiting for it take a few promise steps to go out.
    let land: () => void = () => {};
    const write = new Promise<void>((resolve) => {
      land = resolve;
    });
    const answers = (async () => {
      await write;
      for (let step = 0; step < 20; step++) await Promise.resolve();
      order.push('answers sent');
    })();
    const reading = engine.read(
      'image/jpeg',
      fixture('valid_C_c2pars.jpg'),
      settings,
      (r) => {
        order.push('read');
        return JSON.parse(r.json()).validation_state;
      },
      () => write,
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    land();
    expect(await reading).toBe('Valid');
    await answers;
    expect(order).toEqual(['answers sent', 'read']);
  });

  it('reads through a callback and passes engine errors through unchanged', async () => {
    const engine = await loadC2paEngine(wasmBytes());
    const state = await engine.read(
      'image/jpeg',
      fixture('valid_C_c2pars.jpg'),
      settings,
      (r) => JSON.parse(r.json()).validation_state,
    );
    expect(state).toBe('Valid');
    await expect(engine.read('image/jpeg', fixture('none_A.jpg'), settings, () => 1)).rejects.toBe(
      'C2pa(JumbfNotFound)',
    );
    await expect(
      engine.read('image/jpeg', fixture('valid_C_c2pars.jpg'), settings, () => {
        throw new Error('mapping failed');
      }),
    ).rejects.toThrow('mapping failed');
    // The reader was freed on that failure path too; the engine keeps working.
    const again = await engine.read(
      'image/jpeg',
      fixture('valid_C_c2pars.jpg'),
      settings,
      (r) => r.json().length,
    );
    expect(again).toBeGreaterThan(1000);
  });
});
