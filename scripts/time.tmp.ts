import { readFileSync } from 'node:fs';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../cli/c2pa-engine-node.ts';
import { buildEngineSettings } from '../lib/c2pa/trust-settings.ts';
import { toEvidence } from '../lib/c2pa/to-evidence.ts';
const engine = await loadC2paEngineNode();
const lists = await loadBundledTrustListsNode({ official: true, interim: true });
const bytes = new Uint8Array(readFileSync('fixtures/c2pa-realworld/google_genai_30-manifest-chain.png'));
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const json = await engine.read('image/png', bytes, buildEngineSettings(lists), (r) => r.json());
  const t1 = performance.now() - t; t = performance.now();
  toEvidence(json, { trust: () => ({ list: null, tier: 'untrusted' }) });
  console.log('engine', t1.toFixed(0), 'map', (performance.now() - t).toFixed(0), json.length);
}
for (const [name, l] of [['none', {}], ['official', await loadBundledTrustListsNode({ official: true, interim: false })], ['interim', await loadBundledTrustListsNode({ official: false, interim: true })]] as const) {
  const t = performance.now();
  await engine.read('image/png', bytes, buildEngineSettings(l), (r) => r.json());
  console.log(name, (performance.now() - t).toFixed(0));
}
