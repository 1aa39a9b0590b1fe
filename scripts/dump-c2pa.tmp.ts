import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadC2paEngineNode, loadBundledTrustListsNode } from '../cli/c2pa-engine-node.ts';
import { buildEngineSettings } from '../lib/c2pa/trust-settings.ts';
import { mimeFor } from '../lib/c2pa/mime-for.ts';
const engine = await loadC2paEngineNode();
const trust = await loadBundledTrustListsNode();
for (const f of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(f));
  const fmt = mimeFor(bytes, '') ?? 'image/jpeg';
  try {
    const json = await engine.read(fmt, bytes, buildEngineSettings(trust), (r) => r.json());
    writeFileSync(`/tmp/dump/${basename(f)}.json`, JSON.stringify(JSON.parse(json), null, 1));
    const s = JSON.parse(json);
    console.log('##', basename(f), s.validation_state);
    console.log(JSON.stringify(s.validation_results, (k, v) => (k === 'success' ? undefined : v)));
  } catch (e) { console.log('##', basename(f), 'THROW', String(e)); }
}
