import type { C2paChainStep } from '../../lib/evidence/types.ts';
import { signerName, toolName } from '../../lib/format/c2pa-words.ts';
import { t } from '../common/i18n.ts';

/** Who signed each state of this file, newest first: a CDN that re-signed a resize, then the origin. */
export function SigningChain({ steps }: { steps: readonly C2paChainStep[] | undefined }) {
  if (!steps || steps.length === 0) return null;
  return (
    <ol className="space-y-1 text-sm" data-testid="signing-chain">
      {steps.map((step, i) => (
        <li key={step.manifestLabel}>
          <span className="font-medium">{signerName(step.signer) ?? t('detailsC2pa.unnamedSigner')}</span>
          {step.resigner && <span>{t('detailsC2pa.resignedBy', [step.resigner])}</span>}
          {i === steps.length - 1 && steps.length > 1 && !step.resigner && (
            <span>{t('detailsC2pa.origin')}</span>
          )}
          {step.claimGenerator && <span className="muted"> · {toolName(step.claimGenerator)}</span>}
        </li>
      ))}
    </ol>
  );
}
