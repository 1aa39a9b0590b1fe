/**
 * Signing keys for the command line come from the environment (ORIGIN_LENS_KEY) and never from an argument:
 * arguments end up in shell history, in `ps` output visible to other users, and in CI logs. The environment is
 * passed in (CliIo.env), so tests run in-process.
 */
import type { Hex } from 'viem';
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';

export const KEY_ENV = 'ORIGIN_LENS_KEY';

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

const KEY_LIKE = /^(0x)?[0-9a-fA-F]{64}$/;
const KEY_OPTIONS = /^--?(key|private-key|privatekey|pk|secret|mnemonic|seed-phrase)(=|$)/i;

/**
 * Describes the first argument that looks like a key being passed (an option such as --key, or a bare 64-hex
 * value), without repeating its value; undefined when there is none.
 */
export function keyArgument(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (KEY_OPTIONS.test(arg)) return `option ${arg.split('=')[0]}`;
    const value = arg.includes('=') && arg.startsWith('--') ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (KEY_LIKE.test(value)) return `argument ${i + 1} (a 64-hex-digit value)`;
  }
  return undefined;
}

export const KEY_ARGUMENT_REFUSED = `never pass a private key on the command line (shell history, ps, CI logs); set ${KEY_ENV} in the environment instead`;

/** The account for ORIGIN_LENS_KEY; a KeyError (that never echoes the value) when missing or malformed. */
export function accountFromEnv(env: Record<string, string | undefined>): PrivateKeyAccount {
  const raw = env[KEY_ENV]?.trim();
  if (!raw)
    throw new KeyError(`${KEY_ENV} is not set: export the registrant's private key (0x + 64 hex digits)`);
  if (!KEY_LIKE.test(raw))
    throw new KeyError(`${KEY_ENV} is not a private key (expected 0x + 64 hex digits)`);
  try {
    return privateKeyToAccount((raw.startsWith('0x') ? raw : `0x${raw}`) as Hex);
  } catch {
    throw new KeyError(`${KEY_ENV} is not a valid secp256k1 private key`);
  }
}
