import type { ItemState } from '../messages/protocol.ts';
import { BADGE_STYLES } from '../verdict/badge-style.ts';

/**
 * Styles of the overlay's shadow root. `:host` is reset so that page CSS cannot reach inside. Size and layout
 * containment make the host a layout root: adding or changing badges then lays out only the overlay, not
 * the page under it.
 *
 * The host is `position: absolute`: in the top layer its containing block is then the initial containing block,
 * which scrolls with the document (https://drafts.csswg.org/css-position-4/#top-styling), so badges placed in
 * document coordinates move with a scroll of the page on the compositor, with no write from us and no lag.
 */
export function overlayCss(): string {
  const states = (Object.keys(BADGE_STYLES) as ItemState[])
    .map((state) => {
      const s = BADGE_STYLES[state];
      const border = s.dotted ? `border: 2px dotted ${s.fg};` : 'border: 2px solid #fff;';
      return `.b[data-state="${state}"] { background: ${s.bg}; color: ${s.fg}; ${border} }`;
    })
    .concat([
      // A qualifier on the face (badge-style.ts VARIANT_STYLES): dashed, and hatched for an unverified AI label.
      '.b[data-variant] { border-style: dashed; }',
      '.b[data-variant="unverified"] { background-image: repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,.28) 3px 6px); }',
    ])
    .join('\n');
  return `
:host { all: initial !important; position: absolute !important; inset: 0 auto auto 0 !important; width: 0 !important;
  height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; pointer-events: none !important;
  display: block !important; visibility: visible !important; opacity: 1 !important; transform: none !important;
  filter: none !important; clip-path: none !important; contain: size layout style !important; }
.layer { position: absolute; inset: 0 auto auto 0; }
.b { position: absolute; left: 0; top: 0; box-sizing: border-box; min-width: 24px; height: 24px; padding: 0 6px;
  border-radius: 12px; display: flex; align-items: center; justify-content: center; gap: 4px;
  font: 700 12px/1 system-ui, -apple-system, "Segoe UI", sans-serif; letter-spacing: 0; cursor: pointer;
  pointer-events: auto; box-shadow: 0 1px 4px rgba(0,0,0,.35); will-change: transform; user-select: none; }
.b[hidden] { display: none; }
.b .act { font-weight: 600; white-space: nowrap; }
.b .bar { display: block; width: 64px; height: 6px; border-radius: 3px; background: rgba(0,0,0,.15); overflow: hidden; }
.b .bar > span { display: block; height: 100%; background: #2563eb; transition: width .15s; }
/* Two rings, dark between white, so that focus shows on any photo (WCAG 1.4.11, 2.4.7). The tooltip can be
   hovered (the ::before bridges the gap), dismissed with Esc, and stays until hover and focus leave (1.4.13). */
.b:focus-visible { outline: 3px solid #0b1220; outline-offset: 2px; box-shadow: 0 0 0 2px #fff, 0 0 0 7px #fff; }
.b .tip { position: absolute; left: 0; top: 100%; width: max-content; max-width: 280px; margin-top: 4px; padding: 6px 8px;
  border-radius: 6px; background: #111827; color: #f9fafb; font: 500 12px/1.35 system-ui, sans-serif;
  white-space: normal; text-align: left; opacity: 0; visibility: hidden; transform: translateY(-2px);
  transition: opacity .12s, transform .12s, visibility .12s; cursor: default; }
.b .tip::before { content: ""; position: absolute; left: 0; right: 0; top: -6px; height: 6px; }
.b .tip strong { display: block; font-weight: 700; margin-bottom: 2px; }
.b:hover .tip, .b:focus-visible .tip { opacity: 1; visibility: visible; transform: none; }
/* A tooltip is built on the first hover or focus (badge-layer.ts showTip), already under the pointer: without a
   starting style it would appear at once instead of fading in like every later one. */
@starting-style { .b:hover .tip, .b:focus-visible .tip { opacity: 0; visibility: hidden; transform: translateY(-2px); } }
.b[data-dismissed] .tip { opacity: 0; visibility: hidden; }
.hl { position: absolute; left: 0; top: 0; box-sizing: border-box; border: 3px solid #1d4ed8; border-radius: 6px;
  outline: 2px solid #fff; box-shadow: 0 0 0 5px rgba(29,78,216,.35); pointer-events: none; animation: pulse 1.2s ease-in-out 2; }
@keyframes pulse { 50% { box-shadow: 0 0 0 10px rgba(29,78,216,.15); } }
@media (prefers-reduced-motion: reduce) {
  .b .tip, .b .bar > span { transition: none; }
  .hl { animation: none; }
}
${states}
`;
}
