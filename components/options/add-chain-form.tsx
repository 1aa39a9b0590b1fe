import { type FormEvent, useState } from 'react';
import type { ChainConfig } from '../../lib/chain/chains.ts';
import { chainIdError, httpUrlError } from '../../lib/format/validate.ts';

interface Draft {
  id: string;
  name: string;
  rpcUrl: string;
  explorerUrl: string;
}

const EMPTY: Draft = { id: '', name: '', rpcUrl: '', explorerUrl: '' };

type Errors = Partial<Record<keyof Draft, string>>;

function validate(draft: Draft, existing: readonly ChainConfig[]): Errors {
  const errors: Errors = {};
  const idProblem = chainIdError(draft.id);
  if (idProblem) errors.id = idProblem;
  else if (existing.some((c) => c.id === Number(draft.id)))
    errors.id = `Chain ${draft.id} is already in the list.`;
  if (!draft.name.trim()) errors.name = 'Enter a name.';
  const rpc = httpUrlError(draft.rpcUrl);
  if (rpc) errors.rpcUrl = rpc;
  if (draft.explorerUrl.trim()) {
    const explorer = httpUrlError(draft.explorerUrl);
    if (explorer) errors.explorerUrl = explorer;
  }
  return errors;
}

const FIELDS: { key: keyof Draft; label: string; placeholder: string }[] = [
  { key: 'id', label: 'Chain id', placeholder: '8453' },
  { key: 'name', label: 'Name', placeholder: 'Base' },
  { key: 'rpcUrl', label: 'RPC URL', placeholder: 'https://mainnet.base.org' },
  { key: 'explorerUrl', label: 'Explorer URL (optional)', placeholder: 'https://basescan.org' },
];

/** Adds a chain; errors appear under each field only after the first attempt, not while typing. */
export function AddChainForm({
  chains,
  onAdd,
}: {
  chains: readonly ChainConfig[];
  onAdd: (chain: ChainConfig) => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [tried, setTried] = useState(false);
  const errors = tried ? validate(draft, chains) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(validate(draft, chains)).length > 0) return;
    const chain: ChainConfig = {
      id: Number(draft.id),
      name: draft.name.trim(),
      rpcUrl: draft.rpcUrl.trim(),
      enabled: true,
    };
    if (draft.explorerUrl.trim()) chain.explorerUrl = draft.explorerUrl.trim().replace(/\/+$/, '');
    onAdd(chain);
    setDraft(EMPTY);
    setTried(false);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="rounded-lg border border-slate-200 border-dashed p-3 dark:border-slate-700"
    >
      <h3 className="mb-2 font-medium text-sm">Add a chain</h3>
      <div className="grid gap-2 sm:grid-cols-[6rem_1fr_2fr_2fr]">
        {FIELDS.map(({ key, label, placeholder }) => (
          <div key={key} className="min-w-0">
            <label htmlFor={`add-chain-${key}`} className="mb-1 block font-medium text-xs">
              {label}
            </label>
            <input
              id={`add-chain-${key}`}
              className={`input ${key === 'rpcUrl' || key === 'explorerUrl' ? 'mono text-[13px]' : ''}`}
              value={draft[key]}
              placeholder={placeholder}
              inputMode={key === 'id' ? 'numeric' : undefined}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={errors[key] ? `add-chain-${key}-error` : undefined}
            />
            {errors[key] && (
              <p id={`add-chain-${key}-error`} className="field-error">
                {errors[key]}
              </p>
            )}
          </div>
        ))}
      </div>
      <button type="submit" className="btn mt-3">
        Add chain
      </button>
    </form>
  );
}
