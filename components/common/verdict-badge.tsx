import type { ItemState } from '../../lib/messages/protocol.ts';
import { type BadgeVariant, badgeStyle } from '../../lib/verdict/badge-style.ts';
import { t } from './i18n.ts';

const SIZES = {
  sm: 'gap-1 px-1.5 py-0.5 text-[11px]',
  md: 'gap-1.5 px-2 py-0.5 text-xs',
  lg: 'gap-2 px-3 py-1.5 text-base',
} as const;

/**
 * The verdict badge, drawn from BADGE_STYLES so the popup and the details page match the overlay. "Could
 * not check" gets a dotted outline so it never reads as the grey "no provenance".
 */
export function VerdictBadge({
  state,
  variant,
  size = 'md',
}: {
  state: ItemState;
  variant?: BadgeVariant | undefined;
  size?: keyof typeof SIZES;
}) {
  const style = badgeStyle(state, variant, t);
  return (
    <span
      className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full font-semibold leading-tight ${SIZES[size]}`}
      style={{
        backgroundColor: style.bg,
        color: style.fg,
        border: `${size === 'lg' ? 2 : 1.5}px ${style.dotted ? 'dotted' : variant ? 'dashed' : 'solid'} ${style.dotted || variant ? style.fg : style.bg}`,
      }}
    >
      <span aria-hidden="true">{style.glyph}</span>
      <span>{style.label}</span>
    </span>
  );
}
