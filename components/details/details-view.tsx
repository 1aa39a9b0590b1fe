import type { ChainConfig } from '../../lib/chain/chains.ts';
import { safeLink } from '../../lib/format/chain-words.ts';
import type { BackgroundResponses, ItemDetails } from '../../lib/messages/protocol.ts';
import { ExternalLink } from '../common/external-link.tsx';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { C2paSection } from './c2pa-section.tsx';
import { ChainSection } from './chain-section.tsx';
import { FingerprintsSection } from './fingerprints-section.tsx';
import { ItemPreview } from './item-preview.tsx';
import { RecoveredSection } from './recovered-section.tsx';
import type { FetchRemoteManifest } from './remote-manifest-button.tsx';
import { SoftBindingLookup } from './soft-binding-lookup.tsx';
import { VerdictHero } from './verdict-hero.tsx';

/** The full evidence for one item: verdict first, then each kind of evidence, then the raw hashes. */
export function DetailsView({
  details,
  chains,
  copy,
  now,
  loadRegistrations,
  fetchRemoteManifest,
  recover,
  softBinding,
}: {
  details: ItemDetails;
  chains: readonly ChainConfig[];
  copy: CopyText;
  now: number;
  loadRegistrations?: () => Promise<BackgroundResponses['get-registrations']>;
  fetchRemoteManifest?: FetchRemoteManifest;
  /** Recover Content Credentials from the registry on the user's request. */
  recover?: () => Promise<ItemDetails | null>;
  /** C2PA Soft Binding Resolution API endpoints from the options, and how to ask one (on click only). */
  softBinding?: {
    endpoints: readonly string[];
    ask: (endpoint: string) => Promise<BackgroundResponses['soft-binding-lookup']>;
  };
}) {
  return (
    <div className="flex flex-col gap-6">
      <div className="card grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <ItemPreview details={details} />
        <div className="flex flex-col gap-4">
          <VerdictHero details={details} now={now} />
          {details.urls.length > 0 && (
            <div className="text-sm">
              <h2 className="font-medium">{t('detailsPage.seenAt')}</h2>
              <ul className="mt-1 space-y-0.5">
                {details.urls.map((url) => {
                  const href = safeLink(url);
                  return (
                    <li key={url} className="break-all">
                      {href ? (
                        <ExternalLink href={href}>{url}</ExternalLink>
                      ) : (
                        <span className="muted">{url.slice(0, 120)}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </div>
      </div>
      <C2paSection details={details} copy={copy} now={now} fetchRemoteManifest={fetchRemoteManifest} />
      <RecoveredSection details={details} copy={copy} now={now} recover={recover} />
      <SoftBindingLookup
        details={details}
        endpoints={softBinding?.endpoints ?? []}
        ask={softBinding?.ask}
        copy={copy}
        now={now}
      />
      <ChainSection
        details={details}
        chains={chains}
        copy={copy}
        now={now}
        loadRegistrations={loadRegistrations}
      />
      <FingerprintsSection details={details} copy={copy} />
    </div>
  );
}
