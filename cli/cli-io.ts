/** What a CLI command may touch: passed in so that tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Every command module exports `run` with this shape and returns the process exit code. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;
