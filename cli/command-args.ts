/**
 * The one way a CLI command reads its arguments: node's parseArgs plus what every command wants around it,
 * so that each command answers a bad argument the same way (a one-line reason, the usage, exit code 2).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { KEY_ARGUMENT_REFUSED, keyArgument } from '../lib/chain/key-from-env.ts';
import type { CliIo } from './cli-io.ts';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A bad command line: the caller prints it with the usage and exits 2. */
export class UsageError extends Error {}

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The command's name, as in `origin-lens <name>`. */
  command: string;
  usage: string;
  options: O;
  /** Commands that send transactions refuse anything that looks like a private key (see key-from-env.ts). */
  refuseKeyArgument?: boolean;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP }>
>;

/** The parsed arguments, or the exit code when the command must stop here (`--help`: 0, a bad argument: 2). */
export type CommandArgs<O extends ParseArgsOptionsConfig> =
  | { values: Parsed<O>['values']; positionals: string[]; exit?: undefined }
  | { exit: number };

/** The first line of an error's message (viem's errors run to many lines of details). */
export const firstLine = (e: unknown): string =>
  e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);

/** Writes `origin-lens <command>: <reason>` to stderr and returns the exit code (2 for a usage error). */
export function fail(io: CliIo, command: string, error: unknown, code = 2): number {
  io.stderr(`origin-lens ${command}: ${firstLine(error)}`);
  return code;
}

/** Parses argv for a command; every command gets `--help`/`-h`. */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(
  argv: string[],
  io: CliIo,
  spec: CommandSpec<O>,
): CommandArgs<O> {
  if (spec.refuseKeyArgument) {
    const keyArg = keyArgument(argv);
    if (keyArg) return { exit: fail(io, spec.command, `refused ${keyArg}: ${KEY_ARGUMENT_REFUSED}`) };
  }
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...spec.options, ...HELP } });
  } catch (e) {
    io.stderr(`origin-lens ${spec.command}: ${firstLine(e)}\n${spec.usage}`);
    return { exit: 2 };
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(spec.usage);
    return { exit: 0 };
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** A whole number option within [min, max]; `fallback` when absent. Throws a UsageError naming the option. */
export function intOption(
  name: string,
  value: string | undefined,
  fallback: number,
  range: { min: number; max: number },
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(`--${name} must be a whole number in ${range.min}..${range.max}`);
  }
  return n;
}

/**
 * The values of an option that may be repeated and/or comma-separated (`--trust official --trust interim`,
 * `--trust official,interim`), each checked against `allowed` when given.
 */
export function listOption(
  name: string,
  value: string | string[] | undefined,
  allowed?: readonly string[],
): string[] {
  const list = (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const bad = allowed ? list.find((v) => !allowed.includes(v)) : undefined;
  if (bad !== undefined) {
    throw new UsageError(
      `--${name} takes ${allowed?.join(', ')} (comma-separated or repeated), not "${bad}"`,
    );
  }
  return list;
}
