import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from './silent-content-script-context.ts';

describe('silent ContentScriptContext', () => {
  it('starts without touching a DOM (there is none here), and ends only when told', () => {
    const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
    const ended: string[] = [];
    const off = ctx.onInvalidated(() => ended.push('first'));
    ctx.onInvalidated(() => ended.push('second'));
    off();
    expect(ctx.isValid).toBe(true);
    ctx.notifyInvalidated();
    expect(ctx.isInvalid).toBe(true);
    expect(ended).toEqual(['second']);
  });
});
