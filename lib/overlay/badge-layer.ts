import type { Translate } from '../i18n/translate.ts';
import type { ItemState } from '../messages/protocol.ts';
import { type BadgeVariant, badgeStyle } from '../verdict/badge-style.ts';
import { anchorTarget, createAnchor } from './badge-anchor.ts';
import { mediaLabel } from './media-label.ts';
import { overlayCss } from './overlay-css.ts';

export const OVERLAY_TAG = 'origin-lens-overlay';
const BADGE_INSET = 6;
/** How long the highlight ring stays when motion is reduced (the pulse's two 1.2 s cycles otherwise). */
const HIGHLIGHT_MS = 2400;
/**
 * A check that answers within this long never shows a "checking" badge. Most images of a page have no
 * provenance, whose badge is hidden by default: each would otherwise flash a badge that then vanishes, and
 * cost the page two badge writes (issue 14). A check the user started (a video's download) shows at once.
 */
export const PENDING_BADGE_DELAY_MS = 500;

interface Entry {
  el: Element;
  /** Created in the next frame, with the others (see set()). */
  badge?: HTMLElement;
  state: ItemState;
  /** Worded when the badge is first drawn: a page whose badges all stay hidden never loads the words. */
  reason: string | (() => string);
  variant?: BadgeVariant | undefined;
  /** State or reason changed since the badge was last drawn. */
  dirty: boolean;
  /** What the badge shows now, so that a frame writes only what changed. */
  shown?: string;
  /** Video and audio: an action named on the badge ("Check this video") and a download progress 0..1. */
  extra?: BadgeExtra | undefined;
  /** The badge's stop in the page's tab order, right after its image (see badge-anchor.ts). */
  anchor?: HTMLElement;
  /** When the item became pending (performance.now()), while its "checking" badge waits (see PENDING_BADGE_DELAY_MS). */
  pendingSince?: number;
}

export interface BadgeExtra {
  action?: string;
  progress?: number;
}

export interface BadgeLayerOptions {
  /** Off: no badges are drawn (the layer still outlines items the popup asks to show). */
  showBadges: boolean;
  showNoProvenance: boolean;
  /** A badge was clicked or activated with the keyboard. */
  onActivate: (id: string) => void;
  /**
   * Whether an element is in view, as the page scanner's IntersectionObserver last said; the owner then calls
   * `setInView` on every change. The layer keeps no observer of its own: the scanner's already watches every
   * element that gets a badge, and one observer computes each element's intersection once per frame, not twice.
   */
  isInView: (el: Element) => boolean;
  /** See PENDING_BADGE_DELAY_MS (the tests shorten it). */
  pendingDelayMs?: number;
}

/**
 * One closed shadow root per page holding one layer of badges over their images. Positions are
 * recomputed in one requestAnimationFrame after scroll, resize or layout changes (read all rects, then
 * write all transforms), and only for images in view. They are in the document's coordinates, so a scroll of
 * the page itself writes nothing: only an image that moves within the page (an inner scroller, a layout
 * change) moves its badge. The page cannot reach into a closed root, and the host re-asserts itself if the
 * page removes or restyles it.
 *
 * Badge elements are created and updated in that same frame, after the reads, never when a result arrives:
 * a DOM write between two layout reads forces the browser to lay the page out again, and results arrive
 * one by one while the scanner is reading boxes.
 */
export class BadgeLayer {
  /** Results are kept (see mount()). */
  private mounted = false;
  private host?: HTMLElement;
  private root?: ShadowRoot;
  private layer?: HTMLElement;
  /** The badge under the pointer, for Esc (WCAG 1.4.13: a tooltip can be dismissed without moving). */
  private hovered?: HTMLElement;
  /** Set while focus passes through an anchor on its way out of a badge (Tab from the badge). */
  private passing = false;
  /** The user has pressed Tab on this page: badges get their keyboard anchors (see wantsAnchor). */
  private keyboard = false;
  private readonly entries = new Map<string, Entry>();
  /** Each drawn badge's item, for the layer's listeners (see hit()). */
  private readonly badgeIds = new WeakMap<Element, string>();
  /** Items whose element is in view: their badges follow scrolls and layout changes. */
  private readonly inView = new Set<string>();
  /** Items changed since the last frame (a result, a visibility change, an option): visited once more. */
  private readonly touched = new Set<string>();
  /** Items whose "checking" badge waits for its delay (see revealLater): the timer looks at these only. */
  private readonly quietIds = new Set<string>();
  private frame = 0;
  /** Shows the "checking" badges whose delay has passed (one timer for all). */
  private revealTimer = 0;
  private ro?: ResizeObserver;
  private guard?: MutationObserver;
  /** The <html> element the guard watches (a page can replace it). */
  private guarded?: Element;
  private readonly schedule = () => {
    if (!this.frame) this.frame = this.win.requestAnimationFrame(() => this.place());
  };

  constructor(
    private readonly win: Window & typeof globalThis,
    private options: BadgeLayerOptions,
    /** The badges' words, in the browser's language. */
    private readonly t: Translate,
  ) {}

  /**
   * Starts keeping the page's results. Nothing enters the page yet: the host, its shadow root, observers and
   * listeners come with the first badge to draw, or the first highlight (build()). Most pages never show one
   * (every image "no provenance", whose badge is hidden): they then carry no top-layer element of ours, and no
   * scroll or resize listener, whose every event cost a call (issue 14: the main thread of real pages).
   */
  mount(): void {
    this.mounted = true;
    // Tab, though, is heard from the start: a keyboard user may reach the images before their badges arrive.
    this.win.addEventListener('keydown', this.onKeydown, true);
  }

  /** The host and its machinery, made once, when the first badge or highlight needs them: false before mount(). */
  private build(): boolean {
    if (this.host) return true;
    if (!this.mounted) return false;
    const doc = this.win.document;
    const host = doc.createElement(OVERLAY_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = overlayCss();
    const layer = doc.createElement('div');
    layer.className = 'layer';
    root.append(style, layer);
    // One set of listeners for every badge. mouseenter and mouseleave do not bubble: a capturing listener on
    // the layer still sees them.
    layer.addEventListener('click', this.onBadgeClick);
    layer.addEventListener('keydown', this.onBadgeKey);
    layer.addEventListener('focusin', this.onBadgeFocus);
    layer.addEventListener('focusout', this.onBadgeBlur);
    layer.addEventListener('mouseenter', this.onBadgeEnter, true);
    layer.addEventListener('mouseleave', this.onBadgeLeave, true);
    host.setAttribute('popover', 'manual');
    this.host = host;
    this.root = root;
    this.layer = layer;
    this.attach();
    this.ro = new this.win.ResizeObserver(this.schedule);
    this.ro.observe(doc.documentElement);
    // The page may remove, restyle or hide our host, or replace <html> itself: put it back (see attach()).
    this.guard = new this.win.MutationObserver(() => this.attach());
    this.guard.observe(doc, { childList: true });
    this.guarded = doc.documentElement;
    this.guard.observe(doc.documentElement, { childList: true });
    this.guard.observe(host, { attributes: true });
    // hidePopover() by the page: show it again.
    host.addEventListener('toggle', () => this.raise());
    doc.addEventListener('fullscreenchange', this.onFullscreen);
    this.win.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    this.win.addEventListener('resize', this.schedule, { passive: true });
    return true;
  }

  /**
   * Esc hides the tooltip of the hovered badge (the focused one handles its own keys). The first Tab turns the
   * keyboard anchors on: they go into the page now, before the browser moves focus, so that this very Tab
   * can already land on one.
   */
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.hovered) this.hovered.dataset.dismissed = '';
    if (event.key === 'Tab' && !this.keyboard) {
      this.keyboard = true;
      for (const [id, entry] of this.entries) this.syncAnchor(id, entry, this.wantsAnchor(entry));
    }
  };

  /**
   * A player going full screen enters the top layer above our host: the host moves into the player's
   * container and is shown again, so that it is the newest top-layer element, above the player, and its
   * badges stay on the video; back at the root afterwards. (A bare <video> in full screen is drawn by the
   * browser alone: its badge stays where the element was in the page.)
   */
  private readonly onFullscreen = () => {
    const host = this.host;
    if (host?.matches(':popover-open')) {
      try {
        host.hidePopover();
      } catch {
        // Already hidden by the browser: attach() shows it.
      }
    }
    this.attach();
    this.schedule();
  };

  /**
   * Puts the host back where it belongs, unstyled, in the top layer. Runs on every guard mutation, so it only
   * writes what differs (its own writes then cause no further work).
   */
  private attach(): void {
    const host = this.host;
    const root = this.win.document.documentElement;
    if (!host || !root) return;
    if (this.guarded !== root) {
      // <html> was replaced: watch the new one.
      this.guarded = root;
      this.guard?.observe(root, { childList: true });
      this.ro?.observe(root);
    }
    if (host.hasAttribute('style')) host.removeAttribute('style');
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    // A player in full screen: the host goes into its container, so that it is drawn with it (a bare <video>
    // in full screen draws no children, so then the host stays at the root).
    const full = this.win.document.fullscreenElement;
    const parent = full && full.tagName !== 'VIDEO' && full.tagName !== 'AUDIO' ? full : root;
    if (host.parentNode !== parent) parent.append(host);
    this.raise();
  }

  /**
   * The host is a manual popover, shown in the top layer: above every z-index of the page, outside its
   * stacking contexts, and outside the containing block that a `filter` or `transform` on <html> or <body>
   * makes for its descendants (which would shift or recolour the badges). README "Security" explains why.
   * If the page prevents it (a `beforetoggle` listener that cancels), the host stays an absolute element in
   * <html>; badges are placed from the host's own origin (see origin()), so they still land on their images.
   */
  private raise(): void {
    const host = this.host;
    if (!host?.isConnected || typeof host.showPopover !== 'function') return;
    if (host.matches(':popover-open')) return;
    try {
      host.showPopover();
    } catch {
      // Not allowed right now (e.g. the document is not fully active): the next attach or frame tries again.
    }
  }

  /** Creates or updates the badge for an item (drawn in the next frame). */
  set(
    id: string,
    el: Element,
    state: ItemState,
    reason: string | (() => string),
    variant?: BadgeVariant,
    extra?: BadgeExtra,
  ): void {
    if (!this.mounted) return;
    const entry = this.entries.get(id);
    // Waits before its "checking" badge shows: pending, and not started by the user (no action, no progress).
    const quietSince =
      state === 'pending' && extra === undefined
        ? entry?.el === el && entry.state === 'pending'
          ? entry.pendingSince
          : this.win.performance.now()
        : undefined;
    if (entry && entry.el === el) {
      const same = entry.extra?.action === extra?.action && entry.extra?.progress === extra?.progress;
      const sameReason = typeof reason === 'string' && entry.reason === reason;
      if (entry.state === state && sameReason && entry.variant === variant && same) return;
      entry.state = state;
      entry.reason = reason;
      entry.variant = variant;
      entry.extra = extra;
      entry.pendingSince = quietSince;
      entry.dirty = true;
    } else {
      if (entry) this.remove(id);
      this.entries.set(id, { el, state, reason, variant, extra, dirty: true, pendingSince: quietSince });
      if (this.options.isInView(el)) this.inView.add(id);
    }
    // After the entry is in place: remove() above forgets the id.
    if (quietSince !== undefined) {
      this.quietIds.add(id);
      this.revealLater();
    } else {
      this.quietIds.delete(id);
    }
    this.visitNextFrame(id);
  }

  /**
   * Visits the item in the next frame, unless that frame would do nothing for it: no badge or anchor to update
   * or take away, and none to draw (a hidden state, or one out of view). On a gallery most results are "no
   * provenance", whose badge is hidden: each used to cost a frame that read the boxes of everything in view.
   */
  private visitNextFrame(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const drawn = !!entry.badge || !!entry.anchor?.isConnected;
    if (!drawn && !this.wantsAnchor(entry) && !(this.inView.has(id) && this.shownByOptions(entry))) return;
    this.touched.add(id);
    this.schedule();
  }

  private draw(id: string, entry: Entry): HTMLElement {
    let badge = entry.badge;
    const doc = this.win.document;
    if (!badge) {
      this.build();
      badge = doc.createElement('div');
      badge.className = 'b';
      badge.tabIndex = -1;
      badge.hidden = true;
      badge.setAttribute('role', 'button');
      this.badgeIds.set(badge, id);
      this.layer?.append(badge);
      entry.badge = badge;
      entry.shown = 'hidden';
      // Only an element with a badge is watched for size changes: without one, nothing follows it.
      this.ro?.observe(entry.el);
    }
    const style = badgeStyle(entry.state, entry.variant, this.t);
    badge.dataset.state = entry.state;
    if (entry.variant) badge.dataset.variant = entry.variant;
    else delete badge.dataset.variant;
    const action = entry.extra?.action;
    badge.setAttribute(
      'aria-label',
      this.t('overlay.name', [action ?? style.label, mediaLabel(entry.el), reasonOf(entry)]),
    );
    badge.textContent = style.glyph;
    // The tooltip is built when the badge is first hovered or focused (see showTip): most badges never are.
    if (badge === this.hovered || badge === this.root?.activeElement) this.showTip(badge);
    if (action) {
      const text = doc.createElement('span');
      text.className = 'act';
      text.textContent = action;
      badge.append(text);
    }
    const progress = entry.extra?.progress;
    if (progress !== undefined) {
      const bar = doc.createElement('span');
      bar.className = 'bar';
      bar.setAttribute('role', 'progressbar');
      bar.setAttribute('aria-valuemin', '0');
      bar.setAttribute('aria-valuemax', '100');
      bar.setAttribute('aria-valuenow', String(Math.round(progress * 100)));
      const fill = doc.createElement('span');
      fill.style.width = `${Math.round(progress * 100)}%`;
      bar.append(fill);
      badge.append(bar);
    }
    entry.dirty = false;
    return badge;
  }

  /**
   * Puts the badge's tooltip in (once): its label and reason, right after the glyph. Built on the first hover
   * or focus rather than with the badge: on a gallery, most of the nodes a draw made were tooltips nobody saw.
   */
  private showTip(badge: HTMLElement): void {
    const hit = this.hit(badge);
    if (!hit || badge.querySelector('.tip')) return;
    const label = badgeStyle(hit.entry.state, hit.entry.variant, this.t).label;
    badge.insertBefore(this.tip(label, reasonOf(hit.entry)), badge.firstChild?.nextSibling ?? null);
  }

  /** The badge an event happened in (or on), with its item: one set of listeners on the layer serves all. */
  private hit(target: EventTarget | null): { id: string; entry: Entry; badge: HTMLElement } | undefined {
    const badge = (target as Element | null)?.closest?.('.b') as HTMLElement | null | undefined;
    const id = badge ? this.badgeIds.get(badge) : undefined;
    const entry = id === undefined ? undefined : this.entries.get(id);
    return badge && id !== undefined && entry?.badge === badge ? { id, entry, badge } : undefined;
  }

  private readonly onBadgeClick = (event: MouseEvent) => {
    const hit = this.hit(event.target);
    if (!hit) return;
    event.preventDefault();
    event.stopPropagation();
    this.options.onActivate(hit.id);
  };

  private readonly onBadgeKey = (event: KeyboardEvent) => {
    const hit = this.hit(event.target);
    if (!hit) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.options.onActivate(hit.id);
    } else if (event.key === 'Escape') {
      hit.badge.dataset.dismissed = '';
    } else if (event.key === 'Tab') {
      this.leave(hit.id);
    }
  };

  private readonly onBadgeFocus = (event: FocusEvent) => {
    const hit = this.hit(event.target);
    if (hit) this.showTip(hit.badge);
  };

  /** The tooltip comes back once hover and focus have left (WCAG 1.4.13). */
  private readonly onBadgeBlur = (event: FocusEvent) => {
    const hit = this.hit(event.target);
    if (hit && this.hovered !== hit.badge) delete hit.badge.dataset.dismissed;
  };

  /** mouseenter and mouseleave fire on each element the pointer enters: only the badge's own count. */
  private readonly onBadgeEnter = (event: MouseEvent) => {
    const hit = this.hit(event.target);
    if (!hit || hit.badge !== event.target) return;
    this.hovered = hit.badge;
    this.showTip(hit.badge);
  };

  private readonly onBadgeLeave = (event: MouseEvent) => {
    const hit = this.hit(event.target);
    if (!hit || hit.badge !== event.target) return;
    if (this.hovered === hit.badge) this.hovered = undefined;
    if (this.root?.activeElement !== hit.badge) delete hit.badge.dataset.dismissed;
  };

  private tip(label: string, reason: string): HTMLElement {
    const tip = this.win.document.createElement('span');
    tip.className = 'tip';
    tip.setAttribute('aria-hidden', 'true');
    const strong = this.win.document.createElement('strong');
    strong.textContent = label;
    tip.append(strong, this.win.document.createTextNode(reason));
    return tip;
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.badge?.remove();
    entry.anchor?.remove();
    this.ro?.unobserve(entry.el);
    this.entries.delete(id);
    this.inView.delete(id);
    this.touched.delete(id);
    this.quietIds.delete(id);
  }

  /** An item's element came into view or left it (its badge follows scrolls only while in view). */
  setInView(id: string, inView: boolean): void {
    if (!this.entries.has(id) || this.inView.has(id) === inView) return;
    if (inView) this.inView.add(id);
    else this.inView.delete(id);
    this.visitNextFrame(id);
  }

  setOptions(options: Partial<BadgeLayerOptions>): void {
    this.options = { ...this.options, ...options };
    for (const id of this.entries.keys()) this.touched.add(id);
    this.schedule();
  }

  /** The item whose element (or badge) is under a viewport point: for "Verify origin" on a covered image. */
  itemAt(x: number, y: number): string | null {
    for (const [id, entry] of this.entries) {
      const r = entry.el.getBoundingClientRect();
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return id;
    }
    return null;
  }

  /** Scrolls an element (an image or a text block) into view and outlines it for a moment. */
  highlight(el: Element): boolean {
    if (!el.isConnected || !this.build() || !this.layer) return false;
    // Reduced motion (WCAG 2.3.3): a jump instead of a smooth scroll, a still ring instead of the pulse.
    const still = this.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    el.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    const ring = this.win.document.createElement('div');
    ring.className = 'hl';
    this.layer.append(ring);
    const follow = () => {
      const r = el.getBoundingClientRect();
      const o = this.origin();
      ring.style.transform = `translate(${r.left - o.left - 4}px, ${r.top - o.top - 4}px)`;
      ring.style.width = `${r.width + 8}px`;
      ring.style.height = `${r.height + 8}px`;
    };
    follow();
    this.win.addEventListener('scroll', follow, { capture: true, passive: true });
    const done = () => {
      ring.remove();
      this.win.removeEventListener('scroll', follow, { capture: true });
    };
    if (still) this.win.setTimeout(done, HIGHLIGHT_MS);
    else ring.addEventListener('animationend', done);
    return true;
  }

  /** Whether an item's badge is drawn at all (in view or not) under the current options. */
  private shownByOptions(entry: Entry, now?: number): boolean {
    return (
      this.options.showBadges &&
      (this.options.showNoProvenance || entry.state !== 'no-provenance') &&
      entry.el.isConnected &&
      !this.quiet(entry, now)
    );
  }

  private get pendingDelay(): number {
    return this.options.pendingDelayMs ?? PENDING_BADGE_DELAY_MS;
  }

  /** A "checking" badge still within its delay. */
  private quiet(entry: Entry, now?: number): boolean {
    if (entry.pendingSince === undefined) return false;
    return (now ?? this.win.performance.now()) - entry.pendingSince < this.pendingDelay;
  }

  /** Once the delay has passed, the checks still pending get their badge (in the next frame). */
  private revealLater(after = this.pendingDelay): void {
    if (this.revealTimer) return;
    this.revealTimer = this.win.setTimeout(() => {
      this.revealTimer = 0;
      const now = this.win.performance.now();
      let next = Number.POSITIVE_INFINITY;
      for (const id of this.quietIds) {
        const entry = this.entries.get(id);
        if (entry?.pendingSince === undefined) {
          this.quietIds.delete(id);
          continue;
        }
        const left = entry.pendingSince + this.pendingDelay - now;
        if (left > 0) {
          next = Math.min(next, left);
          continue;
        }
        entry.pendingSince = undefined;
        this.quietIds.delete(id);
        this.visitNextFrame(id);
      }
      if (next < Number.POSITIVE_INFINITY) this.revealLater(next);
    }, after);
  }

  /**
   * Tab reached a badge's anchor (right after its image): focus moves into the badge itself, drawn now at its
   * image even if the next frame has not come yet (a hidden badge cannot take focus).
   */
  private enter(id: string): void {
    const entry = this.entries.get(id);
    if (this.passing || !entry || !this.shownByOptions(entry)) return;
    const badge = entry.badge && !entry.dirty ? entry.badge : this.draw(id, entry);
    this.move(entry, badge, entry.el.getBoundingClientRect(), this.origin());
    badge.focus({ preventScroll: true });
  }

  /**
   * Tab or Shift+Tab on a badge: focus goes back to its anchor, and the key's default action then moves on
   * from there, so that the page's tab order continues after (or before) the image.
   */
  private leave(id: string): void {
    const anchor = this.entries.get(id)?.anchor;
    if (!anchor?.isConnected) return;
    this.passing = true;
    try {
      anchor.focus({ preventScroll: true });
    } finally {
      this.passing = false;
    }
  }

  /**
   * Whether an item has a keyboard anchor in the page: only once the user has pressed Tab on it, so that a page
   * read with the mouse or by touch gets no node from us (the anchors are elements among the page's own, seen
   * by its selectors and scripts), and only for a shown badge with a verdict (a pending badge has nothing to
   * open yet).
   */
  private wantsAnchor(entry: Entry): boolean {
    return this.keyboard && this.shownByOptions(entry) && entry.state !== 'pending';
  }

  /** Keeps an item's anchor right after its image (or the link around it) while its badge is shown. */
  private syncAnchor(id: string, entry: Entry, shown: boolean): void {
    if (!shown) {
      entry.anchor?.remove();
      return;
    }
    const target = anchorTarget(entry.el);
    if (!target.parentNode) return;
    if (!entry.anchor) entry.anchor = createAnchor(this.win.document, () => this.enter(id));
    if (target.nextSibling !== entry.anchor) target.after(entry.anchor);
  }

  /**
   * Where the layer's (0, 0) is in the viewport. Badges are placed relative to it: in the top layer that is the
   * document's origin, so a scroll of the page changes an image's box and this origin alike and the badge
   * needs no write (see overlay-css.ts). Read in the frame, after the browser's layout, like the boxes.
   */
  private origin(): { left: number; top: number } {
    return this.host?.getBoundingClientRect() ?? { left: 0, top: 0 };
  }

  private move(
    entry: Entry,
    badge: HTMLElement,
    rect: DOMRect | null,
    origin: { left: number; top: number },
  ): void {
    const x = Math.round(rect ? rect.left - origin.left + BADGE_INSET : 0);
    const y = Math.round(rect ? rect.top - origin.top + BADGE_INSET : 0);
    const shown = !rect || rect.width === 0 ? 'hidden' : `translate(${x}px, ${y}px)`;
    if (shown === entry.shown) return;
    entry.shown = shown;
    if (shown === 'hidden') {
      badge.hidden = true;
    } else {
      badge.hidden = false;
      badge.style.transform = shown;
    }
  }

  /**
   * One frame: read the rect of every element in view, then write (create or update badges, move them). No
   * write happens before the last read, so the frame costs at most one layout. Only items in view, items
   * changed since the last frame and a focused badge are visited: a feed of hundreds of items costs a frame
   * what is on screen, not what has scrolled by (issue 14).
   */
  private place(): void {
    this.frame = 0;
    this.raise();
    const focused = this.root?.activeElement;
    const ids = new Set([...this.touched, ...this.inView]);
    this.touched.clear();
    if (focused) for (const [id, entry] of this.entries) if (entry.badge === focused) ids.add(id);
    const visit: Array<[string, Entry]> = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) visit.push([id, entry]);
    }
    const now = this.win.performance.now();
    // The focused badge follows its image even out of view, so that focus stays on it while the page scrolls.
    const rects = visit.map(([id, entry]) =>
      this.shownByOptions(entry, now) && (this.inView.has(id) || (!!focused && entry.badge === focused))
        ? entry.el.getBoundingClientRect()
        : null,
    );
    // The first badge to draw brings the host (see mount()); its origin is read once it is in the page.
    if (!this.host && rects.some((r) => r !== null)) this.build();
    const origin = this.origin();
    visit.forEach(([id, entry], i) => {
      const rect = rects[i];
      this.syncAnchor(id, entry, this.wantsAnchor(entry));
      // A state that is not shown (no provenance, badges off, an element gone) keeps no badge element: one
      // drawn while pending would otherwise linger, hidden, with its old state.
      if (!this.shownByOptions(entry, now)) {
        if (entry.badge) this.ro?.unobserve(entry.el);
        entry.badge?.remove();
        entry.badge = undefined;
        entry.shown = undefined;
        return;
      }
      let badge = entry.badge;
      // Only a badge that shows is drawn: one off-screen or of a hidden state is drawn when it comes into view
      // or its anchor takes focus (see enter). Drawing all 200 of a gallery's badges ahead was most of the
      // content script's main-thread time in issue 14's profile.
      if (rect && (entry.dirty || !badge)) badge = this.draw(id, entry);
      if (!badge) return;
      // Reached through its anchor; reachable at the end of the page only when the page took the anchor away.
      // Before the first Tab, not in the tab order at all (see wantsAnchor).
      const tabIndex = !this.keyboard || entry.anchor?.isConnected ? -1 : 0;
      if (badge.tabIndex !== tabIndex) badge.tabIndex = tabIndex;
      this.move(entry, badge, rect ?? null, origin);
    });
  }

  destroy(): void {
    this.ro?.disconnect();
    this.guard?.disconnect();
    this.win.document.removeEventListener('fullscreenchange', this.onFullscreen);
    this.win.removeEventListener('scroll', this.schedule, { capture: true });
    this.win.removeEventListener('resize', this.schedule);
    this.win.removeEventListener('keydown', this.onKeydown, true);
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.win.clearTimeout(this.revealTimer);
    for (const entry of this.entries.values()) entry.anchor?.remove();
    this.host?.remove();
    this.entries.clear();
  }
}

/** The entry's reason, worded once (and remembered) the first time a badge needs it. */
function reasonOf(entry: Entry): string {
  if (typeof entry.reason === 'function') entry.reason = entry.reason();
  return entry.reason;
}
