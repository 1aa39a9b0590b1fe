import { PDQ_MIN_QUALITY } from '../../lib/fingerprint/hamming.ts';
import { formatBytes } from '../../lib/format/bytes.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { t, uiLanguage } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { Fact, FactList } from './fact-list.tsx';
import { HashValue } from './hash-value.tsx';
import { Section } from './section.tsx';

/** The hashes Origin Lens computed, so anyone can recompute them (e.g. with `origin-lens hash`). */
export function FingerprintsSection({ details, copy }: { details: ItemDetails; copy: CopyText }) {
  const f = details.evidence.fingerprints;
  if (!f) {
    return (
      <Section id="fingerprints" title={t('detailsFingerprints.title')}>
        <p className="text-sm">
          {details.evidence.fetchError
            ? t('detailsFingerprints.notFetched', [details.evidence.fetchError])
            : t('detailsFingerprints.none')}
        </p>
      </Section>
    );
  }
  if (f.kind === 'text') {
    return (
      <Section id="fingerprints" title={t('detailsFingerprints.title')}>
        <FactList>
          <Fact term={t('detailsFingerprints.sha256Text')}>
            <HashValue value={f.sha256Collapsed} label={t('words.recordKind.text')} copy={copy} />
          </Fact>
          <Fact term="ISCC Text-Code">
            {f.isccText ? (
              <HashValue value={f.isccText} label="ISCC Text-Code" copy={copy} group={false} />
            ) : (
              t('detailsFingerprints.notComputed')
            )}
          </Fact>
          {f.isccTextHex && (
            <Fact term={t('detailsFingerprints.isccHex')}>
              <HashValue value={f.isccTextHex} label="ISCC hex" copy={copy} />
            </Fact>
          )}
          <Fact term={t('detailsFingerprints.characters')}>{f.characters.toLocaleString(uiLanguage())}</Fact>
        </FactList>
        <p className="muted mt-3 text-xs">{t('detailsFingerprints.normalised')}</p>
      </Section>
    );
  }
  const usable = f.pdq && f.pdq.quality >= PDQ_MIN_QUALITY;
  const file = [
    details.mime,
    details.byteLength !== undefined ? formatBytes(details.byteLength, uiLanguage()) : undefined,
    f.width && f.height ? t('detailsFingerprints.size', [f.width, f.height]) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  if (f.media) {
    // Video and audio: the exact hash is what the registry records and what anyone can recompute.
    return (
      <Section id="fingerprints" title={t('detailsFingerprints.title')}>
        <FactList>
          <Fact term={t('detailsFingerprints.sha256Bytes')}>
            <HashValue value={f.sha256} label={t('detailsFingerprints.sha256BytesLabel')} copy={copy} />
          </Fact>
          <Fact
            term={t('detailsFingerprints.file')}
          >{`${t(f.media === 'video' ? 'popup.video' : 'popup.audio')}${file ? ` · ${file}` : ''}`}</Fact>
        </FactList>
        <p className="muted mt-3 text-xs">
          {t(f.media === 'video' ? 'detailsFingerprints.noPdqVideo' : 'detailsFingerprints.noPdqAudio')}
        </p>
      </Section>
    );
  }
  return (
    <Section id="fingerprints" title={t('detailsFingerprints.title')}>
      <FactList>
        <Fact term={t('detailsFingerprints.sha256Bytes')}>
          <HashValue value={f.sha256} label={t('detailsFingerprints.sha256BytesLabel')} copy={copy} />
        </Fact>
        <Fact term={t('detailsFingerprints.file')}>{file || undefined}</Fact>
        <Fact term={t('detailsFingerprints.pdqHash')}>
          {f.pdq && <HashValue value={f.pdq.hash} label={t('detailsFingerprints.pdqHash')} copy={copy} />}
        </Fact>
        <Fact term={t('detailsFingerprints.pdqQuality')}>
          {f.pdq &&
            (usable
              ? t('detailsFingerprints.quality', [f.pdq.quality])
              : t('detailsFingerprints.qualityLow', [f.pdq.quality, PDQ_MIN_QUALITY]))}
        </Fact>
        <Fact term="PDQ">
          {!f.pdq &&
            (f.pdqError
              ? t('detailsFingerprints.notComputedWith', [f.pdqError])
              : t('detailsFingerprints.notComputed'))}
        </Fact>
      </FactList>
    </Section>
  );
}
