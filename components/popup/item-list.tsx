import { type KeyboardEvent, useState } from 'react';
import { sortItems, splitNoProvenance } from '../../lib/format/page-items.ts';
import type { PageItem } from '../../lib/messages/protocol.ts';
import { t, uiLanguage } from '../common/i18n.ts';
import { ItemRow } from './item-row.tsx';

/** Arrow keys move between the row buttons (Tab still works), Home/End jump to the ends. */
function onArrowKeys(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = [
    ...event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-row-button]:not(:disabled)'),
  ];
  if (buttons.length === 0) return;
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
  buttons[next]?.focus();
  event.preventDefault();
}

/** The page's items, most important first; "no provenance" ones sit behind a toggle. */
export function ItemList({
  items,
  onHighlight,
  onDetails,
  onCheck,
}: {
  items: readonly PageItem[];
  onHighlight: (item: PageItem) => void;
  onDetails: (item: PageItem) => void;
  onCheck?: (item: PageItem) => void;
}) {
  const [showHidden, setShowHidden] = useState(false);
  const { shown, hidden } = splitNoProvenance(sortItems(items));
  const visible = showHidden ? [...shown, ...hidden] : shown;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the wrapper only forwards arrow keys between real buttons.
    <div onKeyDown={onArrowKeys}>
      {visible.length > 0 && (
        <ul aria-label={t('popup.items')} className="space-y-0.5 py-1">
          {visible.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              onHighlight={onHighlight}
              onDetails={onDetails}
              onCheck={onCheck}
            />
          ))}
        </ul>
      )}
      {shown.length === 0 && !showHidden && (
        <p className="muted px-3 py-3 text-sm">{t('popup.nothingFound')}</p>
      )}
      {hidden.length > 0 && (
        <div className="px-3 pb-2">
          <button
            type="button"
            className="btn-ghost text-xs"
            aria-expanded={showHidden}
            onClick={() => setShowHidden((v) => !v)}
          >
            {t(showHidden ? 'popup.hideHidden' : 'popup.showHidden', [
              hidden.length.toLocaleString(uiLanguage()),
            ])}
          </button>
        </div>
      )}
    </div>
  );
}
