/**
 * Connecting the command line to an RPC URL given by the user: the chain id comes from the node itself
 * (eth_chainId), so a signed transaction can only be valid on the chain the user actually pointed at.
 */
import { type Account, createWalletClient, type PublicClient } from 'viem';
import { getChainId } from 'viem/actions';
import type { ChainConfig } from './chains.ts';
import { chainFromConfig, chainTransport, createChainClient } from './create-chain-client.ts';
import type { WalletLikeClient } from './deploy-registry.ts';

export const DEVNET_RPC_URL = 'http://127.0.0.1:8545';

export interface RpcConnection {
  chain: ChainConfig;
  client: PublicClient;
}

function isLocal(rpcUrl: string): boolean {
  const host = new URL(rpcUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** Throws a plain Error naming the URL when the node cannot be reached or the URL is not http(s). */
export async function connectRpc(
  rpcUrl: string,
  options: { fetchFn?: typeof fetch } = {},
): Promise<RpcConnection> {
  let url: URL;
  try {
    url = new URL(rpcUrl);
  } catch {
    throw new Error(`not a URL: ${rpcUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`not an http(s) RPC URL: ${rpcUrl}`);
  const probe = { id: 1, name: 'probe', rpcUrl, enabled: true };
  let id: number;
  try {
    id = await getChainId(createChainClient(probe, { ...options, timeoutMs: 15_000, retryCount: 1 }));
  } catch (e) {
    throw new Error(
      `could not reach ${rpcUrl}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
  const chain: ChainConfig = { id, name: `chain ${id}`, rpcUrl, enabled: true };
  return { chain, client: createChainClient(chain, { ...options, timeoutMs: 30_000, retryCount: 2 }) };
}

export function walletFor(connection: RpcConnection, account: Account | `0x${string}`): WalletLikeClient {
  const { chain } = connection;
  return createWalletClient({
    account,
    chain: chainFromConfig(chain),
    transport: chainTransport(chain, { timeoutMs: 30_000, retryCount: 2 }),
    // A local node mines at once; a public chain takes seconds per block.
    pollingInterval: isLocal(chain.rpcUrl) ? 50 : 2000,
    // Never follow an RPC's OffchainLookup revert to a URL it names (see create-chain-client.ts).
    ccipRead: false,
  });
}
