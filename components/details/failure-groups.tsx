import { explainStatusCode } from '../../lib/c2pa/status-codes.ts';
import type { C2paEvidence } from '../../lib/evidence/types.ts';
import { FAILURE_GROUP_WORDS } from '../../lib/format/failure-words.ts';
import { t } from '../common/i18n.ts';

/**
 * What failed, sorted by what it means: only "Changed after signing" makes an item Tampered; a credential
 * problem behind an AI verdict and an earlier step's fault are shown as such, with their codes.
 */
export function FailureGroups({ c2pa }: { c2pa: C2paEvidence }) {
  const failures = c2pa.failures;
  if (!failures) return null;
  const groups = FAILURE_GROUP_WORDS.filter(({ group }) => failures[group].length > 0);
  if (groups.length === 0) return null;
  return (
    <div className="space-y-3" data-testid="failure-groups">
      {groups.map(({ group, title: titleKey, meaning }) => {
        const title = t(titleKey);
        return (
          <section
            key={group}
            aria-label={title}
            className="rounded-lg border border-slate-300 p-3 text-sm dark:border-slate-700"
          >
            <h4 className="font-semibold">{title}</h4>
            <p className="muted">{t(meaning)}</p>
            <ul className="mt-2 space-y-1">
              {failures[group].map((f) => (
                <li key={`${f.code}|${f.manifestLabel ?? ''}|${f.explanation ?? ''}`}>
                  <code className="break-all text-xs">{f.code}</code> {explainStatusCode(f.code, t)}
                  {f.explanation && (
                    <span className="muted block break-words text-xs">
                      {t('detailsC2pa.engineSays', [f.explanation])}
                    </span>
                  )}
                  {f.manifestLabel && f.manifestLabel !== c2pa.activeManifest && (
                    <span className="muted block break-all text-xs">
                      {t('detailsC2pa.inManifest', [f.manifestLabel])}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
