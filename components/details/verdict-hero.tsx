import { renderReason } from '../../lib/i18n/render-reason.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { t } from '../common/i18n.ts';
import { VerdictBadge } from '../common/verdict-badge.tsx';
import { TimeText } from './time-text.tsx';

/** Every concrete failure behind a "could not check" verdict, so the user sees what went wrong, not a shrug. */
function failures(details: ItemDetails): string[] {
  const { evidence } = details;
  const out: string[] = [];
  if (evidence.fetchError) out.push(t('detailsPage.fetchFailed', [evidence.fetchError]));
  if (evidence.c2pa?.state === 'error')
    out.push(t('detailsPage.c2paFailed', [evidence.c2pa.error ?? t('detailsPage.unknownError')]));
  for (const e of evidence.chain?.errors ?? []) out.push(t('detailsPage.chainFailed', [e]));
  return out;
}

/** The verdict, big, with its one-line reason as the page's main heading. */
export function VerdictHero({ details, now }: { details: ItemDetails; now: number }) {
  const problems = details.verdict === 'error' ? failures(details) : [];
  return (
    <div className="flex flex-col gap-3">
      <div>
        <VerdictBadge state={details.verdict} variant={details.variant} size="lg" />
      </div>
      <h1 className="font-semibold text-2xl leading-snug">{renderReason(details, t)}</h1>
      {details.verdict === 'error' && (
        <div className="rounded-lg border-2 border-slate-400 border-dotted p-3 text-sm dark:border-slate-500">
          <p className="font-medium">{t('detailsPage.couldNotCheck')}</p>
          {problems.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="muted text-sm">
        {t('detailsPage.checked')} <TimeText value={details.checkedAt} now={now} />
        {details.listsVersion && <span> · {details.listsVersion}</span>}
      </p>
    </div>
  );
}
