/**
 * `origin-lens deploy [--rpc URL] [--json]`: puts the registry at REGISTRY_ADDRESS on the chain behind the RPC,
 * through the CREATE2 deployer. Idempotent: when the registry is already there nothing is sent and no key is
 * needed. The key comes from ORIGIN_LENS_KEY, never from an argument.
 */
import { deployRegistry, registryDeployed } from '../../lib/chain/deploy-registry.ts';
import { accountFromEnv, KeyError } from '../../lib/chain/key-from-env.ts';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import { connectRpc, DEVNET_RPC_URL, walletFor } from '../../lib/chain/rpc-connection.ts';
import type { CliCommand } from '../cli-io.ts';
import { fail, parseCommandArgs } from '../command-args.ts';

const USAGE = `Usage: origin-lens deploy [--rpc URL] [--json]
  Deploys the Origin Lens registry to ${REGISTRY_ADDRESS} (the same address on every chain).
  --rpc URL   JSON-RPC endpoint (default ${DEVNET_RPC_URL})
  --json      machine-readable output: {"address","chainId","deployed","txHash"?,"gasUsed"?}
  The deploying key is read from ORIGIN_LENS_KEY (only needed when the registry is not there yet).`;

export const run: CliCommand = async (argv, io) => {
  const args = parseCommandArgs(argv, io, {
    command: 'deploy',
    usage: USAGE,
    refuseKeyArgument: true,
    options: { rpc: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (args.exit !== undefined) return args.exit;
  if (args.positionals.length > 0) return fail(io, 'deploy', `unexpected argument "${args.positionals[0]}"`);
  const { values } = args;
  try {
    const connection = await connectRpc(values.rpc ?? DEVNET_RPC_URL);
    const chainId = connection.chain.id;
    let result: { address: string; chainId: number; deployed: boolean; txHash?: string; gasUsed?: string };
    // Checked before asking for the key: confirming an existing deployment needs no key.
    if (await registryDeployed(connection.client)) {
      result = { address: REGISTRY_ADDRESS, chainId, deployed: false };
    } else {
      const account = accountFromEnv(io.env);
      const deployed = await deployRegistry(walletFor(connection, account));
      result = { address: deployed.address, chainId, deployed: deployed.deployed };
      if (deployed.txHash) result.txHash = deployed.txHash;
      if (deployed.gasUsed !== undefined) result.gasUsed = String(deployed.gasUsed);
    }
    if (values.json) io.stdout(JSON.stringify(result, null, 2));
    else if (result.deployed) {
      io.stdout(
        `Registry deployed at ${result.address} on chain ${chainId} (tx ${result.txHash}, gas ${result.gasUsed})`,
      );
    } else io.stdout(`Registry already at ${result.address} on chain ${chainId}; nothing sent`);
    return 0;
  } catch (e) {
    return fail(io, 'deploy', e, e instanceof KeyError ? 2 : 1);
  }
};
