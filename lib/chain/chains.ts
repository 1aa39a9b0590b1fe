/**
 * Chains the extension reads the registry from. Defaults ship in public/chains.json; users edit the list in the
 * options page.
 *
 * Defaults and why: every public chain is listed but DISABLED. The registry is not deployed on any of them yet, so
 * asking them could only ever answer "no records", while the RPC operator would still see every hash the user
 * looks at (docs/architecture.md "Security and privacy"). Enabling a chain is the user's choice of who sees the hashes. The
 * local devnet (31337, 127.0.0.1:8545) is listed but disabled too: on a machine with no devnet running it could
 * only ever answer "could not check". The demo and the end-to-end tests enable it (with their devnet's URL).
 */
import defaults from '../../public/chains.json' with { type: 'json' };

export type ChainConfig = {
  id: number;
  name: string;
  rpcUrl: string;
  enabled: boolean;
  explorerUrl?: string;
};

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Validates one entry; null when it is unusable (a hand-edited or older-schema settings value). */
export function parseChainConfig(value: unknown): ChainConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'number' || !Number.isSafeInteger(v.id) || v.id <= 0) return null;
  if (typeof v.name !== 'string' || v.name.trim() === '') return null;
  if (!isHttpUrl(v.rpcUrl)) return null;
  const chain: ChainConfig = { id: v.id, name: v.name, rpcUrl: v.rpcUrl, enabled: v.enabled === true };
  if (isHttpUrl(v.explorerUrl)) chain.explorerUrl = v.explorerUrl.replace(/\/+$/, '');
  return chain;
}

/** Keeps the valid entries, first one wins for a repeated chain id. */
export function parseChainConfigs(value: unknown): ChainConfig[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<number>();
  const out: ChainConfig[] = [];
  for (const item of value) {
    const chain = parseChainConfig(item);
    if (!chain || seen.has(chain.id)) continue;
    seen.add(chain.id);
    out.push(chain);
  }
  return out;
}

// Pure: a bundle that does not use the list (the content script) then drops the call and its parse.
export const DEFAULT_CHAINS: readonly ChainConfig[] = /* @__PURE__ */ parseChainConfigs(defaults);

export function enabledChains(chains: readonly ChainConfig[]): ChainConfig[] {
  return chains.filter((c) => c.enabled);
}

/** Link to a transaction on the chain's explorer, if it has one. */
export function explorerTxUrl(chain: ChainConfig, txHash: string): string | undefined {
  return chain.explorerUrl ? `${chain.explorerUrl}/tx/${txHash}` : undefined;
}
