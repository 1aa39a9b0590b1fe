import { useState } from 'react';
import { safeLink } from '../../lib/format/chain-words.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { ExternalLink } from '../common/external-link.tsx';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { C2paSection } from './c2pa-section.tsx';
import { Fact, FactList } from './fact-list.tsx';
import { HashValue } from './hash-value.tsx';
import { Section } from './section.tsx';
import { TimeText } from './time-text.tsx';

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
      <Section id="recovered" title={t('detailsRecovered.title')}>
        <p className="text-sm">{t('detailsRecovered.noneOwn')}</p>
        <p className="mt-2 text-sm">{t('detailsRecovered.canLook')}</p>
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
          {asking === 'busy' ? t('detailsRecovered.looking') : t('detailsRecovered.look')}
        </button>
        {asking === 'none' && <p className="muted mt-2 text-sm">{t('detailsRecovered.noneFound')}</p>}
      </Section>
    );
  }
  const { from } = recovered;
  const uri = safeLink(from.uri);
  const origin = (
    <FactList>
      <Fact term={t('detailsRecovered.registeredBy')}>
        {from.registrantName ?? t('detailsRecovered.untrustedRegistrant')} (
        <code className="text-xs">{from.registrant}</code>)
      </Fact>
      <Fact term={t('detailsChain.match')}>
        {from.match === 'exact' ? t('detailsRecovered.exact') : t('detailsRecovered.lookalike', [from.bits])}
      </Fact>
      <Fact term={t('detailsChain.registered')}>
        {from.time ? <TimeText value={from.time * 1000} now={now} /> : undefined}
      </Fact>
      <Fact term={t('detailsChain.chain')}>
        {from.chainName ?? t('detailsChain.chainId', [from.chainId])}
      </Fact>
      <Fact term={t('detailsRecovered.manifestHash')}>
        <HashValue value={from.manifestHash} label={t('detailsRecovered.manifestHashLabel')} copy={copy} />
      </Fact>
      <Fact term={t('detailsRecovered.fetchedFrom')}>
        {uri ? <ExternalLink href={uri}>{from.uri}</ExternalLink> : <code>{from.uri}</code>}
      </Fact>
    </FactList>
  );
  if (recovered.state !== 'recovered' || !recovered.c2pa) {
    return (
      <Section
        id="recovered"
        title={t('detailsRecovered.title')}
        aside={<span className="muted text-sm">{t('badge.error')}</span>}
      >
        {origin}
        <p className="mt-4 text-sm">
          {t('detailsRecovered.failed')} <code>{recovered.error}</code>
        </p>
      </Section>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <Section id="recovered-from" title={t('detailsRecovered.title')}>
        <p className="mb-4 text-sm">{t('detailsRecovered.recovered')}</p>
        {origin}
        <p className="muted mt-4 text-sm">{t('detailsRecovered.bindingNote')}</p>
        {(recovered.unbound ?? []).length > 0 && (
          <p className="muted mt-1 text-xs">
            {t('detailsRecovered.setApart')} <code>{recovered.unbound?.join(', ')}</code>
          </p>
        )}
      </Section>
      <C2paSection
        details={details}
        copy={copy}
        now={now}
        c2pa={recovered.c2pa}
        id="recovered-c2pa"
        title={t('detailsRecovered.manifest')}
        integrity={recovered.c2pa.state === 'valid' ? t('detailsRecovered.integrity') : undefined}
      />
    </div>
  );
}
