import { PDQ_MIN_QUALITY } from '../../lib/fingerprint/hamming.ts';
import { formatBytes } from '../../lib/format/bytes.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { uiLanguage } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { Fact, FactList } from './fact-list.tsx';
import { HashValue } from './hash-value.tsx';
import { Section } from './section.tsx';

/** The hashes Origin Lens computed, so anyone can recompute them (e.g. with `origin-lens hash`). */
export function FingerprintsSection({ details, copy }: { details: ItemDetails; copy: CopyText }) {
  const f = details.evidence.fingerprints;
  if (!f) {
    return (
      <Section id="fingerprints" title="Fingerprints">
        <p className="text-sm">
          {details.evidence.fetchError
            ? `No fingerprints: the file could not be fetched (${details.evidence.fetchError}).`
            : 'No fingerprints were computed.'}
        </p>
      </Section>
    );
  }
  if (f.kind === 'text') {
    return (
      <Section id="fingerprints" title="Fingerprints">
        <FactList>
          <Fact term="SHA-256 (normalised text)">
            <HashValue value={f.sha256Collapsed} label="SHA-256 of the normalised text" copy={copy} />
          </Fact>
          <Fact term="ISCC Text-Code">
            {f.isccText ? (
              <HashValue value={f.isccText} label="ISCC Text-Code" copy={copy} group={false} />
            ) : (
              'Not computed'
            )}
          </Fact>
          {f.isccTextHex && (
            <Fact term="ISCC (hex)">
              <HashValue value={f.isccTextHex} label="ISCC hex" copy={copy} />
            </Fact>
          )}
          <Fact term="Characters">{f.characters.toLocaleString(uiLanguage())}</Fact>
        </FactList>
        <p className="muted mt-3 text-xs">
          The text is normalised first (case, spaces, punctuation removed), so re-wrapped or re-quoted copies
          match.
        </p>
      </Section>
    );
  }
  const usable = f.pdq && f.pdq.quality >= PDQ_MIN_QUALITY;
  const file = [
    details.mime,
    details.byteLength !== undefined ? formatBytes(details.byteLength, uiLanguage()) : undefined,
    f.width && f.height ? `${f.width} × ${f.height} px` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  if (f.media) {
    // Video and audio: the exact hash is what the registry records and what anyone can recompute.
    return (
      <Section id="fingerprints" title="Fingerprints">
        <FactList>
          <Fact term="SHA-256 (exact bytes)">
            <HashValue value={f.sha256} label="SHA-256 of the bytes" copy={copy} />
          </Fact>
          <Fact term="File">{`${f.media === 'video' ? 'Video' : 'Audio'}${file ? ` · ${file}` : ''}`}</Fact>
        </FactList>
        <p className="muted mt-3 text-xs">
          No perceptual hash for {f.media}: only an exact copy of these bytes matches a registry record.
        </p>
      </Section>
    );
  }
  return (
    <Section id="fingerprints" title="Fingerprints">
      <FactList>
        <Fact term="SHA-256 (exact bytes)">
          <HashValue value={f.sha256} label="SHA-256 of the bytes" copy={copy} />
        </Fact>
        <Fact term="File">{file || undefined}</Fact>
        <Fact term="PDQ hash">{f.pdq && <HashValue value={f.pdq.hash} label="PDQ hash" copy={copy} />}</Fact>
        <Fact term="PDQ quality">
          {f.pdq &&
            `${f.pdq.quality} of 100${usable ? '' : ` — too low to match (needs ${PDQ_MIN_QUALITY} or more)`}`}
        </Fact>
        <Fact term="PDQ">{!f.pdq && `Not computed${f.pdqError ? `: ${f.pdqError}` : ''}`}</Fact>
      </FactList>
    </Section>
  );
}
