import { orderedCounts } from '../../lib/format/page-items.ts';
import type { PageItem, VerdictCounts } from '../../lib/messages/protocol.ts';
import { BADGE_STYLES } from '../../lib/verdict/badge-style.ts';
import { t, uiLanguage } from '../common/i18n.ts';

/** One small chip per state present on the page, most important first, in the overlay's colours. */
export function CountChips({ counts, items }: { counts: VerdictCounts; items: readonly PageItem[] }) {
  const rows = orderedCounts(counts, items);
  if (rows.length === 0) return null;
  return (
    <ul aria-label={t('popup.summary')} className="flex flex-wrap gap-1.5 px-3 py-2">
      {rows.map(({ state, count }) => {
        const style = BADGE_STYLES[state];
        return (
          <li
            key={state}
            className="inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold text-[11px]"
            style={{
              backgroundColor: style.bg,
              color: style.fg,
              border: `1.5px ${style.dotted ? 'dotted' : 'solid'} ${style.dotted ? style.fg : style.bg}`,
            }}
          >
            <span aria-hidden="true">{style.glyph}</span>
            <span>{t('popup.count', [count.toLocaleString(uiLanguage()), t(style.labelKey)])}</span>
          </li>
        );
      })}
    </ul>
  );
}
