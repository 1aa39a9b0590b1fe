/**
 * Starts a local anvil node from the `@foundry-rs/anvil-linux-amd64` npm package (see docs/architecture.md
 * "On-chain registry": the wrapper package `@foundry-rs/anvil` is not used because `npm ci` fails on its missing platform packages).
 *
 * Port 0 lets the OS pick a free port and we read the real one from anvil's "Listening on" line: no
 * check-then-bind race when many test files start their own node in parallel.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Address } from 'viem';

/**
 * anvil's default accounts (its public test mnemonic); the node signs for them, no key needed. Never trust them
 * outside chain 31337.
 */
export const ANVIL_ACCOUNTS = {
  deployer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  publisher: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  stranger: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  other: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
} as const satisfies Record<string, Address>;

export interface AnvilOptions {
  /** 0 (default) = a free port chosen by the OS. */
  port?: number;
  host?: string;
  chainId?: number;
  /** Path to the anvil binary; defaults to the one in the npm package. */
  binary?: string;
  /** Extra command-line arguments, e.g. ['--block-time', '1']. */
  args?: string[];
  /** How long to wait for the node to answer (ms). */
  startTimeoutMs?: number;
}

export interface AnvilInstance {
  rpcUrl: string;
  host: string;
  port: number;
  chainId: number;
  pid: number | undefined;
  /** Resolves with the exit code (null when killed by a signal) once the node has stopped, for whatever reason. */
  exited: Promise<number | null>;
  /** Stops the node (SIGTERM, then SIGKILL after 2 s); resolves once the process has exited. */
  stop: () => Promise<void>;
}

/** Locates the anvil binary shipped by the optional npm dependency. */
export function anvilBinaryPath(): string {
  const require = createRequire(import.meta.url);
  try {
    const pkg = require.resolve('@foundry-rs/anvil-linux-amd64/package.json');
    const bin = join(dirname(pkg), 'bin', 'anvil');
    if (existsSync(bin)) return bin;
  } catch {
    // Fall through to the error below: the optional dependency is missing on this platform.
  }
  throw new Error('anvil binary not found: install the optional dependency @foundry-rs/anvil-linux-amd64');
}

// Children still running when Node exits are killed synchronously, so a crashed test never leaves a node behind.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

async function answers(rpcUrl: string): Promise<number | undefined> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    const body = (await res.json()) as { result?: string };
    return body.result ? Number.parseInt(body.result, 16) : undefined;
  } catch {
    return undefined;
  }
}

export async function startAnvil(options: AnvilOptions = {}): Promise<AnvilInstance> {
  const host = options.host ?? '127.0.0.1';
  const args = ['--host', host, '--port', String(options.port ?? 0)];
  if (options.chainId !== undefined) args.push('--chain-id', String(options.chainId));
  args.push(...(options.args ?? []));
  const child = spawn(options.binary ?? anvilBinaryPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  installExitHook();
  running.add(child);

  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolveExit(code);
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };

  try {
    const port = await new Promise<number>((resolvePort, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(
        () => reject(new Error(`anvil did not start within ${options.startTimeoutMs ?? 10_000} ms\n${err}`)),
        options.startTimeoutMs ?? 10_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const m = /Listening on [^\s:]+:(\d+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          out = '';
          resolvePort(Number(m[1]));
        }
        // Keep only a tail so a chatty node does not grow this buffer for ever.
        if (out.length > 65_536) out = out.slice(-1024);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        err = (err + chunk.toString('utf8')).slice(-4096);
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`anvil exited with code ${code}\n${err}`));
      });
    });
    const rpcUrl = `http://${host}:${port}`;
    const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
    let chainId = await answers(rpcUrl);
    while (chainId === undefined) {
      if (Date.now() > deadline) throw new Error(`anvil at ${rpcUrl} does not answer`);
      await new Promise((r) => setTimeout(r, 20));
      chainId = await answers(rpcUrl);
    }
    // Drain output after start-up so the pipe never fills up and blocks the node.
    child.stdout?.resume();
    child.stderr?.resume();
    return { rpcUrl, host, port, chainId, pid: child.pid, exited, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
