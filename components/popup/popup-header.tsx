import { t } from '../common/i18n.ts';
import { Logo } from '../common/logo.tsx';

export function PopupHeader({ site }: { site: string | null }) {
  return (
    <header className="flex items-center gap-2 border-slate-200 border-b px-3 py-2.5 dark:border-slate-800">
      <Logo size={24} />
      <div className="min-w-0">
        <h1 className="font-semibold text-sm leading-tight">{t('extName')}</h1>
        {site && (
          <p className="muted truncate text-xs" title={site}>
            {site}
          </p>
        )}
      </div>
    </header>
  );
}
