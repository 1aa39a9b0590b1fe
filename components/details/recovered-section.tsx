import { useState } from 'react';
import { safeLink } from '../../lib/format/chain-words.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { ExternalLink } from '../common/external-link.tsx';
import type { CopyText } from '../common/page-api.ts';
import { C2paSection } from './c2pa-section.tsx';
import { Fact, FactList } from './fact-list.tsx';
import { HashValue } from './hash-value.tsx';
import { Section } from './section.tsx';
import { TimeText } from './time-text.tsx';

/** Why a record's manifest was or was not fetched, and what a recovered store can and cannot prove. */
const BINDING_NOTE =
  'The manifest was made for the registered original, so its hard binding (the hash of the original file’s bytes) cannot match this copy: that check is set apart, not counted as tampering. Signature, certificate and history were validated.';

/**
 * Content Credentials recovered from the registry for an item without its own (lib/recover): where they came
 * from (registrant, exact or look-alike, manifest hash and URI), then the store shown like embedded credentials.
 * When nothing was recovered, the user may ask: every registrant's record is then followed, which fetches from
 * the hosts those records name.
 */
export function RecoveredSection({
  details,
  copy,
  now,
  recover,
}: {
  details: ItemDetails;
  copy: CopyText;
  now: number;
  recover?: () => Promise<ItemDetails | null>;
}) {
  const [asking, setAsking] = useState<'idle' | 'busy' | 'none'>('idle');
  const own = details.evidence.c2pa?.state;
  if (details.kind !== 'image' || own === 'valid' || own === 'invalid') return null;
  const recovered = details.evidence.recovered;
  if (!recovered) {
    if (!recover) return null;
    return (
      <Section id="recovered" title="Recovered Content Credentials">
        <p className="text-sm">
          This image carries no Content Credentials of its own, and no trusted registrant’s record named a
          manifest for it.
        </p>
        <p className="mt-2 text-sm">
          Origin Lens can look at every registration of this exact file (including registrants not on your
          list) and fetch the manifest stores they name, from the addresses in those records, without cookies.
        </p>
        <button
          type="button"
          className="btn mt-3"
          disabled={asking === 'busy'}
          onClick={() => {
            setAsking('busy');
            recover().then(
              (next) => setAsking(next?.evidence.recovered ? 'idle' : 'none'),
              () => setAsking('none'),
            );
          }}
        >
          {asking === 'busy' ? 'Looking…' : 'Look for Content Credentials in the registry'}
        </button>
        {asking === 'none' && <p className="muted mt-2 text-sm">No registration names a manifest store.</p>}
      </Section>
    );
  }
  const { from } = recovered;
  const uri = safeLink(from.uri);
  const origin = (
    <FactList>
      <Fact term="Registered by">
        {from.registrantName ?? 'A registrant not on your trusted list'} (
        <code className="text-xs">{from.registrant}</code>)
      </Fact>
      <Fact term="Match">
        {from.match === 'exact'
          ? 'Exact: the same bytes were registered'
          : `Look-alike: ${from.bits} of 256 bits apart (PDQ). A lead, not proof that this is the same image.`}
      </Fact>
      <Fact term="Registered">{from.time ? <TimeText value={from.time * 1000} now={now} /> : undefined}</Fact>
      <Fact term="Chain">{from.chainName ?? `chain ${from.chainId}`}</Fact>
      <Fact term="Manifest hash (on-chain)">
        <HashValue value={from.manifestHash} label="manifest hash" copy={copy} />
      </Fact>
      <Fact term="Manifest fetched from">
        {uri ? <ExternalLink href={uri}>{from.uri}</ExternalLink> : <code>{from.uri}</code>}
      </Fact>
    </FactList>
  );
  if (recovered.state !== 'recovered' || !recovered.c2pa) {
    return (
      <Section
        id="recovered"
        title="Recovered Content Credentials"
        aside={<span className="muted text-sm">Could not check</span>}
      >
        {origin}
        <p className="mt-4 text-sm">
          The manifest store this record names could not be recovered: <code>{recovered.error}</code>
        </p>
      </Section>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <Section id="recovered-from" title="Recovered Content Credentials">
        <p className="mb-4 text-sm">
          Recovered from the Origin Lens registry: the SHA-256 of the fetched manifest store matches the hash
          registered on-chain.
        </p>
        {origin}
        <p className="muted mt-4 text-sm">{BINDING_NOTE}</p>
        {(recovered.unbound ?? []).length > 0 && (
          <p className="muted mt-1 text-xs">
            Set apart: <code>{recovered.unbound?.join(', ')}</code>
          </p>
        )}
      </Section>
      <C2paSection
        details={details}
        copy={copy}
        now={now}
        c2pa={recovered.c2pa}
        id="recovered-c2pa"
        title="Recovered manifest"
        integrity={
          recovered.c2pa.state === 'valid'
            ? 'Signature valid; bound to the registered original, not to this copy'
            : undefined
        }
      />
    </div>
  );
}
