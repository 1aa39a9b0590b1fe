import { httpUrlError } from '../../lib/format/validate.ts';
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
      title="Cross-check RPC (optional)"
      description="An RPC provider could lie about what the registry holds. Give a second, independent endpoint for a chain and Origin Lens will ask both and warn you when they disagree. That second provider also sees the hashes."
    >
      {settings.chains.length === 0 ? (
        <p className="muted text-sm">Add a chain first.</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {settings.chains.map((chain) => (
            <ValidatedInput
              key={chain.id}
              label={`${chain.name} (id ${chain.id})${chain.enabled ? '' : ' — off'}`}
              value={settings.crossCheckRpc[String(chain.id)] ?? ''}
              placeholder="none"
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
