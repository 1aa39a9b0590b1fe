import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extensionLifecycle } from './extension-lifecycle.ts';

function setup() {
  const { window } = parseHTML('<!doctype html><html><body></body></html>');
  let id: string | undefined = 'extension-id';
  const ended: string[] = [];
  const lifecycle = extensionLifecycle(window as unknown as Window, () => id !== undefined);
  lifecycle.onEnded(() => ended.push('ended'));
  return { window, lifecycle, ended, kill: () => (id = undefined) };
}

describe('extensionLifecycle', () => {
  it('ignores whatever the page dispatches while the extension is there', () => {
    const { window, lifecycle, ended } = setup();
    const name = 'extension-id:content:wxt:content-script-started';
    window.document.dispatchEvent(
      new window.CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'x' } }),
    );
    window.document.dispatchEvent(new window.Event('visibilitychange'));
    window.dispatchEvent(new window.Event('pageshow'));
    expect(lifecycle.alive()).toBe(true);
    expect(ended).toEqual([]);
  });

  it('ends once, at the first look after runtime.id died (a message about to be sent, or the tab shown)', () => {
    const { window, lifecycle, ended, kill } = setup();
    kill();
    window.document.dispatchEvent(new window.Event('visibilitychange'));
    expect(ended).toEqual(['ended']);
    expect(lifecycle.alive()).toBe(false);
    expect(ended).toEqual(['ended']);
    const late: string[] = [];
    lifecycle.onEnded(() => late.push('late'));
    expect(late).toEqual(['late']);
  });

  it('treats a throwing runtime (a torn-down context) as dead', () => {
    const { window } = parseHTML('<!doctype html><html><body></body></html>');
    const lifecycle = extensionLifecycle(window as unknown as Window, () => {
      throw new Error('Extension context invalidated.');
    });
    expect(lifecycle.alive()).toBe(false);
  });
});
