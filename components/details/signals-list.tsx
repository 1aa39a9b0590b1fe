import { isInferredSignal } from '../../lib/c2pa/asset-signals.ts';
import { SIGNAL_WORDS } from '../../lib/c2pa/signal-words.ts';
import type { C2paSignal, C2paSignals } from '../../lib/evidence/types.ts';
import { labelWords } from '../../lib/i18n/render-reason.ts';
import { t } from '../common/i18n.ts';

function words(signal: C2paSignal): { rubric: string; plain: string } {
  const known = SIGNAL_WORDS[signal.signal as keyof typeof SIGNAL_WORDS];
  return known
    ? { rubric: known.rubric, plain: t(known.plain) }
    : { rubric: signal.signal, plain: signal.signal };
}

function SignalRows({ title, list }: { title: string; list: readonly C2paSignal[] }) {
  if (list.length === 0) return null;
  return (
    <div>
      <h4 className="font-semibold">{title}</h4>
      <ul className="mt-1 space-y-1">
        {list.map((s) => {
          const w = words(s);
          const inferred = isInferredSignal(s);
          return (
            <li key={`${s.ruleId}|${s.manifestLabel ?? ''}|${s.evidence}`}>
              <span className="font-medium">{w.plain}</span>
              {inferred ? t('detailsC2pa.signalInferred') : ''}
              <span className="muted block text-xs">
                {w.rubric} ·{' '}
                {t(s.where === 'active' ? 'detailsC2pa.signalThisFile' : 'detailsC2pa.signalEarlierStep')} ·{' '}
                {s.evidence} · <code>{s.ruleId}</code>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The C2PA Asset Rubrics 1.0 signals (inception and transformations), with the rule that found each. */
export function SignalsList({ signals }: { signals: C2paSignals | undefined }) {
  if (!signals || (signals.inception.length === 0 && signals.transformations.length === 0)) return null;
  return (
    <div className="space-y-3 text-sm" data-testid="asset-signals">
      {signals.label && (
        <p>
          <span className="font-semibold">{labelWords(signals.label, t)}</span>
          <span className="muted">{t('detailsC2pa.signalsFrom')}</span>
        </p>
      )}
      <SignalRows title={t('detailsC2pa.howMade')} list={signals.inception} />
      <SignalRows title={t('detailsC2pa.whatDone')} list={signals.transformations} />
    </div>
  );
}
