import type { ChainConfig } from '../../lib/chain/chains.ts';
import { t } from '../common/i18n.ts';
import { AddRegistrantForm } from './add-registrant-form.tsx';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';

function chainNames(ids: number[] | undefined, chains: readonly ChainConfig[]): string {
  if (!ids) return t('options.registrants.allChains');
  return ids
    .map((id) => chains.find((c) => c.id === id)?.name ?? t('options.registrants.chain', [id]))
    .join(', ');
}

export function RegistrantsSection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection
      id="registrants"
      title={t('options.registrants.title')}
      description={t('options.registrants.help')}
    >
      {settings.registrants.length === 0 ? (
        <p className="muted text-sm">{t('options.registrants.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {settings.registrants.map((r) => (
            <li key={r.address} className="flex items-start justify-between gap-3 px-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="font-medium">
                  {r.name}
                  {r.site && <span className="muted font-normal"> · {r.site}</span>}
                </p>
                <p className="mono break-all text-xs">{r.address}</p>
                <p className="muted text-xs">
                  {t('options.registrants.trustedOn', [chainNames(r.chains, settings.chains)])}
                </p>
              </div>
              <button
                type="button"
                className="btn-danger shrink-0"
                aria-label={t('options.list.removeEntry', [r.name])}
                onClick={() =>
                  onChange({
                    ...settings,
                    registrants: settings.registrants.filter((x) => x.address !== r.address),
                  })
                }
              >
                {t('options.list.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddRegistrantForm
        registrants={settings.registrants}
        onAdd={(r) => onChange({ ...settings, registrants: [...settings.registrants, r] })}
      />
    </OptionsSection>
  );
}
