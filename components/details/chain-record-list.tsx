import type { ChainConfig } from '../../lib/chain/chains.ts';
import type { ChainRecord } from '../../lib/evidence/types.ts';
import type { CopyText } from '../common/page-api.ts';
import { ChainRecordCard } from './chain-record-card.tsx';

/** A list of on-chain records, each with its chain's settings (explorer links). */
export function ChainRecordList({
  records,
  chains,
  copy,
  now,
}: {
  records: readonly ChainRecord[];
  chains: readonly ChainConfig[];
  copy: CopyText;
  now: number;
}) {
  if (records.length === 0) return null;
  return (
    <ul className="mt-2 space-y-3">
      {records.map((record) => (
        <li key={`${record.chainId}:${record.registrant}:${record.contentHash}:${record.match}`}>
          <ChainRecordCard
            record={record}
            chain={chains.find((c) => c.id === record.chainId)}
            copy={copy}
            now={now}
          />
        </li>
      ))}
    </ul>
  );
}
