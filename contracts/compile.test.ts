import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryAbi } from '../lib/chain/registry-abi.ts';
import {
  ABI_MODULE_PATH,
  ADDRESS_MODULE_PATH,
  ARTIFACT_PATH,
  abiModuleSource,
  addressModuleSource,
  artifactJson,
  COMPILER_SETTINGS,
  compileRegistry,
  EXPECTED_SOLC_VERSION,
  repoRoot,
  V1,
} from './compile.ts';

describe('contracts/compile.ts', () => {
  const { artifact, warnings } = compileRegistry();

  it('compiles without warnings with the pinned compiler', () => {
    expect(warnings).toEqual([]);
    expect(artifact.compiler.version).toBe(EXPECTED_SOLC_VERSION);
    expect(artifact.settings).toEqual(COMPILER_SETTINGS);
    // No CBOR metadata trailer (it would tie the address to comments and paths): 0xa164/0xa264 + 0x0033 tail.
    expect(artifact.deployedBytecode.endsWith('0033')).toBe(false);
  });

  it('matches the committed artifact byte for byte', () => {
    expect(readFileSync(join(repoRoot, ARTIFACT_PATH), 'utf8')).toBe(artifactJson(artifact));
  });

  it('the generated ABI module and address literals are up to date', () => {
    expect(registryAbi).toEqual(artifact.abi);
    expect(readFileSync(join(repoRoot, ABI_MODULE_PATH), 'utf8')).toBe(abiModuleSource(artifact));
    const current = readFileSync(join(repoRoot, ADDRESS_MODULE_PATH), 'utf8');
    expect(addressModuleSource(artifact, current)).toBe(current);
  });

  it('the v1 artifact is still exactly what the v1 source compiles to (and the source is unchanged)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, V1.artifactPath), 'utf8'));
    const { artifact: v1 } = compileRegistry(repoRoot, V1);
    expect(v1.sourceSha256).toBe(committed.sourceSha256);
    expect(v1.bytecode).toBe(committed.bytecode);
    expect(v1.deployedBytecode).toBe(committed.deployedBytecode);
    expect(v1.abi).toEqual(committed.abi);
    expect(v1.bytecode).not.toBe(artifact.bytecode);
  });

  it('is deterministic across runs', () => {
    expect(compileRegistry().artifact.bytecode).toBe(artifact.bytecode);
  });
});
