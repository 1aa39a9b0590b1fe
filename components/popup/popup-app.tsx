import { useCallback, useEffect, useState } from 'react';
import { siteOf } from '../../lib/format/page-items.ts';
import type { PageItem, VerdictCounts } from '../../lib/messages/protocol.ts';
import {
  siteAccessPattern,
  type UnavailableReason,
  unavailableReason,
} from '../../lib/permissions/site-access.ts';
import { isSiteDisabled } from '../../lib/settings/settings.ts';
import { t } from '../common/i18n.ts';
import { Spinner } from '../common/spinner.tsx';
import { useSettings } from '../common/use-settings.ts';
import { CountChips } from './count-chips.tsx';
import { ItemList } from './item-list.tsx';
import type { ActiveTab, PopupApi } from './popup-api.ts';
import { PopupFooter } from './popup-footer.tsx';
import { PopupHeader } from './popup-header.tsx';
import { PopupNotice } from './popup-notice.tsx';

type View =
  | { phase: 'loading' }
  | { phase: 'unavailable'; reason: UnavailableReason }
  | { phase: 'off' }
  | { phase: 'ready'; items: PageItem[]; counts: VerdictCounts };

/** While items are still being checked the list is refreshed this often, up to REFRESH_LIMIT times. */
const REFRESH_MS = 1000;
const REFRESH_LIMIT = 60;

/** Root of the popup: asks the tab's content script what it found and lists it. */
export function PopupApp({ api }: { api: PopupApi }) {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [note, setNote] = useState<{ text: string; reload?: boolean } | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const { settings, update } = useSettings(api.storage, api.defaults, 0);
  const site = siteOf(tab?.url);

  // `refreshes` is a dependency on purpose: bumping it asks the page again while items are pending.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    let live = true;
    (async () => {
      const active = await api.activeTab().catch(() => null);
      if (!live) return;
      setTab(active);
      if (!active) return setView({ phase: 'unavailable', reason: 'browser-page' });
      try {
        const answer = await api.sendToContent(active.id, { type: 'list-items' });
        if (!live) return;
        setView(
          answer.enabled ? { phase: 'ready', items: answer.items, counts: answer.counts } : { phase: 'off' },
        );
      } catch {
        // No content script: a browser page (chrome://, the web store, PDF viewer), a tab loaded before
        // install, or site access withheld by the user.
        const granted = await api.hasSiteAccess(siteAccessPattern(active.url)).catch(() => undefined);
        if (live) setView({ phase: 'unavailable', reason: unavailableReason(active.url, granted) });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, refreshes]);

  // Items still "pending" are being checked right now; ask again shortly instead of showing a stale list.
  const pending = view.phase === 'ready' && view.items.some((i) => i.state === 'pending');
  useEffect(() => {
    if (!pending || refreshes >= REFRESH_LIMIT) return;
    const timer = setTimeout(() => setRefreshes((n) => n + 1), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [pending, refreshes]);

  const highlight = useCallback(
    (item: PageItem) => {
      if (!tab) return;
      api.sendToContent(tab.id, { type: 'highlight-item', id: item.id }).then(
        (found) => setNote(found ? null : { text: t('popup.notShown') }),
        () => setNote({ text: t('popup.noAnswer') }),
      );
    },
    [api, tab],
  );

  const openDetails = useCallback(
    (item: PageItem) => {
      const media = item.kind === 'video' || item.kind === 'audio' ? { media: item.kind } : {};
      const request = item.key
        ? { type: 'open-details' as const, key: item.key }
        : { type: 'open-details' as const, url: item.url, ...media };
      api.sendToBackground(request).then(
        () => api.close(),
        () => setNote({ text: t('popup.detailsFailed') }),
      );
    },
    [api],
  );

  // "Check this video": the page checks it and shows progress; asking again shows the progress here too.
  const checkMedia = useCallback(
    (item: PageItem) => {
      if (!tab) return;
      api.sendToContent(tab.id, { type: 'check-media-item', id: item.id }).then(
        () => setRefreshes((n) => n + 1),
        () => setNote({ text: t('popup.noAnswer') }),
      );
    },
    [api, tab],
  );

  const setSiteEnabled = useCallback(
    (enabled: boolean) => {
      if (!settings || !site || !tab) return;
      const url = `https://${site}/`;
      const disabledSites = enabled
        ? settings.disabledSites.filter((s) => !isSiteDisabled(url, { disabledSites: [s] }))
        : [...settings.disabledSites, site];
      update({ ...settings, disabledSites });
      setNote({ text: t(enabled ? 'popup.turnedOn' : 'popup.turnedOff', [site]), reload: true });
    },
    [settings, site, tab, update],
  );

  // Straight from the click: browsers grant permission requests only during a user action.
  const requestAccess = () => {
    api.requestSiteAccess(siteAccessPattern(tab?.url)).then(
      (granted) =>
        setNote(
          granted ? { text: t('popup.accessAllowed'), reload: true } : { text: t('popup.accessDenied') },
        ),
      () => setNote({ text: t('popup.accessError') }),
    );
  };

  const reload = tab && (
    <button type="button" className="btn text-xs" onClick={() => api.reloadTab(tab.id)}>
      {t('popup.reload')}
    </button>
  );

  return (
    <div className="flex max-h-[560px] w-[360px] flex-col">
      <PopupHeader site={site} />
      <main className="min-h-0 flex-1 overflow-y-auto">
        {view.phase === 'loading' && (
          <div className="flex justify-center px-4 py-8">
            <Spinner label={t('popup.loading')} className="text-sm" />
          </div>
        )}
        {view.phase === 'unavailable' && view.reason === 'withheld' && (
          <PopupNotice
            title={t('popup.withheldTitle')}
            action={
              <button type="button" className="btn-primary text-xs" onClick={requestAccess}>
                {site ? t('popup.allowSite', [site]) : t('popup.allowWebsites')}
              </button>
            }
          >
            {site ? t('popup.withheldSite', [site]) : t('popup.withheldWebsites')}
          </PopupNotice>
        )}
        {view.phase === 'unavailable' && view.reason !== 'withheld' && (
          <PopupNotice title={t('popup.unavailableTitle')}>
            {site ? t('popup.notRunning') : t('popup.offLimits')}
          </PopupNotice>
        )}
        {view.phase === 'off' && (
          <PopupNotice
            title={t('popup.offTitle')}
            action={
              site && settings && isSiteDisabled(`https://${site}/`, settings) ? (
                <button type="button" className="btn-primary text-xs" onClick={() => setSiteEnabled(true)}>
                  {t('popup.turnOn', [site])}
                </button>
              ) : (
                reload
              )
            }
          >
            {t('popup.offText')}
          </PopupNotice>
        )}
        {view.phase === 'ready' && view.items.length === 0 && (
          <PopupNotice title={t('popup.emptyTitle')}>{t('popup.emptyText')}</PopupNotice>
        )}
        {view.phase === 'ready' && view.items.length > 0 && (
          <>
            <CountChips counts={view.counts} items={view.items} />
            <ItemList
              items={view.items}
              onHighlight={highlight}
              onDetails={openDetails}
              onCheck={checkMedia}
            />
          </>
        )}
      </main>
      {note && (
        <p
          role="status"
          className="flex items-center justify-between gap-2 bg-slate-100 px-3 py-2 text-xs dark:bg-slate-800"
        >
          <span>{note.text}</span>
          {note.reload && reload}
        </p>
      )}
      <PopupFooter
        site={site}
        enabled={view.phase === 'ready'}
        onOptions={api.openOptions}
        onToggleSite={settings && site ? () => setSiteEnabled(false) : undefined}
      />
    </div>
  );
}
