/**
 * The registry lives at the same address on every chain: it is deployed through the deterministic CREATE2
 * deployer (Arachnid's, present on anvil and most EVM chains) with a fixed salt, so the address depends only on
 * the bytecode in contracts/artifacts/origin-registry.json. registry-address.test.ts recomputes it; when the
 * contract changes, `npx tsx contracts/compile.ts` rewrites the two literals below.
 */
import type { Address, Hex } from 'viem';

/** The deterministic deployment proxy: calldata = salt (32 bytes) ++ initcode; returns the created address. */
export const CREATE2_DEPLOYER: Address = '0x4e59b44847b379578588920ca78fbf26c0b4956c';

/**
 * keccak256("origin-lens/origin-registry/v2"). Bump the label for an incompatible registry version.
 * v2 added kind 3 (ISCC Text-Code); v1 (kinds 0..2) stays where it was deployed: REGISTRY_V1 below.
 */
export const REGISTRY_SALT: Hex = '0x0defac1efd5d1ca7324e91d436a29ba1cd0869e4c558961d8ffc6e5b4ec83a33';

export const REGISTRY_ADDRESS: Address = '0x3228735dF89CB33ef68125bF43a68df41e17Beea';

/**
 * keccak256 of the runtime code at REGISTRY_ADDRESS. Readers compare eth_getCode against it, so an RPC that
 * serves other code there (a lying or misconfigured node) is caught instead of being decoded.
 */
export const REGISTRY_CODE_HASH: Hex = '0x292090e88019fba398628341deb2175bc6cec7391b99b35b6c041082f6864408';

/** The previous version (kinds 0..2, contracts/origin-registry-v1.sol), for tests and for readers of old records. */
export const REGISTRY_V1 = {
  salt: '0xdc515b1d60e9b4a71693ab1e933b363c43accdb8039ff24dc70aae698c1beb7d',
  address: '0x5C5F973f708913f75c17BE1A71e7711ade750D71',
} as const satisfies { salt: Hex; address: Address };
