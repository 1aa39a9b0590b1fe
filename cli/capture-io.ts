import type { CliIo } from './cli-io.ts';

/** A command's streams captured in memory, for running commands in-process (tests, the e2e devnet). */
export interface CapturedIo {
  cli: CliIo;
  out: string[];
  err: string[];
}

export function captureIo(options: { env?: CliIo['env']; cwd?: string } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { cli, out, err };
}
