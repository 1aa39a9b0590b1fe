/**
 * A CDP session on the extension's service worker. Playwright has no CDP sessions for workers, so this one is
 * tunnelled through a page's session with the (non-flattened) Target.attachToTarget / sendMessageToTarget
 * pair. The worker supports the V8 domains (Runtime, Profiler, HeapProfiler), not Blink's Performance domain.
 */
import type { CDPSession } from 'playwright-core';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class WorkerCdp {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== this.sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id === undefined) return;
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  };

  private constructor(
    private readonly carrier: CDPSession,
    private readonly sessionId: string,
  ) {
    this.carrier.on('Target.receivedMessageFromTarget' as never, this.onMessage as never);
  }

  /** Attaches to the service worker whose URL starts with `urlPrefix`. */
  static async attach(carrier: CDPSession, urlPrefix: string): Promise<WorkerCdp> {
    const { targetInfos } = (await carrier.send('Target.getTargets' as never)) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(urlPrefix));
    if (!target) throw new Error(`no service worker at ${urlPrefix}`);
    const { sessionId } = (await carrier.send(
      'Target.attachToTarget' as never,
      { targetId: target.targetId, flatten: false } as never,
    )) as { sessionId: string };
    return new WorkerCdp(carrier, sessionId);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.carrier
        .send(
          'Target.sendMessageToTarget' as never,
          { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as never,
        )
        .catch((error: Error) => {
          this.pending.delete(id);
          reject(error);
        });
    });
  }

  async detach(): Promise<void> {
    this.carrier.off('Target.receivedMessageFromTarget' as never, this.onMessage as never);
    await this.carrier
      .send('Target.detachFromTarget' as never, { sessionId: this.sessionId } as never)
      .catch(() => {});
  }
}
