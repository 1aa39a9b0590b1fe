import { describe, expect, it } from 'vitest';
import { progressBar } from './progress-bar.ts';

describe('progressBar', () => {
  it('fills in proportion and states the counts', () => {
    expect(progressBar(0, 4, 'batches', 8)).toBe('[........] 0/4 batches');
    expect(progressBar(1, 4, 'batches', 8)).toBe('[##......] 1/4 batches');
    expect(progressBar(4, 4, 'batches', 8)).toBe('[########] 4/4 batches');
  });

  it('stays within its width for odd input', () => {
    expect(progressBar(9, 4, 'x', 8)).toBe('[########] 9/4 x');
    expect(progressBar(0, 0, 'x', 4)).toBe('[####] 0/0 x');
  });
});
