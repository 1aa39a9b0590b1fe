import { useState } from 'react';
import { parseRegistrant, type TrustedRegistrant } from '../../lib/chain/registrants.ts';
import { addressError, parseChainIds } from '../../lib/format/validate.ts';
import { normalizeSite } from '../../lib/settings/settings.ts';
import { AddForm, type AddFormField } from './add-form.tsx';

interface Draft {
  address: string;
  name: string;
  site: string;
  chains: string;
}

const EMPTY: Draft = { address: '', name: '', site: '', chains: '' };
type Errors = Partial<Record<keyof Draft, string>>;

function validate(draft: Draft, existing: readonly TrustedRegistrant[]): Errors {
  const errors: Errors = {};
  const address = addressError(draft.address);
  if (address) errors.address = address;
  else if (existing.some((r) => r.address.toLowerCase() === draft.address.trim().toLowerCase())) {
    errors.address = 'This address is already trusted. Remove it first to change it.';
  }
  if (!draft.name.trim()) errors.name = 'Enter the name people know them by.';
  if (draft.site.trim() && !normalizeSite(draft.site)) errors.site = 'Enter a site such as example.com.';
  const chains = parseChainIds(draft.chains);
  if (chains.error) errors.chains = chains.error;
  return errors;
}

const FIELDS: AddFormField<keyof Draft>[] = [
  { key: 'address', label: 'Address', placeholder: '0x…', mono: true },
  { key: 'name', label: 'Name', placeholder: 'Harbour Times' },
  { key: 'site', label: 'Site (optional)', placeholder: 'harbourtimes.example' },
  { key: 'chains', label: 'Only on chains (optional)', placeholder: 'e.g. 8453, 10 — empty: all' },
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
      title="Add a trusted registrant"
      submitLabel="Add registrant"
      fields={FIELDS}
      gridClassName="sm:grid-cols-2"
      draft={draft}
      errors={errors}
      onChange={setDraft}
      onSubmit={submit}
    />
  );
}
