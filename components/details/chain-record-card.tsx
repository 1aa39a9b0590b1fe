import type { ChainConfig } from '../../lib/chain/chains.ts';
import type { ChainRecord } from '../../lib/evidence/types.ts';
import {
  explorerAddressUrl,
  explorerTxUrl,
  matchWords,
  recordKindWords,
  safeLink,
} from '../../lib/format/chain-words.ts';
import { ExternalLink } from '../common/external-link.tsx';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { Fact, FactList } from './fact-list.tsx';
import { HashValue } from './hash-value.tsx';
import { TimeText } from './time-text.tsx';

function Pill({ tone, children }: { tone: 'green' | 'slate' | 'violet' | 'red'; children: string }) {
  const tones = {
    green: 'bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200',
    slate: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
    violet: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200',
    red: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  };
  return <span className={`rounded-full px-2 py-0.5 font-semibold text-xs ${tones[tone]}`}>{children}</span>;
}

/** One on-chain record: who registered what, where and when, with links to check it independently. */
export function ChainRecordCard({
  record,
  chain,
  copy,
  now,
}: {
  record: ChainRecord;
  chain: ChainConfig | undefined;
  copy: CopyText;
  now: number;
}) {
  const chainName = record.chainName ?? chain?.name ?? t('detailsChain.chainId', [record.chainId]);
  const txUrl = explorerTxUrl(chain?.explorerUrl, record.txHash);
  const addressUrl = explorerAddressUrl(chain?.explorerUrl, record.registrant);
  const uri = safeLink(record.uri);
  const site = safeLink(record.registrantSite);
  return (
    <article
      aria-label={t('detailsChain.recordLabel', [
        record.registrantName ?? t('detailsChain.anUnknownRegistrant'),
        chainName,
      ])}
      className={`rounded-lg border p-4 ${record.revoked ? 'border-slate-300 border-dashed opacity-80 dark:border-slate-600' : 'border-slate-200 dark:border-slate-700'}`}
    >
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-base">
          {record.registrantName ?? t('detailsChain.unknownRegistrant')}
        </h3>
        {record.trusted ? (
          <Pill tone="green">{t('detailsChain.trusted')}</Pill>
        ) : (
          <Pill tone="slate">{t('detailsChain.unknown')}</Pill>
        )}
        {record.aiGenerated && <Pill tone="violet">{t('detailsChain.declaredAi')}</Pill>}
        {record.revoked && <Pill tone="red">{t('detailsChain.revoked')}</Pill>}
      </header>
      {record.revoked && <p className="mb-3 text-sm">{t('detailsChain.revokedText')}</p>}
      {!record.trusted && <p className="muted mb-3 text-sm">{t('detailsChain.untrustedText')}</p>}
      <FactList>
        <Fact term={t('detailsChain.registrant')}>
          <HashValue
            value={record.registrant}
            label={t('detailsChain.registrantAddress')}
            copy={copy}
            group={false}
          />
          {addressUrl && (
            <ExternalLink href={addressUrl} className="text-xs">
              {t('detailsChain.viewOnExplorer')}
            </ExternalLink>
          )}
        </Fact>
        <Fact term={t('detailsChain.registrantSite')}>
          {site ? <ExternalLink href={site}>{record.registrantSite}</ExternalLink> : record.registrantSite}
        </Fact>
        <Fact term={t('detailsChain.chain')}>
          {chainName} <span className="muted">{t('detailsChain.idInBrackets', [record.chainId])}</span>
        </Fact>
        <Fact term={t('detailsChain.registered')}>
          {record.time > 0 && <TimeText value={record.time * 1000} now={now} />}
        </Fact>
        <Fact term={t('detailsChain.match')}>
          <span
            className={record.match === 'perceptual' ? 'font-medium text-amber-800 dark:text-amber-300' : ''}
          >
            {matchWords(record, t)}
          </span>
        </Fact>
        <Fact term={t('detailsChain.registeredHash')}>
          <span className="muted text-xs">{recordKindWords(record.kind, t)}</span>
          <HashValue value={record.contentHash} label={t('detailsChain.registeredHashLabel')} copy={copy} />
        </Fact>
        <Fact term={t('detailsChain.transaction')}>
          {record.txHash &&
            (txUrl ? (
              <ExternalLink href={txUrl}>
                <code className="break-all text-[13px]">{record.txHash}</code>
              </ExternalLink>
            ) : (
              <HashValue
                value={record.txHash}
                label={t('detailsChain.transactionHash')}
                copy={copy}
                group={false}
              />
            ))}
        </Fact>
        <Fact term={t('detailsChain.block')}>{record.blockNumber}</Fact>
        <Fact term={t('detailsChain.uri')}>
          {record.uri &&
            (uri ? (
              <ExternalLink href={uri}>{record.uri}</ExternalLink>
            ) : (
              <code className="break-all text-xs">{record.uri}</code>
            ))}
        </Fact>
        <Fact term={t('detailsChain.manifestHash')}>
          {record.c2paManifestHash && (
            <HashValue value={record.c2paManifestHash} label={t('detailsChain.manifestHash')} copy={copy} />
          )}
        </Fact>
      </FactList>
    </article>
  );
}
