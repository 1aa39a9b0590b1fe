import { useState } from 'react';
import type { ChainConfig } from '../../lib/chain/chains.ts';
import { chainIdError, type FieldProblem, httpUrlError } from '../../lib/format/validate.ts';
import { t } from '../common/i18n.ts';
import { AddForm, type AddFormField } from './add-form.tsx';

interface Draft {
  id: string;
  name: string;
  rpcUrl: string;
  explorerUrl: string;
}

const EMPTY: Draft = { id: '', name: '', rpcUrl: '', explorerUrl: '' };

type Errors = Partial<Record<keyof Draft, FieldProblem>>;

function validate(draft: Draft, existing: readonly ChainConfig[]): Errors {
  const errors: Errors = {};
  const idProblem = chainIdError(draft.id);
  if (idProblem) errors.id = idProblem;
  else if (existing.some((c) => c.id === Number(draft.id)))
    errors.id = { key: 'options.chains.alreadyListed', params: [draft.id.trim()] };
  if (!draft.name.trim()) errors.name = { key: 'options.chains.enterName' };
  const rpc = httpUrlError(draft.rpcUrl);
  if (rpc) errors.rpcUrl = rpc;
  if (draft.explorerUrl.trim()) {
    const explorer = httpUrlError(draft.explorerUrl);
    if (explorer) errors.explorerUrl = explorer;
  }
  return errors;
}

const fields = (): AddFormField<keyof Draft>[] => [
  { key: 'id', label: t('options.chains.chainId'), placeholder: '8453', numeric: true },
  { key: 'name', label: t('options.chains.name'), placeholder: 'Base' },
  { key: 'rpcUrl', label: t('options.chains.rpcUrl'), placeholder: 'https://mainnet.base.org', mono: true },
  {
    key: 'explorerUrl',
    label: t('options.chains.explorerOptional'),
    placeholder: 'https://basescan.org',
    mono: true,
  },
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

  const submit = () => {
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
    <AddForm
      id="add-chain"
      title={t('options.chains.add')}
      submitLabel={t('options.chains.addButton')}
      fields={fields()}
      gridClassName="sm:grid-cols-[6rem_1fr_2fr_2fr]"
      draft={draft}
      errors={errors}
      onChange={setDraft}
      onSubmit={submit}
    />
  );
}
