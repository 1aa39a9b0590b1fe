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
  const chainName = record.chainName ?? chain?.name ?? `Chain ${record.chainId}`;
  const txUrl = explorerTxUrl(chain?.explorerUrl, record.txHash);
  const addressUrl = explorerAddressUrl(chain?.explorerUrl, record.registrant);
  const uri = safeLink(record.uri);
  const site = safeLink(record.registrantSite);
  return (
    <article
      aria-label={`Record by ${record.registrantName ?? 'an unknown registrant'} on ${chainName}`}
      className={`rounded-lg border p-4 ${record.revoked ? 'border-slate-300 border-dashed opacity-80 dark:border-slate-600' : 'border-slate-200 dark:border-slate-700'}`}
    >
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-base">{record.registrantName ?? 'Unknown registrant'}</h3>
        {record.trusted ? <Pill tone="green">trusted</Pill> : <Pill tone="slate">unknown</Pill>}
        {record.aiGenerated && <Pill tone="violet">declared AI-generated</Pill>}
        {record.revoked && <Pill tone="red">revoked</Pill>}
      </header>
      {record.revoked && (
        <p className="mb-3 text-sm">The registrant revoked this record: it no longer counts as evidence.</p>
      )}
      {!record.trusted && (
        <p className="muted mb-3 text-sm">
          This registrant is not on your trusted list. Anyone can register a hash; a record alone proves
          nothing about origin.
        </p>
      )}
      <FactList>
        <Fact term="Registrant">
          <HashValue value={record.registrant} label="registrant address" copy={copy} group={false} />
          {addressUrl && (
            <ExternalLink href={addressUrl} className="text-xs">
              View on explorer
            </ExternalLink>
          )}
        </Fact>
        <Fact term="Registrant site">
          {site ? <ExternalLink href={site}>{record.registrantSite}</ExternalLink> : record.registrantSite}
        </Fact>
        <Fact term="Chain">
          {chainName} <span className="muted">(id {record.chainId})</span>
        </Fact>
        <Fact term="Registered">{record.time > 0 && <TimeText value={record.time * 1000} now={now} />}</Fact>
        <Fact term="Match">
          <span
            className={record.match === 'perceptual' ? 'font-medium text-amber-800 dark:text-amber-300' : ''}
          >
            {matchWords(record)}
          </span>
        </Fact>
        <Fact term="Registered hash">
          <span className="muted text-xs">{recordKindWords(record.kind)}</span>
          <HashValue value={record.contentHash} label="registered hash" copy={copy} />
        </Fact>
        <Fact term="Transaction">
          {record.txHash &&
            (txUrl ? (
              <ExternalLink href={txUrl}>
                <code className="break-all text-[13px]">{record.txHash}</code>
              </ExternalLink>
            ) : (
              <HashValue value={record.txHash} label="transaction hash" copy={copy} group={false} />
            ))}
        </Fact>
        <Fact term="Block">{record.blockNumber}</Fact>
        <Fact term="URI">
          {record.uri &&
            (uri ? (
              <ExternalLink href={uri}>{record.uri}</ExternalLink>
            ) : (
              <code className="break-all text-xs">{record.uri}</code>
            ))}
        </Fact>
        <Fact term="C2PA manifest hash">
          {record.c2paManifestHash && (
            <HashValue value={record.c2paManifestHash} label="C2PA manifest hash" copy={copy} />
          )}
        </Fact>
      </FactList>
    </article>
  );
}
