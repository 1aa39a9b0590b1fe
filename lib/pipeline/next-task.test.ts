import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task.ts';

describe('nextTask', () => {
  it('resolves after a task queued before it, not in the same microtask checkpoint', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('queued task'), 0);
    const waiting = nextTask().then(() => order.push('after nextTask'));
    await Promise.resolve();
    order.push('microtask');
    await waiting;
    expect(order).toEqual(['microtask', 'queued task', 'after nextTask']);
  });
});
