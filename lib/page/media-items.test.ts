import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import type { BackgroundRequest, MediaCheckResult, PageItem } from '../messages/protocol.ts';
import { MediaItems } from './media-items.ts';

const en = await localeTranslate('en');

/**
 * The page side of video and audio: what the content script shows and sends. The background is replaced by a
 * function that answers as it would (the real one is exercised in media-checker.test.ts and e2e/media.e2e.ts).
 */
function setup(answer: (request: BackgroundRequest) => MediaCheckResult) {
  const items = new Map<string, PageItem>();
  const sent: BackgroundRequest[] = [];
  const media = new MediaItems({
    send: (async (request: BackgroundRequest) => {
      sent.push(request);
      return answer(request);
    }) as never,
    item: (id) => items.get(id),
    update: (id, item) => items.set(id, item),
    translate: en,
    locale: () => 'en',
  });
  return { items, sent, media };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('MediaItems', () => {
  it('shows a streamed video as not checkable, and sends nothing for it', async () => {
    const { items, sent, media } = setup(() => ({ state: 'no-provenance', reason: 'x' }));
    media.found('v1', 'video', { streamed: true }, true);
    await settle();
    expect(items.get('v1')).toMatchObject({
      kind: 'video',
      state: 'error',
      streamed: true,
      reason:
        'Not checkable (streamed): the page plays this from a stream (blob: or MediaSource), so its bytes cannot be fetched again',
    });
    expect(sent).toEqual([]);
  });

  it('keeps a file over the cap waiting, checks it when activated, and shows progress meanwhile', async () => {
    const { items, sent, media } = setup((r) =>
      r.type === 'check-media' && r.confirmed
        ? { state: 'ai-generated', reason: 'AI', key: 'k'.repeat(64), bytes: 9_000_000 }
        : { state: 'on-request', reason: 'Not checked yet', bytes: 9_000_000 },
    );
    const url = 'https://v.example/big.mp4';
    media.found('v1', 'video', { url }, true);
    await settle();
    expect(items.get('v1')).toMatchObject({ state: 'on-request', bytes: 9_000_000 });
    expect(MediaItems.badgeExtra(items.get('v1') as PageItem, en, () => 'en')).toEqual({
      action: 'Check this video (8.6 MB)',
    });
    expect(media.activate('v1')).toBe(true);
    expect(items.get('v1')).toMatchObject({ state: 'pending', progress: 0 });
    media.progress(['v1'], url, 4_500_000, 9_000_000);
    expect(items.get('v1')?.progress).toBe(0.5);
    expect(MediaItems.badgeExtra(items.get('v1') as PageItem, en, () => 'en')).toEqual({ progress: 0.5 });
    await settle();
    expect(sent.map((r) => r.type === 'check-media' && r.confirmed)).toEqual([false, true]);
    expect(items.get('v1')).toMatchObject({ state: 'ai-generated', key: 'k'.repeat(64) });
    expect(items.get('v1')?.progress).toBeUndefined();
    expect(media.activate('v1')).toBe(false); // nothing waits any more: the badge opens the evidence
  });

  it('drops an answer for a source the element no longer plays', async () => {
    const { items, media } = setup(() => ({ state: 'verified', reason: 'ok' }));
    media.found('a1', 'audio', { url: 'https://v.example/old.m4a' }, false);
    items.set('a1', { id: 'a1', kind: 'audio', url: 'https://v.example/new.m4a', state: 'pending' });
    await settle();
    expect(items.get('a1')?.state).toBe('pending');
  });
});
