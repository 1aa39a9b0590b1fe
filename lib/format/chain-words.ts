import type { ChainRecord } from '../evidence/types.ts';

/**
 * Plain words for on-chain records. A perceptual match is always worded as a lead, never as proof
 * (docs/architecture.md "Fingerprints").
 */

export function matchWords(record: Pick<ChainRecord, 'match' | 'distance'>): string {
  switch (record.match) {
    case 'exact':
      return 'Exact bytes (SHA-256): this very file was registered';
    case 'perceptual': {
      const apart =
        record.distance === undefined
          ? ''
          : `, ${record.distance} bit${record.distance === 1 ? '' : 's'} apart`;
      return `Perceptual (PDQ${apart}): looks like a registered image — a lead, not proof`;
    }
    case 'text':
      return 'Text (SHA-256 of the normalised text): the same words were registered';
    case 'similar-text':
      return `Similar text (ISCC Text-Code${record.distance === undefined ? '' : `, ${record.distance} of 64 bits differ`}): looks like a registered passage, lightly edited — a lead, not proof`;
  }
}

export function recordKindWords(kind: ChainRecord['kind']): string {
  switch (kind) {
    case 'sha256':
      return 'SHA-256 of the file';
    case 'pdq':
      return 'PDQ perceptual hash';
    case 'text':
      return 'SHA-256 of the normalised text';
    case 'iscc':
      return 'ISCC Text-Code (64 bits)';
  }
}

/** Joins an explorer base URL and a path without doubling or dropping slashes; only http(s) bases. */
function explorerLink(base: string | undefined, path: string): string | undefined {
  if (!base || !/^https?:\/\//i.test(base)) return undefined;
  return `${base.replace(/\/+$/, '')}/${path}`;
}

export function explorerTxUrl(base: string | undefined, txHash: string | undefined): string | undefined {
  return txHash && /^0x[0-9a-f]{64}$/i.test(txHash) ? explorerLink(base, `tx/${txHash}`) : undefined;
}

export function explorerAddressUrl(base: string | undefined, address: string): string | undefined {
  return /^0x[0-9a-f]{40}$/i.test(address) ? explorerLink(base, `address/${address}`) : undefined;
}

/**
 * Only http(s) URIs become links: a registrant chooses the URI, and a javascript: or data: link on an
 * extension page would be an attack surface. Other schemes (ipfs:, ar:) are shown as text; we do not pick
 * a gateway for the user, since that would send the request to a third party of our choosing.
 */
export function safeLink(uri: string | undefined): string | undefined {
  return uri && /^https?:\/\/[^\s]+$/i.test(uri) ? uri : undefined;
}
