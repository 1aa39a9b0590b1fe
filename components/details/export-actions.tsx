import { exportFileName, toExportJson } from '../../lib/format/export-name.ts';
import type { ItemDetails } from '../../lib/messages/protocol.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';

/** Copy or download the full ItemDetails, for fact-checkers who archive what they found. */
export function ExportActions({
  details,
  copy,
  download,
}: {
  details: ItemDetails;
  copy: CopyText;
  download: (fileName: string, text: string) => void;
}) {
  const json = toExportJson(details);
  return (
    <div className="flex items-center gap-2">
      <CopyButton value={json} copy={copy} label={t('detailsPage.copyJson')} className="btn" />
      <button
        type="button"
        className="btn-primary"
        onClick={() => download(exportFileName(details.key), json)}
      >
        {t('detailsPage.exportJson')}
      </button>
    </div>
  );
}
