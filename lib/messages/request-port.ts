import type { SendToBackground } from './protocol.ts';
import type { SenderInfo } from './sender.ts';

/**
 * Requests from a page's content script travel over one long-lived port instead of one `sendMessage` each.
 * A `sendMessage` opens and closes a channel per request: a 200-image page sent 230 of them, and their
 * synchronous part was the content script's largest cost on the page's main thread in issue 14's profile
 * (0.35 ms each); over a port, each request is a single post. The background answers through the same
 * router as `onMessage`, with the port's sender, so the sender checks and the schemas are the same.
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
      const answer = message as Partial<WireAnswer> | null;
      if (typeof answer?.id !== 'number') return;
      const entry = waiting.get(answer.id);
      if (!entry) return;
      waiting.delete(answer.id);
      if (typeof answer.error === 'string') entry.reject(new Error(answer.error));
      else entry.resolve(answer.value);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      const lost = [...waiting.values()];
      waiting.clear();
      for (const entry of lost) entry.reject(new Error('The background closed the connection'));
    });
    return opened;
  };

  return ((request) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      try {
        port ??= open();
        port.postMessage({ id, request } satisfies WireRequest);
      } catch (error) {
        // No extension context any more (updated or removed), or a port closed under us.
        waiting.delete(id);
        port = undefined;
        reject(error instanceof Error ? error : new Error(String(error)));
      }
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
  const reply = (answer: WireAnswer) => {
    if (!open) return;
    try {
      port.postMessage(answer);
    } catch {
      open = false; // Closed between the check and the post.
    }
  };
  port.onMessage.addListener((message) => {
    const frame = message as Partial<WireRequest> | null;
    const id = frame?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return;
    const answer = route(frame?.request, port.sender ?? {});
    if (!answer) {
      reply({ id });
      return;
    }
    answer.then(
      (value) => reply({ id, value }),
      (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
