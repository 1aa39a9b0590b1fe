import type { ChainConfig } from '../../lib/chain/chains.ts';
import { httpUrlError } from '../../lib/format/validate.ts';
import { ValidatedInput } from './validated-input.tsx';

const nameError = (v: string) => (v.trim() ? null : 'Enter a name.');

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
          aria-label={`Look up records on ${chain.name}`}
          className="mt-2 size-4 accent-indigo-600"
        />
      </td>
      <td className="py-2 pr-3">
        <ValidatedInput
          value={chain.name}
          label={`Name of chain ${chain.id}`}
          hideLabel
          validate={nameError}
          onCommit={(name) => onChange({ ...chain, name })}
        />
        <p className="muted mt-1 text-xs">id {chain.id}</p>
      </td>
      <td className="py-2 pr-3">
        <ValidatedInput
          value={chain.rpcUrl}
          label={`RPC URL for ${chain.name}`}
          hideLabel
          mono
          validate={httpUrlError}
          onCommit={(rpcUrl) => onChange({ ...chain, rpcUrl })}
        />
      </td>
      <td className="py-2 pr-3">
        <ValidatedInput
          value={chain.explorerUrl ?? ''}
          label={`Explorer URL for ${chain.name}`}
          hideLabel
          mono
          allowEmpty
          placeholder="none"
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
          aria-label={`Remove ${chain.name}`}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}
