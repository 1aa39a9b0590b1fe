import { describe, expect, it } from 'vitest';
import { captureIo } from './capture-io.ts';
import { fail, firstLine, intOption, listOption, parseCommandArgs, UsageError } from './command-args.ts';

const io = () => captureIo({ cwd: '/' });

const spec = {
  command: 'demo',
  usage: 'Usage: origin-lens demo [--json] [--n N] <file>...',
  options: { json: { type: 'boolean' }, n: { type: 'string' }, tag: { type: 'string', multiple: true } },
} as const;

describe('parseCommandArgs', () => {
  it('returns the values and the positionals', () => {
    const t = io();
    const args = parseCommandArgs(
      ['a.jpg', '--json', '--n', '3', 'b.png', '--tag', 'x', '--tag=y'],
      t.cli,
      spec,
    );
    expect(args.exit).toBeUndefined();
    if (args.exit !== undefined) return;
    expect(args.positionals).toEqual(['a.jpg', 'b.png']);
    expect(args.values).toMatchObject({ json: true, n: '3', tag: ['x', 'y'] });
    expect(t.err).toEqual([]);
  });

  it('prints the usage on --help and -h and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const t = io();
      expect(parseCommandArgs([flag], t.cli, spec)).toEqual({ exit: 0 });
      expect(t.out).toEqual([spec.usage]);
    }
  });

  it('answers an unknown option or a missing value with the reason and the usage, exit 2', () => {
    const t = io();
    expect(parseCommandArgs(['--nope'], t.cli, spec)).toEqual({ exit: 2 });
    expect(t.err.join('')).toMatch(/^origin-lens demo: .*--nope.*\nUsage: origin-lens demo/);
    const u = io();
    expect(parseCommandArgs(['--n'], u.cli, spec)).toEqual({ exit: 2 });
    expect(u.err.join('')).toContain('--n');
  });

  it('refuses a private key on the command line when asked to, without echoing it', () => {
    const key = `0x${'ab'.repeat(32)}`;
    const t = io();
    expect(parseCommandArgs([key], t.cli, { ...spec, refuseKeyArgument: true })).toEqual({ exit: 2 });
    expect(t.err.join('')).toContain('never pass a private key');
    expect(t.err.join('')).not.toContain(key);
    // Without the flag a 64-hex value is an ordinary argument (e.g. a hash to look up).
    expect(parseCommandArgs([key], io().cli, spec).exit).toBeUndefined();
  });
});

describe('intOption', () => {
  const range = { min: 1, max: 100 };
  it('takes whole numbers in range and the fallback when absent', () => {
    expect(intOption('n', '7', 5, range)).toBe(7);
    expect(intOption('n', '100', 5, range)).toBe(100);
    expect(intOption('n', undefined, 5, range)).toBe(5);
  });
  it.each(['0', '101', '1.5', 'x', '', ' ', '1e9'])('refuses %j, naming the option and the range', (v) => {
    expect(() => intOption('n', v, 5, range)).toThrow(UsageError);
    expect(() => intOption('n', v, 5, range)).toThrow('--n must be a whole number in 1..100');
  });
});

describe('listOption', () => {
  it('joins repeated and comma-separated values', () => {
    expect(listOption('trust', ['official, interim', 'none'])).toEqual(['official', 'interim', 'none']);
    expect(listOption('trust', 'official')).toEqual(['official']);
    expect(listOption('trust', undefined)).toEqual([]);
  });
  it('refuses a value outside the allowed ones', () => {
    expect(() => listOption('trust', ['official', 'bogus'], ['official', 'interim'])).toThrow(
      '--trust takes official, interim (comma-separated or repeated), not "bogus"',
    );
  });
});

describe('fail and firstLine', () => {
  it('prints one line per error and returns the code', () => {
    const t = io();
    expect(fail(t.cli, 'demo', new Error('bad thing\n  details: 40 lines of RPC dump'))).toBe(2);
    expect(fail(t.cli, 'demo', 'plain words', 1)).toBe(1);
    expect(t.err).toEqual(['origin-lens demo: bad thing', 'origin-lens demo: plain words']);
    expect(firstLine(42)).toBe('42');
  });
});
