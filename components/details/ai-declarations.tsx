import type { C2paEvidence } from '../../lib/evidence/types.ts';
import { aiDeclarationWords } from '../../lib/format/c2pa-words.ts';
import { t } from '../common/i18n.ts';

/** Where AI use was declared. Shown only when there is a declaration. */
export function AiDeclarations({ c2pa }: { c2pa: C2paEvidence }) {
  const list = c2pa.ai ?? [];
  if (!c2pa.aiGenerated && list.length === 0) return null;
  return (
    <div className="rounded-lg border border-violet-300 bg-violet-50 p-3 text-sm dark:border-violet-800 dark:bg-violet-950/40">
      <h3 className="font-semibold text-violet-900 dark:text-violet-200">{t('detailsC2pa.aiDeclared')}</h3>
      {list.length === 0 ? (
        <p className="mt-1">{t('detailsC2pa.aiDeclaredGeneric')}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {list.map((d) => (
            <li key={`${d.where}:${d.value}:${d.manifestLabel ?? ''}`}>
              {aiDeclarationWords(d, t)}
              {d.manifestLabel && <code className="muted ml-1 break-all text-xs">({d.manifestLabel})</code>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
