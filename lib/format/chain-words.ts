import type { ChainRecord } from '../evidence/types.ts';
import type { Translate } from '../i18n/translate.ts';

/**
 * Plain words for on-chain records. A perceptual match is always worded as a lead, never as proof
 * (docs/architecture.md "Fingerprints").
 */

export function matchWords(record: Pick<ChainRecord, 'match' | 'distance'>, translate: Translate): string {
  switch (record.match) {
    case 'exact':
      return translate('words.match.exact');
    case 'perceptual':
      if (record.distance === undefined) return translate('words.match.perceptual');
      return translate(
        record.distance === 1 ? 'words.match.perceptualOneBit' : 'words.match.perceptualBits',
        [record.distance],
      );
    case 'text':
      return translate('words.match.text');
    case 'similar-text':
      return record.distance === undefined
        ? translate('words.match.similarText')
        : translate('words.match.similarTextBits', [record.distance]);
  }
}

export function recordKindWords(kind: ChainRecord['kind'], translate: Translate): string {
  switch (kind) {
    case 'sha256':
      return translate('words.recordKind.sha256');
    case 'pdq':
      return translate('words.recordKind.pdq');
    case 'text':
      return translate('words.recordKind.text');
    case 'iscc':
      return translate('words.recordKind.iscc');
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
