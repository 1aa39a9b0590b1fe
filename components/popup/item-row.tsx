import { formatBytes } from '../../lib/format/bytes.ts';
import { firstWords, imageName, thumbnailUrl } from '../../lib/format/page-items.ts';
import { renderReason } from '../../lib/i18n/render-reason.ts';
import type { PageItem } from '../../lib/messages/protocol.ts';
import { t, uiLanguage } from '../common/i18n.ts';
import { usePreview } from '../common/use-preview.ts';
import { VerdictBadge } from '../common/verdict-badge.tsx';

function Thumb({ item }: { item: PageItem }) {
  const url = item.kind === 'image' ? thumbnailUrl(item.url) : undefined;
  // Bytes fetched without cookies or referrer, shown through a blob: URL (components/common/use-preview.ts).
  const { ref, src } = usePreview<HTMLSpanElement>(url);
  if (url) {
    return (
      <span ref={ref} className="size-10 shrink-0 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
        {src && <img src={src} alt="" className="size-10 object-cover" />}
      </span>
    );
  }
  return (
    <span
      aria-hidden="true"
      className="flex size-10 shrink-0 items-center justify-center rounded bg-slate-100 font-serif text-lg text-slate-500 dark:bg-slate-800 dark:text-slate-400"
    >
      {item.kind === 'text' ? '¶' : item.kind === 'video' ? '▶' : item.kind === 'audio' ? '♪' : '▢'}
    </span>
  );
}

/**
 * One page item: the main button scrolls the page to it and highlights it; "Details" opens the evidence.
 * Both are real buttons, so the row works with Tab, Enter and Space, plus arrow keys from the list.
 */
export function ItemRow({
  item,
  onHighlight,
  onDetails,
  onCheck,
}: {
  item: PageItem;
  onHighlight: (item: PageItem) => void;
  onDetails: (item: PageItem) => void;
  /** "Check this video": for video and audio waiting for the user (over the size cap). */
  onCheck?: (item: PageItem) => void;
}) {
  const media = item.kind === 'video' || item.kind === 'audio' ? item.kind : undefined;
  const title =
    item.kind === 'text'
      ? firstWords(item.preview ?? '', 10) || t('popup.textBlock')
      : item.streamed
        ? t(media === 'audio' ? 'popup.streamed.audio' : 'popup.streamed.video')
        : imageName(item.url);
  // Short: a could-not-check row says why in a few words; the raw error is on the details page.
  const reason = renderReason(item, t, { short: true, locale: uiLanguage() });
  const canOpen = Boolean(item.key || (item.kind !== 'text' && item.url));
  const progress =
    item.state === 'pending' && item.progress !== undefined ? Math.round(item.progress * 100) : undefined;
  return (
    <li className="flex items-stretch gap-1 px-1.5">
      <button
        type="button"
        data-row-button
        onClick={() => onHighlight(item)}
        className="flex min-w-0 flex-1 items-center gap-2.5 rounded-md px-1.5 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
        title={reason ? t('popup.rowTitle', [reason]) : t('popup.showOnPage')}
      >
        <Thumb item={item} />
        <span className="min-w-0 flex-1">
          <span className="flex min-w-0 items-center gap-1.5">
            <VerdictBadge state={item.state} variant={item.variant} size="sm" />
            <span className={`truncate text-[13px] ${item.kind === 'text' ? 'italic' : 'font-medium'}`}>
              {title}
            </span>
          </span>
          {media && (
            <span className="muted mt-0.5 block text-[11px]" data-kind={media}>
              {t(media === 'video' ? 'popup.video' : 'popup.audio')}
              {item.streamed ? t('popup.notCheckableStreamed') : ''}
              {item.bytes ? ` · ${formatBytes(item.bytes, uiLanguage())}` : ''}
            </span>
          )}
          {reason && <span className="muted mt-0.5 block truncate text-[11px]">{reason}</span>}
          {progress !== undefined && (
            <progress
              max={100}
              value={progress}
              aria-label={t('popup.checkingItem', [title])}
              className="mt-1 block h-1.5 w-full"
            />
          )}
        </span>
      </button>
      {media && item.state === 'on-request' && onCheck && (
        <button
          type="button"
          data-row-button
          onClick={() => onCheck(item)}
          className="btn-primary my-auto shrink-0 text-xs"
        >
          {t(media === 'video' ? 'popup.checkVideo' : 'popup.checkAudio')}
        </button>
      )}
      <button
        type="button"
        data-row-button
        onClick={() => onDetails(item)}
        disabled={!canOpen}
        aria-label={t('popup.detailsFor', [title])}
        className="btn-ghost my-auto shrink-0 text-xs disabled:opacity-40"
      >
        {t('popup.details')}
      </button>
    </li>
  );
}
