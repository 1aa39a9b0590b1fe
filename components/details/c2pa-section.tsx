import { isRemoteNotFetched } from '../../lib/c2pa/read-c2pa.ts';
import type { C2paEvidence } from '../../lib/evidence/types.ts';
import { integrityWords, toolName, trustSentence, trustTierWords } from '../../lib/format/c2pa-words.ts';
import { safeLink } from '../../lib/format/chain-words.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { ExternalLink } from '../common/external-link.tsx';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { ActionTimeline } from './action-timeline.tsx';
import { AiDeclarations } from './ai-declarations.tsx';
import { Fact, FactList } from './fact-list.tsx';
import { FailureGroups } from './failure-groups.tsx';
import { IngredientTree } from './ingredient-tree.tsx';
import { RawJson } from './raw-json.tsx';
import { type FetchRemoteManifest, RemoteManifestButton } from './remote-manifest-button.tsx';
import { Section } from './section.tsx';
import { SignalsList } from './signals-list.tsx';
import { SigningChain } from './signing-chain.tsx';
import { TimeText } from './time-text.tsx';
import { ValidationCodes } from './validation-codes.tsx';

/** Every code the engine put in a failure list, or undefined for results cached before they were kept. */
function failingCodes(c2pa: C2paEvidence): ReadonlySet<string> | undefined {
  if (!c2pa.failures) return undefined;
  const f = c2pa.failures;
  return new Set(
    [...f.tamper, ...f.malformed, ...f.credential, ...f.conformance, ...f.ingredient].map((x) => x.code),
  );
}

function Subheading({ children }: { children: string }) {
  return <h3 className="mt-6 mb-2 font-semibold text-base">{children}</h3>;
}

/** Why there is nothing to show, worded so a failed check never reads as "no Content Credentials". */
function missingText(details: ItemDetails): string {
  if (details.kind === 'text') return t('detailsC2pa.textHasNone');
  if (details.evidence.fetchError) return t('detailsC2pa.notFetched', [details.evidence.fetchError]);
  return t('detailsC2pa.notChecked');
}

/** Everything the C2PA engine said about the item, in plain words first and raw form last. */
export function C2paSection({
  details,
  copy,
  now,
  fetchRemoteManifest,
  c2pa = details.evidence.c2pa,
  id = 'c2pa',
  title = t('detailsC2pa.title'),
  integrity,
}: {
  details: ItemDetails;
  copy: CopyText;
  now: number;
  fetchRemoteManifest?: FetchRemoteManifest;
  /** Another store to show the same way (recovered credentials); default the item's own. */
  c2pa?: C2paEvidence;
  id?: string;
  title?: string;
  /** Replaces the integrity words at the right (a recovered store's binding is to the original, not this item). */
  integrity?: string;
}) {
  if (!c2pa) {
    return (
      <Section id={id} title={title}>
        <p className="text-sm">{missingText(details)}</p>
      </Section>
    );
  }
  const remote = safeLink(c2pa.remoteUrl);
  const hasManifest = c2pa.state === 'valid' || c2pa.state === 'invalid';
  return (
    <Section
      id={id}
      title={title}
      aside={<span className="muted text-sm">{integrity ?? integrityWords(c2pa.state, t)}</span>}
    >
      <p className="mb-4 font-medium text-base">{trustSentence(c2pa, t)}</p>
      {hasManifest && (
        <FactList>
          <Fact term={t('detailsC2pa.trust')}>{c2pa.trust && trustTierWords(c2pa, t)}</Fact>
          <Fact term={t('detailsC2pa.issuer')}>{c2pa.signer?.issuer}</Fact>
          <Fact term={t('detailsC2pa.certificateName')}>
            {c2pa.signer?.commonName !== c2pa.signer?.issuer ? c2pa.signer?.commonName : undefined}
          </Fact>
          <Fact term={t('detailsC2pa.signed')}>
            {c2pa.signer?.time && <TimeText value={c2pa.signer.time} now={now} />}
          </Fact>
          <Fact term={t('detailsC2pa.timestampAuthority')}>
            {c2pa.signer?.timestampAuthority ?? t('detailsC2pa.noTimestampAuthority')}
          </Fact>
          <Fact term={t('detailsC2pa.tool')}>
            {c2pa.claimGenerator && <span title={c2pa.claimGenerator}>{toolName(c2pa.claimGenerator)}</span>}
          </Fact>
          <Fact term={t('detailsC2pa.claimGenerator')}>
            {c2pa.claimGenerator && <code className="break-all text-xs">{c2pa.claimGenerator}</code>}
          </Fact>
          <Fact term={t('detailsC2pa.titleFact')}>{c2pa.title}</Fact>
          <Fact term={t('detailsC2pa.format')}>{c2pa.format}</Fact>
          <Fact term={t('detailsC2pa.manifest')}>
            {c2pa.source === 'remote'
              ? t('detailsC2pa.sourceRemote')
              : c2pa.source === 'embedded'
                ? t('detailsC2pa.sourceEmbedded')
                : undefined}
          </Fact>
          <Fact term={t('detailsC2pa.remoteUrl')}>
            {c2pa.remoteUrl &&
              (remote ? (
                <ExternalLink href={remote}>{c2pa.remoteUrl}</ExternalLink>
              ) : (
                <code>{c2pa.remoteUrl}</code>
              ))}
          </Fact>
          <Fact term={t('detailsC2pa.activeManifest')}>
            {c2pa.activeManifest && <code className="break-all text-xs">{c2pa.activeManifest}</code>}
          </Fact>
        </FactList>
      )}
      {c2pa.state === 'error' && c2pa.error && (
        <p className="text-sm">
          {t('detailsC2pa.engineError')} <code>{c2pa.error}</code>
        </p>
      )}
      {fetchRemoteManifest && c2pa.remoteUrl && isRemoteNotFetched(c2pa) && (
        <RemoteManifestButton url={c2pa.remoteUrl} onFetch={fetchRemoteManifest} />
      )}

      {hasManifest && (
        <>
          <div className="mt-4">
            <AiDeclarations c2pa={c2pa} />
          </div>
          {c2pa.signals && (
            <>
              <Subheading>{t('detailsC2pa.signals')}</Subheading>
              <SignalsList signals={c2pa.signals} />
            </>
          )}
          {c2pa.signingChain && (
            <>
              <Subheading>{t('detailsC2pa.signingChain')}</Subheading>
              <SigningChain steps={c2pa.signingChain} />
            </>
          )}
          {c2pa.failures && Object.values(c2pa.failures).some((list) => list.length > 0) && (
            <>
              <Subheading>{t('detailsC2pa.failures')}</Subheading>
              <FailureGroups c2pa={c2pa} />
            </>
          )}
          <Subheading>{t('detailsC2pa.whatDone')}</Subheading>
          <ActionTimeline actions={c2pa.actions} now={now} />
          <Subheading>{t('detailsC2pa.ingredients')}</Subheading>
          <IngredientTree ingredients={c2pa.ingredients} now={now} />
        </>
      )}
      {c2pa.codes.length > 0 && (
        <>
          <Subheading>{t('detailsC2pa.validation')}</Subheading>
          <ValidationCodes codes={c2pa.codes} failing={failingCodes(c2pa)} />
        </>
      )}
      {c2pa.raw !== undefined && (
        <div className="mt-6">
          <RawJson title={t('detailsC2pa.rawStore')} value={c2pa.raw} copy={copy} />
        </div>
      )}
    </Section>
  );
}
