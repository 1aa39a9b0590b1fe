import type { C2paAction } from '../../lib/evidence/types.ts';
import { timelineRows } from '../../lib/format/c2pa-words.ts';
import { t } from '../common/i18n.ts';
import { TimeText } from './time-text.tsx';

/** The edit history as a vertical timeline; AI steps are marked so they stand out. */
export function ActionTimeline({ actions, now }: { actions: readonly C2paAction[]; now: number }) {
  const rows = timelineRows(actions, t);
  if (rows.length === 0) return <p className="muted text-sm">{t('detailsC2pa.noActions')}</p>;
  return (
    <ol className="relative ml-2 border-slate-300 border-l dark:border-slate-700">
      {rows.map((row, index) => (
        // Actions have no id and may repeat; their position in the manifest is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is static for the life of the page.
        <li key={index} className="relative mb-4 pl-5 last:mb-0">
          <span
            aria-hidden="true"
            className={`absolute top-1.5 -left-[5px] size-2.5 rounded-full ${row.ai ? 'bg-violet-600' : 'bg-slate-400 dark:bg-slate-500'}`}
          />
          <p className="font-medium text-sm">
            <span title={row.action}>{row.title}</span>
            {row.ai && (
              <span className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 font-semibold text-[11px] text-violet-800 dark:bg-violet-950 dark:text-violet-200">
                {t('detailsC2pa.aiTag')}
              </span>
            )}
          </p>
          <div className="muted space-y-0.5 text-xs">
            {row.when && (
              <p>
                <TimeText value={row.when} now={now} relative={false} />
              </p>
            )}
            {row.softwareAgent && <p>{t('detailsC2pa.withTool', [row.softwareAgent])}</p>}
            {row.sourceWords && (
              <p
                className={row.ai ? 'font-medium text-violet-800 dark:text-violet-300' : ''}
                title={row.sourceType}
              >
                {t('detailsC2pa.source', [row.sourceWords])}
              </p>
            )}
            {row.description && <p>“{row.description}”</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
