import type { Translate } from '../i18n/translate.ts';
import type { ItemState } from '../messages/protocol.ts';
import { type BadgeVariant, badgeStyle } from '../verdict/badge-style.ts';
import { overlayCss } from './overlay-css.ts';

export const OVERLAY_TAG = 'origin-lens-overlay';
const BADGE_INSET = 6;
/**
 * Hidden badges (off-screen, or states not shown) created or updated per frame. A 200-image page reports all
 * its images within a few idle slices; drawing all their badges in one frame was a 50 ms task.
 */
const MAX_OFFSCREEN_DRAWS = 40;

interface Entry {
  el: Element;
  /** Created in the next frame, with the others (see set()). */
  badge?: HTMLElement;
  state: ItemState;
  reason: string;
  variant?: BadgeVariant | undefined;
  /** State or reason changed since the badge was last drawn. */
  dirty: boolean;
  visible: boolean;
  /** What the badge shows now, so that a frame writes only what changed. */
  shown?: string;
  /** Video and audio: an action named on the badge ("Check this video") and a download progress 0..1. */
  extra?: BadgeExtra | undefined;
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
}

/**
 * One closed shadow root per page holding one layer of badges over their images. Positions are
 * recomputed in one requestAnimationFrame after scroll, resize or layout changes (read all rects, then
 * write all transforms), and only for images in view. The page cannot reach into a closed root, and the
 * host re-asserts itself if the page removes or restyles it.
 *
 * Badge elements are created and updated in that same frame, after the reads, never when a result arrives:
 * a DOM write between two layout reads forces the browser to lay the page out again, and results arrive
 * one by one while the scanner is reading boxes.
 */
export class BadgeLayer {
  private host?: HTMLElement;
  private layer?: HTMLElement;
  private readonly entries = new Map<string, Entry>();
  private readonly byElement = new WeakMap<Element, string>();
  private frame = 0;
  private io?: IntersectionObserver;
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

  mount(): void {
    const doc = this.win.document;
    const host = doc.createElement(OVERLAY_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = overlayCss();
    const layer = doc.createElement('div');
    layer.className = 'layer';
    root.append(style, layer);
    host.setAttribute('popover', 'manual');
    this.host = host;
    this.layer = layer;
    this.attach();
    this.io = new this.win.IntersectionObserver((entries) => {
      for (const e of entries) {
        const id = this.byElement.get(e.target);
        const entry = id ? this.entries.get(id) : undefined;
        if (entry) entry.visible = e.isIntersecting;
      }
      this.schedule();
    });
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
  }

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
   * makes for fixed elements (which would shift or recolour the badges). README "Security" explains why.
   * If the page prevents it (a `beforetoggle` listener that cancels), the host stays a fixed element.
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
    reason: string,
    variant?: BadgeVariant,
    extra?: BadgeExtra,
  ): void {
    if (!this.layer) return;
    const entry = this.entries.get(id);
    if (entry && entry.el === el) {
      const same = entry.extra?.action === extra?.action && entry.extra?.progress === extra?.progress;
      if (entry.state === state && entry.reason === reason && entry.variant === variant && same) return;
      entry.state = state;
      entry.reason = reason;
      entry.variant = variant;
      entry.extra = extra;
      entry.dirty = true;
    } else {
      if (entry) this.remove(id);
      this.entries.set(id, { el, state, reason, variant, extra, dirty: true, visible: false });
      this.byElement.set(el, id);
      this.io?.observe(el);
      this.ro?.observe(el);
    }
    this.schedule();
  }

  private draw(id: string, entry: Entry): HTMLElement {
    let badge = entry.badge;
    if (!badge) {
      badge = this.win.document.createElement('div');
      badge.className = 'b';
      badge.tabIndex = 0;
      badge.hidden = true;
      badge.setAttribute('role', 'button');
      badge.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        this.options.onActivate(id);
      });
      badge.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.options.onActivate(id);
        }
      });
      this.layer?.append(badge);
      entry.badge = badge;
      entry.shown = 'hidden';
    }
    const style = badgeStyle(entry.state, entry.variant, this.t);
    badge.dataset.state = entry.state;
    if (entry.variant) badge.dataset.variant = entry.variant;
    else delete badge.dataset.variant;
    const action = entry.extra?.action;
    badge.setAttribute('aria-label', this.t('overlay.name', [action ?? style.label, entry.reason]));
    badge.replaceChildren(this.win.document.createTextNode(style.glyph), this.tip(style.label, entry.reason));
    if (action) {
      const text = this.win.document.createElement('span');
      text.className = 'act';
      text.textContent = action;
      badge.append(text);
    }
    const progress = entry.extra?.progress;
    if (progress !== undefined) {
      const bar = this.win.document.createElement('span');
      bar.className = 'bar';
      bar.setAttribute('role', 'progressbar');
      bar.setAttribute('aria-valuemin', '0');
      bar.setAttribute('aria-valuemax', '100');
      bar.setAttribute('aria-valuenow', String(Math.round(progress * 100)));
      const fill = this.win.document.createElement('span');
      fill.style.width = `${Math.round(progress * 100)}%`;
      bar.append(fill);
      badge.append(bar);
    }
    entry.dirty = false;
    return badge;
  }

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
    this.io?.unobserve(entry.el);
    this.ro?.unobserve(entry.el);
    this.entries.delete(id);
  }

  setOptions(options: Partial<BadgeLayerOptions>): void {
    this.options = { ...this.options, ...options };
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
    if (!this.layer || !el.isConnected) return false;
    const entry = { el };
    entry.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const ring = this.win.document.createElement('div');
    ring.className = 'hl';
    this.layer.append(ring);
    const follow = () => {
      const r = entry.el.getBoundingClientRect();
      ring.style.transform = `translate(${r.left - 4}px, ${r.top - 4}px)`;
      ring.style.width = `${r.width + 8}px`;
      ring.style.height = `${r.height + 8}px`;
    };
    follow();
    this.win.addEventListener('scroll', follow, { capture: true, passive: true });
    ring.addEventListener('animationend', () => {
      ring.remove();
      this.win.removeEventListener('scroll', follow, { capture: true });
    });
    return true;
  }

  /**
   * One frame: read every visible element's rect, then write (create or update badges, move them). No
   * write happens before the last read, so the frame costs at most one layout.
   */
  private place(): void {
    this.frame = 0;
    this.raise();
    const rects: Array<DOMRect | null> = [];
    for (const entry of this.entries.values()) {
      const hidden =
        !this.options.showBadges ||
        (!this.options.showNoProvenance && entry.state === 'no-provenance') ||
        !entry.visible ||
        !entry.el.isConnected;
      rects.push(hidden ? null : entry.el.getBoundingClientRect());
    }
    let i = 0;
    let budget = MAX_OFFSCREEN_DRAWS;
    let more = false;
    for (const [id, entry] of this.entries) {
      const rect = rects[i++];
      let badge = entry.badge;
      if (entry.dirty || !badge) {
        // Badges in view are drawn now; hidden ones (off-screen, or not shown) a few dozen per frame.
        if (!rect && budget-- <= 0) {
          more = true;
          continue;
        }
        badge = this.draw(id, entry);
      }
      const shown =
        !rect || rect.width === 0
          ? 'hidden'
          : `translate(${Math.round(rect.left + BADGE_INSET)}px, ${Math.round(rect.top + BADGE_INSET)}px)`;
      if (shown === entry.shown) continue;
      entry.shown = shown;
      if (shown === 'hidden') {
        badge.hidden = true;
      } else {
        badge.hidden = false;
        badge.style.transform = shown;
      }
    }
    if (more) this.schedule();
  }

  destroy(): void {
    this.io?.disconnect();
    this.ro?.disconnect();
    this.guard?.disconnect();
    this.win.document.removeEventListener('fullscreenchange', this.onFullscreen);
    this.win.removeEventListener('scroll', this.schedule, { capture: true });
    this.win.removeEventListener('resize', this.schedule);
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.host?.remove();
    this.entries.clear();
  }
}
