import type { CliIo } from '../../cli/cli-io.ts';
import { type DevnetInfo, runDevnet } from '../../cli/commands/devnet.ts';
import { ROOT, SEED_FILE } from './bench-paths.ts';

export interface BenchDevnet {
  info: DevnetInfo;
  stop: () => Promise<void>;
}

/**
 * anvil with the registry, seeded from the bench's own seed file through the CLI's `devnet` command (which
 * fingerprints each file as `register` does and registers it with registerContent as the publisher or the
 * stranger).
 */
export async function startBenchDevnet(): Promise<BenchDevnet> {
  const controller = new AbortController();
  const logs: string[] = [];
  const io: CliIo = { stdout: (t) => logs.push(t), stderr: (t) => logs.push(t), env: {}, cwd: ROOT };
  let ready!: (info: DevnetInfo) => void;
  const started = new Promise<DevnetInfo>((r) => (ready = r));
  const done = runDevnet(['--port', '0', '--seed', SEED_FILE], io, {
    signal: controller.signal,
    onReady: ready,
  });
  const info = await Promise.race([
    started,
    done.then((code) => {
      throw new Error(`devnet exited with ${code}: ${logs.join('')}`);
    }),
  ]);
  if (info.skipped.length > 0)
    throw new Error(`devnet skipped seed entries: ${JSON.stringify(info.skipped)}`);
  return {
    info,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
