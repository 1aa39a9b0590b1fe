import { describe, expect, it } from 'vitest';
import type { BackgroundRequest } from './protocol.ts';
import { MAX_FRAMES_PER_POST, MAX_POST_CHARS, type PortLike, portSender, servePort } from './request-port.ts';
import type { SenderInfo } from './sender.ts';

/**
 * Two connected ends, delivering asynchronously and in order like `runtime.Port` (each end's messages arrive
 * in a later task; a disconnect reaches the other end only).
 */
function portPair(sender: SenderInfo): { content: PortLike; background: PortLike; posted: unknown[] } {
  const posted: unknown[] = [];
  type End = PortLike & { deliver: (m: unknown) => void; closed: () => void; other?: End; live: boolean };
  const end = (withSender?: SenderInfo): End => {
    const onMessage: Array<(m: unknown) => void> = [];
    const onDisconnect: Array<() => void> = [];
    const self: End = {
      name: 'origin-lens-requests',
      sender: withSender,
      live: true,
      postMessage(message) {
        if (!self.live) throw new Error('Attempting to use a disconnected port object');
        posted.push(message);
        const target = self.other;
        setTimeout(() => target?.live && target.deliver(structuredClone(message)), 0);
      },
      disconnect() {
        self.live = false;
        const target = self.other;
        if (target?.live) setTimeout(() => target.closed(), 0);
      },
      onMessage: { addListener: (l) => onMessage.push(l) },
      onDisconnect: { addListener: (l) => onDisconnect.push(l) },
      deliver: (m) => {
        for (const l of onMessage) l(m);
      },
      closed: () => {
        self.live = false;
        for (const l of onDisconnect) l();
      },
    };
    return self;
  };
  const content = end();
  const background = end(sender);
  content.other = background;
  background.other = content;
  return { content, background, posted };
}

const tab: SenderInfo = { id: 'ext', tab: { id: 4 }, frameId: 0, url: 'https://news.example/' };
const image = (url: string): BackgroundRequest => ({ type: 'check-image', url });

describe('portSender and servePort', () => {
  it('answers each request with its own result, whatever order they finish in, with the port’s sender', async () => {
    const pair = portPair(tab);
    const seen: Array<[unknown, SenderInfo]> = [];
    servePort(pair.background, (raw, sender) => {
      seen.push([raw, sender]);
      const url = (raw as { url: string }).url;
      const wait = url.endsWith('slow.jpg') ? 30 : 1;
      return new Promise((resolve) => setTimeout(() => resolve({ verdict: url }), wait));
    });
    const send = portSender(() => pair.content);
    const [slow, fast] = await Promise.all([
      send(image('https://a/slow.jpg')),
      send(image('https://a/fast.jpg')),
    ]);
    expect(slow).toEqual({ verdict: 'https://a/slow.jpg' });
    expect(fast).toEqual({ verdict: 'https://a/fast.jpg' });
    expect(seen.map(([, sender]) => sender)).toEqual([tab, tab]);
  });

  it('resolves to nothing for a request the router refuses, and rejects with the handler’s error', async () => {
    const pair = portPair(tab);
    servePort(pair.background, (raw) => {
      const url = (raw as { url?: string }).url ?? '';
      if (url.includes('refused')) return undefined;
      return Promise.reject(new Error(`cannot check ${url}`));
    });
    const send = portSender(() => pair.content);
    await expect(send(image('https://a/refused.jpg'))).resolves.toBeUndefined();
    await expect(send(image('https://a/b.jpg'))).rejects.toThrow('cannot check https://a/b.jpg');
  });

  it('rejects what is still waiting when the background goes away, and connects again for the next request', async () => {
    const first = portPair(tab);
    const second = portPair(tab);
    let connects = 0;
    const never = () => new Promise(() => {});
    servePort(first.background, never);
    servePort(second.background, async () => 'second port');
    const send = portSender(() => (connects++ === 0 ? first : second).content);
    const lost = send(image('https://a/1.jpg'));
    await new Promise((r) => setTimeout(r, 5));
    first.background.disconnect(); // the worker stopped
    await expect(lost).rejects.toThrow('closed the connection');
    await expect(send(image('https://a/2.jpg'))).resolves.toBe('second port');
    expect(connects).toBe(2);
  });

  it('rejects at once when there is no extension to connect to', async () => {
    const send = portSender(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(send(image('https://a/1.jpg'))).rejects.toThrow('Extension context invalidated');
  });

  it('ignores frames without a usable id, and drops an answer whose port has closed', async () => {
    const pair = portPair(tab);
    const routed: unknown[] = [];
    let finish: (v: unknown) => void = () => {};
    servePort(pair.background, (raw) => {
      routed.push(raw);
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    for (const frame of [null, 'x', { request: image('https://a/x.jpg') }, { id: 1.5 }, { id: '7' }])
      pair.content.postMessage(frame);
    pair.content.postMessage({ id: 9, request: image('https://a/ok.jpg') });
    await new Promise((r) => setTimeout(r, 5));
    expect(routed).toEqual([image('https://a/ok.jpg')]);
    const before = pair.posted.length;
    pair.content.disconnect();
    await new Promise((r) => setTimeout(r, 5));
    finish('late');
    await new Promise((r) => setTimeout(r, 5));
    expect(pair.posted).toHaveLength(before); // nothing posted to a closed port, and nothing thrown
  });

  it('sends the requests of one task as one post, and returns the answers settled together as one', async () => {
    const pair = portPair(tab);
    servePort(pair.background, async (raw) => (raw as { url: string }).url.length);
    const send = portSender(() => pair.content);
    const urls = Array.from({ length: 50 }, (_, i) => `https://a/${'x'.repeat(i)}.jpg`);
    const answers = await Promise.all(urls.map((u) => send(image(u))));
    expect(answers).toEqual(urls.map((u) => u.length));
    // One batch of 50 frames out, one batch of 50 answers back.
    expect(pair.posted).toHaveLength(2);
    expect((pair.posted[0] as { frames: unknown[] }).frames).toHaveLength(50);
    expect((pair.posted[1] as { answers: unknown[] }).answers).toHaveLength(50);
    // A request made in a later task is a post of its own, as a single frame.
    await send(image('https://a/later.jpg'));
    expect(pair.posted[2]).toMatchObject({ id: 51 });
  });

  it('splits the requests of one task into posts of at most MAX_FRAMES_PER_POST, every one answered', async () => {
    const pair = portPair(tab);
    servePort(pair.background, async (raw) => (raw as { url: string }).url);
    const send = portSender(() => pair.content);
    // Short enough that the frame count, not the size, cuts the posts.
    const urls = Array.from({ length: 2 * MAX_FRAMES_PER_POST + 1 }, (_, i) => `h:${i}`);
    expect(await Promise.all(urls.map((u) => send(image(u))))).toEqual(urls);
    const sizes = pair.posted.map((m) => (m as { frames?: unknown[] }).frames?.length ?? 1);
    expect(sizes.slice(0, 3)).toEqual([MAX_FRAMES_PER_POST, MAX_FRAMES_PER_POST, 1]);
  });

  it('cuts a batch into posts of at most MAX_POST_CHARS both ways, a larger frame alone, every one answered', async () => {
    const pair = portPair(tab);
    // Each answer carries its text back: the answers' batch must be cut too.
    servePort(pair.background, async (raw) => (raw as { text: string }).text);
    const send = portSender(() => pair.content);
    const texts = [
      ...Array.from({ length: 10 }, (_, i) => `${i}`.repeat(MAX_POST_CHARS / 4)),
      'L'.repeat(MAX_POST_CHARS * 2),
      'after',
    ];
    const answers = await Promise.all(texts.map((text) => send({ type: 'check-text', text })));
    expect(answers).toEqual(texts);
    const out = pair.posted.filter((m) => 'frames' in (m as object) || 'request' in (m as object));
    const back = pair.posted.filter((m) => !out.includes(m));
    for (const post of pair.posted) {
      const frames = (post as { frames?: unknown[]; answers?: unknown[] }).frames ??
        (post as { answers?: unknown[] }).answers ?? [post];
      // Over the bound only as a post of a single frame.
      if (frames.length > 1) expect(JSON.stringify(post).length).toBeLessThanOrEqual(MAX_POST_CHARS);
    }
    // Three quarter-bound texts per post, then the large one alone, then the rest.
    const sizes = (posts: unknown[], key: string) =>
      posts.map((m) => ((m as Record<string, unknown[]>)[key] ?? [m]).length);
    expect(sizes(out, 'frames')).toEqual([3, 3, 3, 1, 1, 1]);
    expect(sizes(back, 'answers').reduce((a, b) => a + b, 0)).toBe(texts.length);
    expect(back.length).toBeGreaterThanOrEqual(5);
  });

  it('rejects every request of a batch that could not be posted', async () => {
    const send = portSender(() => {
      throw new Error('Extension context invalidated.');
    });
    const all = await Promise.allSettled([send(image('https://a/1.jpg')), send(image('https://a/2.jpg'))]);
    expect(all.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('reads no batch larger than MAX_FRAMES_PER_POST', async () => {
    const pair = portPair(tab);
    const routed: unknown[] = [];
    servePort(pair.background, async (raw) => routed.push(raw));
    const frame = (id: number) => ({ id, request: image(`https://a/${id}.jpg`) });
    pair.content.postMessage({ frames: Array.from({ length: MAX_FRAMES_PER_POST + 1 }, (_, i) => frame(i)) });
    pair.content.postMessage({ frames: [frame(1), frame(2)] });
    await new Promise((r) => setTimeout(r, 10));
    expect(routed).toEqual([image('https://a/1.jpg'), image('https://a/2.jpg')]);
  });
});
