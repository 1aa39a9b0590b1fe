import { type Devnet, startDevnet } from '../../e2e/support/harness.ts';
import { SEED_FILE } from './bench-paths.ts';

export type BenchDevnet = Devnet;

/**
 * anvil with the registry, seeded from the bench's own seed file through the CLI's `devnet` command (which
 * fingerprints each file as `register` does and registers it as the publisher or the stranger): the e2e
 * tests' devnet with another seed.
 */
export const startBenchDevnet = (): Promise<BenchDevnet> => startDevnet(SEED_FILE);
