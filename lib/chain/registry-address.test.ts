import { readFileSync } from 'node:fs';
import { getContractAddress, isAddress, keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import artifact from '../../contracts/artifacts/origin-registry.json' with { type: 'json' };
import v1 from '../../contracts/artifacts/origin-registry-v1.json' with { type: 'json' };
import {
  CREATE2_DEPLOYER,
  REGISTRY_ADDRESS,
  REGISTRY_CODE_HASH,
  REGISTRY_SALT,
  REGISTRY_V1,
} from './registry-address.ts';

describe('REGISTRY_ADDRESS', () => {
  it('is the CREATE2 address of the committed bytecode under the fixed salt', () => {
    const expected = getContractAddress({
      from: CREATE2_DEPLOYER,
      salt: REGISTRY_SALT,
      bytecode: artifact.bytecode as `0x${string}`,
      opcode: 'CREATE2',
    });
    expect(REGISTRY_ADDRESS).toBe(expected);
    expect(isAddress(REGISTRY_ADDRESS, { strict: true })).toBe(true);
  });

  it('v1 keeps its address: the CREATE2 address of the v1 artifact under the v1 salt', () => {
    expect(REGISTRY_V1.salt).toBe(keccak256(new TextEncoder().encode('origin-lens/origin-registry/v1')));
    const address = getContractAddress({
      from: CREATE2_DEPLOYER,
      salt: REGISTRY_V1.salt,
      bytecode: v1.bytecode as `0x${string}`,
      opcode: 'CREATE2',
    });
    expect(address).toBe(REGISTRY_V1.address);
  });

  it('the salt is keccak256 of its documented label', () => {
    expect(REGISTRY_SALT).toBe(keccak256(new TextEncoder().encode('origin-lens/origin-registry/v2')));
  });

  it('REGISTRY_CODE_HASH is the hash of the committed runtime code', () => {
    expect(REGISTRY_CODE_HASH).toBe(keccak256(artifact.deployedBytecode as `0x${string}`));
  });

  it('the address is a literal in the source (greppable, no computation at load)', () => {
    const src = readFileSync(new URL('./registry-address.ts', import.meta.url), 'utf8');
    expect(src).toContain(`export const REGISTRY_ADDRESS: Address = '${REGISTRY_ADDRESS}';`);
  });
});
