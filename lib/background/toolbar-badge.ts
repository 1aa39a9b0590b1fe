import type { ItemState, VerdictCounts } from '../messages/protocol.ts';
import { BADGE_STYLES, NOTABLE, STATE_ORDER } from '../verdict/badge-style.ts';

/** The toolbar badge: how many notable items the tab has, in the colour of the most severe one. */
export function toolbarBadge(counts: VerdictCounts): { text: string; color: string } {
  let total = 0;
  let worst: ItemState | undefined;
  for (const state of STATE_ORDER) {
    const n = counts[state] ?? 0;
    if (!NOTABLE.has(state) || n === 0) continue;
    total += n;
    worst ??= state;
  }
  if (!worst) return { text: '', color: '#4b5563' };
  return { text: total > 999 ? '999+' : String(total), color: BADGE_STYLES[worst].bg };
}
