import { resolve } from 'node:path';
import type { CliIo } from '../../cli/cli-io.ts';
import { type DevnetInfo, runDevnet } from '../../cli/commands/devnet.ts';
import { setSettings } from './extension-page.ts';
import { type ExtensionBrowser, launchWithExtension } from './launch-chromium.ts';
import { type Route, type StaticServer, startStaticServer } from './static-server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The folders every test page can use: the demo site, the C2PA and PDQ fixtures, the e2e pages. */
export const MOUNTS = {
  '/c2pa/': resolve(ROOT, 'fixtures/c2pa'),
  '/realworld/': resolve(ROOT, 'fixtures/c2pa-realworld'),
  '/pdq/': resolve(ROOT, 'fixtures/pdq/images'),
  '/e2e/': resolve(ROOT, 'e2e/site'),
  '/': resolve(ROOT, 'demo/site'),
};

export interface Devnet {
  info: DevnetInfo;
  stop: () => Promise<void>;
}

/**
 * A real local chain (anvil) with the registry deployed and records seeded through the CLI's `devnet` command:
 * the demo records of demo/seed.json, or another seed file (the page benchmark's). Every seed entry must land.
 */
export async function startDevnet(seedFile?: string): Promise<Devnet> {
  const controller = new AbortController();
  const logs: string[] = [];
  const io: CliIo = { stdout: (t) => logs.push(t), stderr: (t) => logs.push(t), env: {}, cwd: ROOT };
  let ready!: (info: DevnetInfo) => void;
  const started = new Promise<DevnetInfo>((r) => (ready = r));
  const args = ['--port', '0', ...(seedFile ? ['--seed', seedFile] : [])];
  const done = runDevnet(args, io, { signal: controller.signal, onReady: ready });
  const info = await Promise.race([
    started,
    done.then((code) => {
      throw new Error(`devnet exited with ${code}: ${logs.join('')}`);
    }),
  ]);
  if (info.skipped.length > 0) {
    controller.abort();
    await done;
    throw new Error(`devnet skipped seed entries: ${JSON.stringify(info.skipped)}`);
  }
  return {
    info,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

export interface Harness {
  server: StaticServer;
  browser: ExtensionBrowser;
  devnet?: Devnet;
  close: () => Promise<void>;
}

/** Server on 127.0.0.1, optional devnet, Chromium with the built extension pointed at that devnet. */
export async function startHarness(
  options: { devnet?: boolean; routes?: Route[]; lang?: string } = {},
): Promise<Harness> {
  const server = await startStaticServer(MOUNTS, options.routes);
  const devnet = options.devnet ? await startDevnet() : undefined;
  const browser = await launchWithExtension(options.lang ? { lang: options.lang } : {});
  await setSettings(browser.worker, {
    chains: devnet ? [{ id: 31337, name: 'Local devnet', rpcUrl: devnet.info.rpcUrl, enabled: true }] : [],
  });
  return {
    server,
    browser,
    devnet,
    close: async () => {
      await browser.close();
      await devnet?.stop();
      await server.close();
    },
  };
}
