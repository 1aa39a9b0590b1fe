import { groupHex } from '../../lib/format/hex.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { t } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';

/**
 * A hash or address shown in full (grouped for reading) with a copy button that copies the raw value.
 * The full value is always on screen: fact-checkers compare hashes character by character.
 */
export function HashValue({
  value,
  label,
  copy,
  group = true,
}: {
  value: string;
  label: string;
  copy: CopyText;
  group?: boolean;
}) {
  return (
    <span className="flex items-start gap-2">
      <code className="min-w-0 break-all text-[13px] leading-relaxed">{group ? groupHex(value) : value}</code>
      <CopyButton value={value} copy={copy} label={t('detailsPage.copy')} describedAs={label} />
    </span>
  );
}
