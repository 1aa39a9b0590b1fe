import { useState } from 'react';
import { parseRegistrant, type TrustedRegistrant } from '../../lib/chain/registrants.ts';
import { addressError, type FieldProblem, parseChainIds } from '../../lib/format/validate.ts';
import { normalizeSite } from '../../lib/settings/settings.ts';
import { t } from '../common/i18n.ts';
import { AddForm, type AddFormField } from './add-form.tsx';

interface Draft {
  address: string;
  name: string;
  site: string;
  chains: string;
}

const EMPTY: Draft = { address: '', name: '', site: '', chains: '' };
type Errors = Partial<Record<keyof Draft, FieldProblem>>;

function validate(draft: Draft, existing: readonly TrustedRegistrant[]): Errors {
  const errors: Errors = {};
  const address = addressError(draft.address);
  if (address) errors.address = address;
  else if (existing.some((r) => r.address.toLowerCase() === draft.address.trim().toLowerCase())) {
    errors.address = { key: 'options.registrants.alreadyTrusted' };
  }
  if (!draft.name.trim()) errors.name = { key: 'options.registrants.enterName' };
  if (draft.site.trim() && !normalizeSite(draft.site))
    errors.site = { key: 'options.registrants.invalidSite' };
  const chains = parseChainIds(draft.chains);
  if (chains.error) errors.chains = chains.error;
  return errors;
}

const fields = (): AddFormField<keyof Draft>[] => [
  { key: 'address', label: t('options.registrants.address'), placeholder: '0x…', mono: true },
  { key: 'name', label: t('options.registrants.name'), placeholder: 'Harbour Times' },
  { key: 'site', label: t('options.registrants.siteOptional'), placeholder: 'harbourtimes.example' },
  {
    key: 'chains',
    label: t('options.registrants.chainsOptional'),
    placeholder: t('options.registrants.chainsPlaceholder'),
  },
];

/** Adds a trusted registrant; the address is checksummed through the same parser the background uses. */
export function AddRegistrantForm({
  registrants,
  onAdd,
}: {
  registrants: readonly TrustedRegistrant[];
  onAdd: (registrant: TrustedRegistrant) => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [tried, setTried] = useState(false);
  const errors = tried ? validate(draft, registrants) : {};

  const submit = () => {
    setTried(true);
    if (Object.keys(validate(draft, registrants)).length > 0) return;
    const registrant = parseRegistrant({
      address: draft.address.trim(),
      name: draft.name.trim(),
      site: draft.site.trim() || undefined,
      chains: parseChainIds(draft.chains).ids,
    });
    if (!registrant) return;
    onAdd(registrant);
    setDraft(EMPTY);
    setTried(false);
  };

  return (
    <AddForm
      id="add-registrant"
      title={t('options.registrants.add')}
      submitLabel={t('options.registrants.addButton')}
      fields={fields()}
      gridClassName="sm:grid-cols-2"
      draft={draft}
      errors={errors}
      onChange={setDraft}
      onSubmit={submit}
    />
  );
}
