/**
 * A page for the content script's unit tests: happy-dom's real DOM, MutationObserver, events and computed
 * style, plus drivers for what has no Node version because it comes from the browser's layout and scheduler:
 * element boxes, IntersectionObserver and ResizeObserver entries, idle callbacks, and the clock the page reads for its time slices
 * (stopped, so that a slice ends when the test's idle deadline says, not when a loaded machine is slow). The
 * tests say what the layout is and when the browser would be idle; everything else runs as in a page.
 */
import { Window as HappyWindow } from 'happy-dom';

export type PageWindow = Window & typeof globalThis;

interface Box {
  width: number;
  height: number;
}

type IdleCallback = (deadline: { timeRemaining: () => number; didTimeout: boolean }) => void;

/**
 * An observer class the tests drive (IntersectionObserver, ResizeObserver): its instances record what they
 * watch, and report only when the test says the browser's layout would.
 */
class ObserverDriver<Callback> {
  readonly observers = new Set<{ callback: Callback; targets: Set<Element> }>();

  protected installAs(win: PageWindow, name: 'IntersectionObserver' | 'ResizeObserver'): void {
    const driver = this;
    (win as unknown as Record<string, unknown>)[name] = class {
      private readonly entry: { callback: Callback; targets: Set<Element> };
      constructor(callback: Callback) {
        this.entry = { callback, targets: new Set() };
        driver.observers.add(this.entry);
      }
      observe(el: Element) {
        this.entry.targets.add(el);
      }
      unobserve(el: Element) {
        this.entry.targets.delete(el);
      }
      disconnect() {
        this.entry.targets.clear();
        driver.observers.delete(this.entry);
      }
      takeRecords() {
        return [];
      }
    };
  }

  /** Whether any live observer watches `el`. */
  watches(el: Element): boolean {
    return [...this.observers].some((o) => o.targets.has(el));
  }

  /** Tells the observers watching `el` about it, with this entry. */
  protected notify(el: Element, entry: object): void {
    for (const o of [...this.observers]) {
      if (o.targets.has(el)) (o.callback as (entries: object[], observer: unknown) => void)([entry], o);
    }
  }
}

const rectOf = (box: Box) => ({ ...box, x: 0, y: 0, top: 0, left: 0, right: box.width, bottom: box.height });

/** The IntersectionObserver the page gets: reports nothing until the test says an element entered the view. */
export class ViewportDriver extends ObserverDriver<IntersectionObserverCallback> {
  install(win: PageWindow): void {
    this.installAs(win, 'IntersectionObserver');
  }

  /** The browser's layout puts `el` in (or out of) the viewport: observers watching it are told, with its box. */
  set(el: Element, isIntersecting: boolean, box: Box = { width: 300, height: 200 }): void {
    this.notify(el, { target: el, isIntersecting, boundingClientRect: rectOf(box) });
  }
}

/** The ResizeObserver the page gets: reports nothing until the test says a layout gave an element its box. */
export class ResizeDriver extends ObserverDriver<ResizeObserverCallback> {
  install(win: PageWindow): void {
    this.installAs(win, 'ResizeObserver');
  }

  /** A layout gave `el` this content box: observers watching it are told. */
  report(el: Element, box: Box): void {
    this.notify(el, { target: el, contentRect: rectOf(box) });
  }
}

/** requestIdleCallback, run when the test says the browser is idle, with the time it says is left. */
export class IdleDriver {
  private queue: IdleCallback[] = [];

  install(win: PageWindow): void {
    (win as { requestIdleCallback: unknown }).requestIdleCallback = (callback: IdleCallback) => {
      this.queue.push(callback);
      return this.queue.length;
    };
  }

  get pending(): number {
    return this.queue.length;
  }

  /** One idle period in which `budget()` checks of the clock find time left (then none): a slice of that size. */
  slice(checks: number): void {
    let left = checks;
    const callbacks = this.queue.splice(0);
    for (const callback of callbacks)
      callback({ timeRemaining: () => (left-- > 0 ? 1 : 0), didTimeout: false });
  }

  /** Idle periods until nothing is scheduled (a bounded number, so a scheduling loop fails the test). */
  drain(maxPeriods = 1000): number {
    let periods = 0;
    while (this.queue.length > 0) {
      if (++periods > maxPeriods) throw new Error(`still scheduling idle work after ${maxPeriods} periods`);
      for (const callback of this.queue.splice(0)) callback({ timeRemaining: () => 50, didTimeout: false });
    }
    return periods;
  }
}

export interface TestPage {
  win: PageWindow;
  doc: Document;
  viewport: ViewportDriver;
  resize: ResizeDriver;
  idle: IdleDriver;
  /** Sets the box the layout gives `el` (elements default to their width/height attributes, else 0 × 0). */
  layout: (el: Element, width: number, height: number) => void;
  $: (selector: string) => Element;
  /** Moves the page's `performance.now()` on. */
  tick: (ms: number) => void;
  close: () => Promise<void>;
}

export function createTestPage(bodyHtml: string, url = 'https://news.example/article'): TestPage {
  const happy = new HappyWindow({ url });
  const win = happy as unknown as PageWindow;
  const doc = win.document;
  // Parsed, then moved in (no HTML string written into the page: scripts/source-rules.test.ts).
  const parsed = new win.DOMParser().parseFromString(`<body>${bodyHtml}</body>`, 'text/html');
  doc.body.replaceChildren(...parsed.body.childNodes);
  const boxes = new WeakMap<Element, Box>();
  const proto = win.Element.prototype as { getBoundingClientRect: () => DOMRect };
  proto.getBoundingClientRect = function (this: Element) {
    const box = boxes.get(this) ?? {
      width: Number(this.getAttribute('width') ?? 0),
      height: Number(this.getAttribute('height') ?? 0),
    };
    return rectOf(box) as DOMRect;
  };
  const viewport = new ViewportDriver();
  viewport.install(win);
  const resize = new ResizeDriver();
  resize.install(win);
  const idle = new IdleDriver();
  idle.install(win);
  let now = 1000;
  Object.defineProperty(win, 'performance', { value: { now: () => now }, configurable: true });
  return {
    win,
    doc,
    viewport,
    resize,
    idle,
    layout: (el, width, height) => boxes.set(el, { width, height }),
    $: (selector) => {
      const el = doc.querySelector(selector);
      if (!el) throw new Error(`no ${selector} in the test page`);
      return el;
    },
    tick: (ms) => {
      now += ms;
    },
    close: () => happy.happyDOM.close(),
  };
}

/** Lets MutationObserver callbacks (microtasks) run. */
export const mutationsDelivered = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
