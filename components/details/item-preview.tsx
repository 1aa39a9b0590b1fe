import { thumbnailUrl } from '../../lib/format/page-items.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { t } from '../common/i18n.ts';
import { usePreview } from '../common/use-preview.ts';

/**
 * The item itself: the image (its bytes fetched without cookies or referrer, shown through a blob: URL) or the
 * text. When the Content Credentials carry a thumbnail it is shown beside it: a mismatch between the two is
 * visible evidence of an edit after signing.
 */
export function ItemPreview({ details }: { details: ItemDetails }) {
  const f = details.evidence.fingerprints;
  const media = f?.kind === 'image' ? f.media : undefined;
  // Video and audio get a player that loads nothing until played, never a preview download of the file.
  const url = details.kind === 'image' && !media ? thumbnailUrl(details.urls[0]) : undefined;
  const { ref, src } = usePreview<HTMLElement>(url);
  if (details.kind === 'text') {
    return (
      <figure className="m-0">
        <blockquote className="border-indigo-400 border-l-4 py-1 pl-4 text-base italic leading-relaxed">
          {details.text ?? <span className="muted not-italic">{t('detailsPage.textNotKept')}</span>}
        </blockquote>
      </figure>
    );
  }
  if (media) return <MediaPreview details={details} media={media} />;
  const manifestThumb = details.evidence.c2pa?.thumbnail;
  const thumb = manifestThumb?.startsWith('data:image/') ? manifestThumb : undefined;
  return (
    <div className="flex flex-col gap-3">
      <figure className="m-0" ref={ref}>
        {src ? (
          <img
            src={src}
            alt={t('detailsPage.checkedContent')}
            className="max-h-80 w-full rounded-lg border border-slate-200 bg-slate-100 object-contain dark:border-slate-700 dark:bg-slate-800"
          />
        ) : (
          <div className="muted flex h-40 items-center justify-center rounded-lg bg-slate-100 text-sm dark:bg-slate-800">
            {url ? t('detailsPage.loadingPreview') : t('detailsPage.noPreview')}
          </div>
        )}
      </figure>
      {thumb && (
        <figure className="m-0 flex items-center gap-3">
          <img
            src={thumb}
            alt={t('detailsPage.thumbnail')}
            className="h-16 w-24 rounded border border-slate-200 object-cover dark:border-slate-700"
          />
          <figcaption className="muted text-xs">{t('detailsPage.thumbnailCompare')}</figcaption>
        </figure>
      )}
    </div>
  );
}

/**
 * A video or audio item: a player that loads nothing until the user presses play (preload="none"), so
 * opening the evidence does not download the file again, plus the manifest's thumbnail when there is one.
 */
function MediaPreview({ details, media }: { details: ItemDetails; media: 'video' | 'audio' }) {
  const src = details.urls.find((u) => /^https?:\/\//i.test(u));
  const manifestThumb = details.evidence.c2pa?.thumbnail;
  const poster = manifestThumb?.startsWith('data:image/') ? manifestThumb : undefined;
  const className =
    'w-full rounded-lg border border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-800';
  return (
    <figure className="m-0 flex flex-col gap-2" data-media={media}>
      {src && media === 'video' && (
        // biome-ignore lint/a11y/useMediaCaption: the file is the page's; it carries no caption track we could add.
        <video src={src} poster={poster} controls preload="none" className={`max-h-80 ${className}`} />
      )}
      {src && media === 'audio' && (
        // biome-ignore lint/a11y/useMediaCaption: see above.
        <audio src={src} controls preload="none" className={className} />
      )}
      {!src && (
        <div className="muted flex h-40 items-center justify-center rounded-lg bg-slate-100 text-sm dark:bg-slate-800">
          {t('detailsPage.noPreview')}
        </div>
      )}
      <figcaption className="muted text-xs">
        {t(media === 'video' ? 'popup.video' : 'popup.audio')}
        {poster ? t('detailsPage.posterNote') : ''}
      </figcaption>
    </figure>
  );
}
