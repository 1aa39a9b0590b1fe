import type { ChainConfig } from '../../lib/chain/chains.ts';
import { t } from '../common/i18n.ts';
import { AddChainForm } from './add-chain-form.tsx';
import { ChainRow } from './chain-row.tsx';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';

export function ChainsSection({
  settings,
  onChange,
  defaults,
}: SectionProps & { defaults: readonly ChainConfig[] }) {
  const setChains = (chains: ChainConfig[]) => onChange({ ...settings, chains });
  return (
    <OptionsSection id="chains" title={t('options.chains.title')} description={t('options.chains.help')}>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] table-fixed text-sm">
          <colgroup>
            <col className="w-10" />
            <col className="w-36" />
            <col />
            <col className="w-[30%]" />
            <col className="w-20" />
          </colgroup>
          <thead className="text-left text-xs">
            <tr>
              <th scope="col" className="pr-3 pb-1 font-medium">
                {t('options.chains.enabledColumn')}
              </th>
              <th scope="col" className="pr-3 pb-1 font-medium">
                {t('options.chains.name')}
              </th>
              <th scope="col" className="pr-3 pb-1 font-medium">
                {t('options.chains.rpcUrl')}
              </th>
              <th scope="col" className="pr-3 pb-1 font-medium">
                {t('options.chains.explorer')}
              </th>
              <th scope="col" className="pb-1">
                <span className="sr-only">{t('options.chains.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {settings.chains.map((chain, index) => (
              <ChainRow
                key={chain.id}
                chain={chain}
                onChange={(next) => setChains(settings.chains.map((c, i) => (i === index ? next : c)))}
                onRemove={() => setChains(settings.chains.filter((_, i) => i !== index))}
              />
            ))}
          </tbody>
        </table>
        {settings.chains.length === 0 && <p className="muted py-2 text-sm">{t('options.chains.empty')}</p>}
      </div>
      <AddChainForm chains={settings.chains} onAdd={(chain) => setChains([...settings.chains, chain])} />
      <button type="button" className="btn-ghost text-sm" onClick={() => setChains([...defaults])}>
        {t('options.chains.restore')}
      </button>
    </OptionsSection>
  );
}
