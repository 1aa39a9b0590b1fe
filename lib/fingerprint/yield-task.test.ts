import { describe, expect, it } from 'vitest';
import { yieldTask } from './yield-task.ts';

describe('yieldTask', () => {
  it('lets a task queued before it run first (a macrotask, not a microtask)', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('queued task'), 0);
    await Promise.resolve();
    order.push('after a microtask');
    await yieldTask();
    order.push('after yieldTask');
    expect(order).toEqual(['after a microtask', 'queued task', 'after yieldTask']);
  });
});
