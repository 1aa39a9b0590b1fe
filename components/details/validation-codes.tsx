import { explainStatusCode } from '../../lib/c2pa/status-codes.ts';
import { type CodeTone, sortCodes } from '../../lib/format/status-tone.ts';
import type { MessageKey } from '../../lib/i18n/translate.ts';
import { t } from '../common/i18n.ts';

const TONE: Record<CodeTone, { label: MessageKey; className: string }> = {
  fail: {
    label: 'detailsC2pa.codeFailed',
    className: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  },
  warn: {
    label: 'detailsC2pa.codeNote',
    className: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  },
  ok: {
    label: 'detailsC2pa.codePassed',
    className: 'bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200',
  },
};

/** Validation status codes, failures first, each explained in words. */
export function ValidationCodes({
  codes,
  failing,
}: {
  codes: readonly string[];
  failing?: ReadonlySet<string> | undefined;
}) {
  if (codes.length === 0) return <p className="muted text-sm">{t('detailsC2pa.noCodes')}</p>;
  return (
    <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {sortCodes(codes, failing).map(({ code, tone }) => (
        <li key={code} className="flex items-start gap-3 py-2">
          <span
            className={`mt-0.5 w-14 shrink-0 rounded px-1.5 py-0.5 text-center font-semibold text-[11px] ${TONE[tone].className}`}
          >
            {t(TONE[tone].label)}
          </span>
          <div className="min-w-0">
            <code className="break-all text-xs">{code}</code>
            <p className="muted">{explainStatusCode(code, t)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
