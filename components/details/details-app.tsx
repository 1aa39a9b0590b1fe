import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseDetailsQuery } from '../../lib/format/details-query.ts';
import { renderBackgroundError } from '../../lib/i18n/background-error.ts';
import { renderReason } from '../../lib/i18n/render-reason.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { t } from '../common/i18n.ts';
import { Spinner } from '../common/spinner.tsx';
import { useSettings } from '../common/use-settings.ts';
import type { DetailsApi } from './details-api.ts';
import { DetailsHeader } from './details-header.tsx';
import { DetailsNotice } from './details-notice.tsx';
import { DetailsView } from './details-view.tsx';
import { ExportActions } from './export-actions.tsx';

type Load =
  | { phase: 'loading' }
  | { phase: 'verifying'; url: string; media?: string }
  | { phase: 'ready'; details: ItemDetails }
  | { phase: 'missing' }
  | { phase: 'failed'; message: string; url?: string }
  | { phase: 'invalid'; message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Root of the details page: reads ?key= or ?url=, asks the background, and shows the evidence or why not. */
export function DetailsApp({ api, now = Date.now() }: { api: DetailsApi; now?: number }) {
  const query = useMemo(() => parseDetailsQuery(api.search), [api.search]);
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { settings } = useSettings(api.storage, api.defaults);

  // `attempt` is a dependency on purpose: bumping it (Try again) re-runs the request.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    let live = true;
    const set = (next: Load) => live && setLoad(next);
    if (query.kind === 'invalid') {
      set({ phase: 'invalid', message: t(query.reason) });
    } else if (query.kind === 'key') {
      set({ phase: 'loading' });
      api.sendToBackground({ type: 'get-details', key: query.key }).then(
        (details) => set(details ? { phase: 'ready', details } : { phase: 'missing' }),
        (error: unknown) =>
          set({ phase: 'failed', message: t('detailsPage.loadFailed', [errorText(error)]) }),
      );
    } else {
      set({ phase: 'verifying', url: query.url, media: query.media });
      const media = query.media ? { media: query.media } : {};
      api.sendToBackground({ type: 'verify-url', url: query.url, ...media }).then(
        (result) => {
          // An older or unfinished background may answer nothing: that is a failed check, not a hang.
          if (!result || typeof result !== 'object') {
            return set({ phase: 'failed', message: t('detailsPage.noAnswer'), url: query.url });
          }
          if ('error' in result) {
            return set({ phase: 'failed', message: renderBackgroundError(result, t), url: query.url });
          }
          set({ phase: 'ready', details: result });
          api.replaceSearch?.(`?key=${result.key}`);
        },
        (error: unknown) => set({ phase: 'failed', message: errorText(error), url: query.url }),
      );
    }
    return () => {
      live = false;
    };
  }, [api, query, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const retryButton = (
    <button type="button" className="btn" onClick={retry}>
      {t('detailsPage.tryAgain')}
    </button>
  );

  useEffect(() => {
    document.title =
      load.phase === 'ready'
        ? t('detailsPage.documentTitle', [renderReason(load.details, t) ?? ''])
        : t('detailsPage.documentTitleEmpty');
  }, [load]);

  return (
    <>
      <DetailsHeader
        actions={
          load.phase === 'ready' ? (
            <ExportActions details={load.details} copy={api.copy} download={api.download} />
          ) : undefined
        }
      />
      <main className="mx-auto max-w-5xl px-6 py-6">
        {load.phase === 'loading' && <Spinner label={t('detailsPage.loading')} className="text-sm" />}
        {load.phase === 'verifying' && (
          <div className="card flex flex-col gap-2">
            <Spinner
              label={
                load.media
                  ? t(load.media === 'audio' ? 'detailsPage.checkingAudio' : 'detailsPage.checkingVideo')
                  : t('detailsPage.checkingItem')
              }
            />
            <p className="muted break-all text-sm">{load.url}</p>
          </div>
        )}
        {load.phase === 'ready' && (
          <DetailsView
            details={load.details}
            chains={settings?.chains ?? []}
            copy={api.copy}
            now={now}
            loadRegistrations={() =>
              api.sendToBackground({ type: 'get-registrations', key: load.details.key })
            }
            fetchRemoteManifest={async () => {
              const result = await api.sendToBackground({
                type: 'fetch-remote-manifest',
                key: load.details.key,
              });
              if (result && !('error' in result)) setLoad({ phase: 'ready', details: result });
              return result;
            }}
            softBinding={{
              endpoints: settings?.softBindingEndpoints ?? [],
              ask: (endpoint) =>
                api.sendToBackground({ type: 'soft-binding-lookup', key: load.details.key, endpoint }),
            }}
            recover={async () => {
              const next = await api.sendToBackground({ type: 'recover-credentials', key: load.details.key });
              if (next) setLoad({ phase: 'ready', details: next });
              return next;
            }}
          />
        )}
        {load.phase === 'missing' && (
          <DetailsNotice title={t('detailsPage.missingTitle')}>{t('detailsPage.missingText')}</DetailsNotice>
        )}
        {load.phase === 'failed' && (
          <DetailsNotice title={t('detailsPage.failedTitle')} action={retryButton}>
            <p>{load.message}</p>
            {load.url && <p className="mt-2 break-all">{load.url}</p>}
            <p className="mt-2">{t('detailsPage.failedNote')}</p>
          </DetailsNotice>
        )}
        {load.phase === 'invalid' && (
          <DetailsNotice title={t('detailsPage.invalidTitle')}>{load.message}</DetailsNotice>
        )}
      </main>
    </>
  );
}
