import { useEffect } from 'react';
import type { MessageKey } from '../../lib/i18n/translate.ts';
import { t } from '../common/i18n.ts';
import { Logo } from '../common/logo.tsx';
import { Spinner } from '../common/spinner.tsx';
import { useSettings } from '../common/use-settings.ts';
import { CacheSection } from './cache-section.tsx';
import { ChainsSection } from './chains-section.tsx';
import { CrossCheckSection } from './cross-check-section.tsx';
import { DisplaySection } from './display-section.tsx';
import type { OptionsApi } from './options-api.ts';
import { PrivacySection } from './privacy-section.tsx';
import { RegistrantsSection } from './registrants-section.tsx';
import { SaveStatusText } from './save-status.tsx';
import { SitesSection } from './sites-section.tsx';
import { SoftBindingSection } from './soft-binding-section.tsx';
import { TrustSection } from './trust-section.tsx';

const NAV: readonly (readonly [string, MessageKey])[] = [
  ['display', 'options.nav.display'],
  ['sites', 'options.nav.sites'],
  ['privacy', 'options.nav.privacy'],
  ['trust', 'options.nav.trust'],
  ['chains', 'options.nav.chains'],
  ['registrants', 'options.nav.registrants'],
  ['cross-check', 'options.nav.crossCheck'],
  ['soft-binding', 'options.nav.softBinding'],
  ['cache', 'options.nav.cache'],
];

/** Root of the options page: every change is saved as it is made. */
export function OptionsApp({ api }: { api: OptionsApi }) {
  const { settings, loadError, status, saveError, update } = useSettings(api.storage, api.defaults);
  useEffect(() => {
    document.title = t('options.title');
  }, []);
  return (
    <>
      <header className="sticky top-0 z-10 border-slate-200 border-b bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-6 py-3">
          <h1 className="flex items-center gap-2 font-semibold">
            <Logo size={28} />
            {t('options.title')}
          </h1>
          <SaveStatusText status={status} error={saveError} />
        </div>
      </header>
      <div className="mx-auto grid max-w-5xl gap-6 px-6 py-6 md:grid-cols-[10rem_1fr]">
        <nav aria-label={t('options.sectionsNav')} className="hidden md:block">
          <ul className="sticky top-20 space-y-1 text-sm">
            {NAV.map(([id, key]) => (
              <li key={id}>
                <a
                  href={`#${id}`}
                  className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                >
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 space-y-6">
          {loadError && (
            <p
              role="alert"
              className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40"
            >
              {loadError}
            </p>
          )}
          {!settings ? (
            <Spinner label={t('options.loading')} className="text-sm" />
          ) : (
            <>
              <DisplaySection settings={settings} onChange={update} />
              <SitesSection settings={settings} onChange={update} />
              <PrivacySection settings={settings} onChange={update} />
              <TrustSection settings={settings} onChange={update} updateLists={api.updateTrustLists} />
              <ChainsSection settings={settings} onChange={update} defaults={api.defaults.chains} />
              <RegistrantsSection settings={settings} onChange={update} />
              <CrossCheckSection settings={settings} onChange={update} />
              <SoftBindingSection settings={settings} onChange={update} />
              <CacheSection sendToBackground={api.sendToBackground} />
            </>
          )}
        </main>
      </div>
    </>
  );
}
