import type { ChainConfig } from '../../lib/chain/chains.ts';
import { type FieldProblem, httpUrlError } from '../../lib/format/validate.ts';
import { t } from '../common/i18n.ts';
import { ValidatedInput } from './validated-input.tsx';

const nameError = (v: string): FieldProblem | null => (v.trim() ? null : { key: 'options.chains.enterName' });

/** One chain: on/off, name, RPC URL and explorer, edited in place. */
export function ChainRow({
  chain,
  onChange,
  onRemove,
}: {
  chain: ChainConfig;
  onChange: (next: ChainConfig) => void;
  onRemove: () => void;
}) {
  return (
    <tr className="align-top">
      <td className="py-2 pr-3">
        <input
          type="checkbox"
          checked={chain.enabled}
          onChange={(e) => onChange({ ...chain, enabled: e.target.checked })}
          aria-label={t('options.chains.lookUpOn', [chain.name])}
          className="mt-2 size-4 accent-indigo-600"
        />
      </td>
      <td className="py-2 pr-3">
        <ValidatedInput
          value={chain.name}
          label={t('options.chains.nameOf', [chain.id])}
          hideLabel
          validate={nameError}
          onCommit={(name) => onChange({ ...chain, name })}
        />
        <p className="muted mt-1 text-xs">{t('options.chains.id', [chain.id])}</p>
      </td>
      <td className="py-2 pr-3">
        <ValidatedInput
          value={chain.rpcUrl}
          label={t('options.chains.rpcUrlFor', [chain.name])}
          hideLabel
          mono
          validate={httpUrlError}
          onCommit={(rpcUrl) => onChange({ ...chain, rpcUrl })}
        />
      </td>
      <td className="py-2 pr-3">
        <ValidatedInput
          value={chain.explorerUrl ?? ''}
          label={t('options.chains.explorerUrlFor', [chain.name])}
          hideLabel
          mono
          allowEmpty
          placeholder={t('options.chains.none')}
          validate={httpUrlError}
          onCommit={(explorerUrl) => {
            const { explorerUrl: _old, ...rest } = chain;
            onChange(explorerUrl ? { ...rest, explorerUrl: explorerUrl.replace(/\/+$/, '') } : rest);
          }}
        />
      </td>
      <td className="py-2 text-right">
        <button
          type="button"
          className="btn-danger mt-1"
          onClick={onRemove}
          aria-label={t('options.list.removeEntry', [chain.name])}
        >
          {t('options.list.remove')}
        </button>
      </td>
    </tr>
  );
}
