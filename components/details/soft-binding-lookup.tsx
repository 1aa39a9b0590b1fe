import { useState } from 'react';
import { renderBackgroundError } from '../../lib/i18n/background-error.ts';
import type { BackgroundResponses, ItemDetails } from '../../lib/messages/protocol.ts';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { C2paSection } from './c2pa-section.tsx';
import { Section } from './section.tsx';

type Answer = BackgroundResponses['soft-binding-lookup'];

function host(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/**
 * The C2PA Soft Binding Resolution API services the user added in the options: one button each, which uploads the
 * image to that service (said on the button), then shows the manifests it names, validated like any other.
 */
export function SoftBindingLookup({
  details,
  endpoints,
  ask,
  copy,
  now,
}: {
  details: ItemDetails;
  endpoints: readonly string[];
  ask?: (endpoint: string) => Promise<Answer>;
  copy: CopyText;
  now: number;
}) {
  const [answers, setAnswers] = useState<Record<string, Answer | 'busy'>>({});
  if (details.kind !== 'image' || endpoints.length === 0 || !ask) return null;
  return (
    <Section id="soft-binding" title={t('detailsC2pa.softBindingTitle')}>
      <p className="mb-3 text-sm">
        {t('detailsC2pa.softBindingIntro')} <strong>{t('detailsC2pa.softBindingUploads')}</strong>
        {t('detailsC2pa.softBindingEnd')}
      </p>
      <div className="flex flex-col gap-4">
        {endpoints.map((endpoint) => {
          const answer = answers[endpoint];
          return (
            <div key={endpoint}>
              <button
                type="button"
                className="btn"
                disabled={answer === 'busy'}
                onClick={() => {
                  setAnswers((a) => ({ ...a, [endpoint]: 'busy' }));
                  ask(endpoint).then(
                    (next) => setAnswers((a) => ({ ...a, [endpoint]: next })),
                    (error: unknown) => setAnswers((a) => ({ ...a, [endpoint]: { error: String(error) } })),
                  );
                }}
              >
                {answer === 'busy'
                  ? t('detailsC2pa.softBindingAsking', [host(endpoint)])
                  : t('detailsC2pa.softBindingAsk', [host(endpoint)])}
              </button>
              {answer && answer !== 'busy' && 'error' in answer && (
                <p className="mt-2 text-sm">
                  {t('detailsC2pa.softBindingFailed', [renderBackgroundError(answer, t)])}
                </p>
              )}
              {answer && answer !== 'busy' && 'matches' in answer && (
                <div className="mt-2 flex flex-col gap-2">
                  {answer.matches.length === 0 && (
                    <p className="text-sm">{t('detailsC2pa.softBindingNone', [host(endpoint)])}</p>
                  )}
                  {answer.matches.map((m) =>
                    m.c2pa ? (
                      <C2paSection
                        key={m.manifestId}
                        details={details}
                        copy={copy}
                        now={now}
                        c2pa={m.c2pa}
                        id={`soft-binding-${m.manifestId.replace(/[^\w-]/g, '')}`}
                        title={
                          m.similarityScore === undefined
                            ? t('detailsC2pa.softBindingManifest', [host(m.endpoint)])
                            : t('detailsC2pa.softBindingManifestScore', [host(m.endpoint), m.similarityScore])
                        }
                        integrity={
                          m.c2pa.state === 'valid' ? t('detailsC2pa.softBindingIntegrity') : undefined
                        }
                      />
                    ) : (
                      <p key={m.manifestId} className="text-sm">
                        {t('detailsC2pa.softBindingUnchecked', [m.manifestId, m.error ?? ''])}
                      </p>
                    ),
                  )}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Section>
  );
}
