import type { ReactNode } from 'react';
import { t } from '../common/i18n.ts';
import { Logo } from '../common/logo.tsx';

/** The page banner: the brand on the left, page-level actions on the right. */
export function DetailsHeader({ actions }: { actions?: ReactNode }) {
  return (
    <header className="border-slate-200 border-b bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-6 py-3">
        <p className="flex items-center gap-2 font-semibold">
          <Logo size={28} />
          <span>Origin Lens</span>
          <span className="muted font-normal">· {t('detailsPage.evidence')}</span>
        </p>
        {actions}
      </div>
    </header>
  );
}
