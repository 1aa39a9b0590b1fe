import { approxSize } from './approx-size.ts';
import type { SendToBackground } from './protocol.ts';
import type { SenderInfo } from './sender.ts';

/**
 * Requests from a page's content script travel over one long-lived port instead of one `sendMessage` each.
 * A `sendMessage` opens and closes a channel per request: a 200-image page sent 230 of them, and their
 * synchronous part was the content script's largest cost on the page's main thread in issue 14's profile
 * (0.35 ms each); over a port, each request is a single post. The background answers through the same
 * router as `onMessage`, with the port's sender, so the sender checks and the schemas are the same.
 *
 * Both ends batch: the requests made in one task leave as one post (`{ frames }`), and the answers settled in
 * one task come back as one (`{ answers }`). A page that finds 200 images in one scan pays for one post, not
 * 200 (issue 14: the posts were the content script's largest remaining cost). Nothing waits for a timer, so
 * batching adds no delay. A batch is cut into posts of at most MAX_POST_CHARS, since a big post costs the
 * sender far more per byte than several small ones (see MAX_POST_CHARS).
 */
export const REQUEST_PORT = 'origin-lens-requests';

/** What both ends need of `runtime.Port` (Chrome's and Firefox's have this shape). */
export interface PortLike {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** A request on the wire, and its answer: `value`, `error`, or neither (the router refused the request). */
interface WireRequest {
  id: number;
  request: unknown;
}
interface WireAnswer {
  id: number;
  value?: unknown;
  error?: string;
}

/**
 * Most frames one post carries: a longer batch leaves as several posts, and a post with more is not read (only
 * our own content script can post here, so such a post is a bug, not an attack).
 */
export const MAX_FRAMES_PER_POST = 500;

/**
 * Most characters (approxSize) one post carries, unless a single frame is larger. Measured in Chromium 156
 * (README "Performance", medians): posting one message of 16 or 64 KB cost the content script 0.2-0.4 ms, one
 * of 256 KB 5.9-6.2 ms, one of 1 MB 16.5-20.1 ms; a longread's 2,000 paragraphs (1 MB) cost 48-75 ms as one
 * post, 34-37 ms as four, and 6-8 ms as 32 posts of 32 KB. Past a size, the message travels another, costlier way.
 */
export const MAX_POST_CHARS = 32 * 1024;

/** The frames of a post: a batch (`{ [key]: [...] }`) or a single frame. */
function framesOf(message: unknown, key: 'frames' | 'answers'): unknown[] {
  const batch = (message as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(batch)) return [message];
  return batch.length <= MAX_FRAMES_PER_POST ? batch : [];
}

/**
 * Collects items during one task and hands them to `post` together at its end (a microtask), one item as
 * itself and several as `{ [key]: items }`, in posts of at most MAX_FRAMES_PER_POST items and MAX_POST_CHARS.
 */
function batcher<T>(
  key: 'frames' | 'answers',
  post: (message: unknown, items: T[]) => void,
): (item: T) => void {
  let queue: T[] = [];
  const send = (items: T[]) => post(items.length === 1 ? items[0] : { [key]: items }, items);
  const flush = () => {
    const all = queue;
    queue = [];
    let items: T[] = [];
    let chars = 0;
    for (const item of all) {
      const size = approxSize(item);
      if (items.length > 0 && (items.length === MAX_FRAMES_PER_POST || chars + size > MAX_POST_CHARS)) {
        send(items);
        items = [];
        chars = 0;
      }
      items.push(item);
      chars += size;
    }
    if (items.length > 0) send(items);
  };
  return (item) => {
    queue.push(item);
    if (queue.length === 1) queueMicrotask(flush);
  };
}

/**
 * The content script's end: a `send` that posts each request on the port (opened at the first request, and
 * again after the background went away) and resolves with the answer of the same id. When the port closes,
 * every request still waiting is rejected, as `sendMessage` would be.
 */
export function portSender(connect: () => PortLike): SendToBackground {
  let port: PortLike | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  const open = (): PortLike => {
    const opened = connect();
    opened.onMessage.addListener((message) => {
      for (const frame of framesOf(message, 'answers')) {
        const answer = frame as Partial<WireAnswer> | null;
        if (typeof answer?.id !== 'number') continue;
        const entry = waiting.get(answer.id);
        if (!entry) continue;
        waiting.delete(answer.id);
        if (typeof answer.error === 'string') entry.reject(new Error(answer.error));
        else entry.resolve(answer.value);
      }
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      const lost = [...waiting.values()];
      waiting.clear();
      for (const entry of lost) entry.reject(new Error('The background closed the connection'));
    });
    return opened;
  };

  const enqueue = batcher<WireRequest>('frames', (message, frames) => {
    try {
      port ??= open();
      port.postMessage(message);
    } catch (error) {
      // No extension context any more (updated or removed), or a port closed under us.
      port = undefined;
      for (const { id } of frames) {
        waiting.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
        waiting.delete(id);
      }
    }
  });

  return ((request) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      enqueue({ id, request });
    })) as SendToBackground;
}

/**
 * The background's end of one port: each request goes to `route` with the port's sender, and its answer goes
 * back with the request's id. Malformed frames are ignored; an answer for a port that has closed is dropped.
 */
export function servePort(
  port: PortLike,
  route: (raw: unknown, sender: SenderInfo) => Promise<unknown> | undefined,
): void {
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  const reply = batcher<WireAnswer>('answers', (message) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      open = false; // Closed between the check and the post.
    }
  });
  port.onMessage.addListener((message) => {
    for (const raw of framesOf(message, 'frames')) {
      const frame = raw as Partial<WireRequest> | null;
      const id = frame?.id;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) continue;
      const answer = route(frame?.request, port.sender ?? {});
      if (!answer) {
        reply({ id });
        continue;
      }
      answer.then(
        (value) => reply({ id, value }),
        (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
}
