import { CopyButton } from '../common/copy-button.tsx';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';

/** A collapsed block of pretty-printed JSON, for people who want the engine's own output. */
export function RawJson({ title, value, copy }: { title: string; value: unknown; copy: CopyText }) {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return (
    <details className="rounded-lg border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer px-3 py-2 font-medium text-sm">{title}</summary>
      <div className="border-slate-200 border-t dark:border-slate-700">
        <div className="flex justify-end px-2 pt-2">
          <CopyButton value={text} copy={copy} label={t('detailsPage.copy')} describedAs={title} />
        </div>
        <pre className="max-h-96 overflow-auto px-3 pb-3 text-xs leading-relaxed">
          <code>{text}</code>
        </pre>
      </div>
    </details>
  );
}
