import { useState } from 'react';
import type { BackgroundResponses, ItemDetails } from '../../lib/messages/protocol.ts';
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
    <Section id="soft-binding" title="Ask a Content Credentials resolution service">
      <p className="mb-3 text-sm">
        These services (added in Options) look for Content Credentials by the image’s content. Asking one{' '}
        <strong>uploads this image to it</strong>.
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
                  ? `Asking ${host(endpoint)}…`
                  : `Upload this image to ${host(endpoint)} and ask`}
              </button>
              {answer && answer !== 'busy' && 'error' in answer && (
                <p className="mt-2 text-sm">Could not ask: {answer.error}</p>
              )}
              {answer && answer !== 'busy' && 'matches' in answer && (
                <div className="mt-2 flex flex-col gap-2">
                  {answer.matches.length === 0 && (
                    <p className="text-sm">{host(endpoint)} found no Content Credentials.</p>
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
                        title={`Manifest from ${host(m.endpoint)}${m.similarityScore === undefined ? '' : ` (similarity ${m.similarityScore}/100)`}`}
                        integrity={
                          m.c2pa.state === 'valid'
                            ? 'Signature valid; a match by content is a lead, not proof'
                            : undefined
                        }
                      />
                    ) : (
                      <p key={m.manifestId} className="text-sm">
                        <code className="break-all">{m.manifestId}</code>: could not be checked ({m.error})
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
