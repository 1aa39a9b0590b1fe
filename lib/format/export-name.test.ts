import { describe, expect, it } from 'vitest';
import { exportFileName, toExportJson } from './export-name.ts';

describe('export', () => {
  it('names the file after the short key', () => {
    expect(exportFileName('49a6b089bf3fe610960ef91b2beb81c86b62e7d531c97f33fc029841d864b2cb')).toBe(
      'origin-lens-49a6b089bf3f.json',
    );
  });

  it('never lets a key put path characters in the name', () => {
    expect(exportFileName('../..')).toBe('origin-lens-item.json');
  });

  it('pretty-prints with a trailing newline', () => {
    expect(toExportJson({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });
});
