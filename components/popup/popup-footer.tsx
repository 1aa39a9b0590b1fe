import { t } from '../common/i18n.ts';

/** Options link and the per-site switch. */
export function PopupFooter({
  site,
  enabled,
  onOptions,
  onToggleSite,
}: {
  site: string | null;
  enabled: boolean;
  onOptions: () => void;
  onToggleSite?: () => void;
}) {
  return (
    <footer className="flex items-center justify-between gap-2 border-slate-200 border-t px-3 py-2 dark:border-slate-800">
      <button type="button" className="btn-ghost text-xs" onClick={onOptions}>
        {t('popup.options')}
      </button>
      {site && onToggleSite && enabled && (
        <button type="button" className="btn-ghost text-xs" onClick={onToggleSite}>
          {t('popup.turnOff', [site])}
        </button>
      )}
    </footer>
  );
}
