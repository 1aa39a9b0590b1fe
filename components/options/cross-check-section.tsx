import { httpUrlError } from '../../lib/format/validate.ts';
import { t } from '../common/i18n.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { ValidatedInput } from './validated-input.tsx';

/** A second RPC per chain: records are read from both, and a disagreement is shown on the details page. */
export function CrossCheckSection({ settings, onChange }: SectionProps) {
  const setRpc = (chainId: number, url: string) => {
    const next = { ...settings.crossCheckRpc };
    if (url) next[String(chainId)] = url;
    else delete next[String(chainId)];
    onChange({ ...settings, crossCheckRpc: next });
  };
  return (
    <OptionsSection
      id="cross-check"
      title={t('options.crossCheck.title')}
      description={t('options.crossCheck.help')}
    >
      {settings.chains.length === 0 ? (
        <p className="muted text-sm">{t('options.crossCheck.addChainFirst')}</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {settings.chains.map((chain) => (
            <ValidatedInput
              key={chain.id}
              label={t(chain.enabled ? 'options.crossCheck.label' : 'options.crossCheck.labelOff', [
                chain.name,
                chain.id,
              ])}
              value={settings.crossCheckRpc[String(chain.id)] ?? ''}
              placeholder={t('options.chains.none')}
              mono
              allowEmpty
              validate={httpUrlError}
              onCommit={(url) => setRpc(chain.id, url)}
            />
          ))}
        </div>
      )}
    </OptionsSection>
  );
}
