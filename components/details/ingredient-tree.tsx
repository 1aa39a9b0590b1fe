import type { C2paIngredient } from '../../lib/evidence/types.ts';
import { relationshipWords, signerName, toolName } from '../../lib/format/c2pa-words.ts';
import { t } from '../common/i18n.ts';
import { ActionTimeline } from './action-timeline.tsx';
import { Fact, FactList } from './fact-list.tsx';

function IngredientNode({
  ingredient,
  depth,
  now,
}: {
  ingredient: C2paIngredient;
  depth: number;
  now: number;
}) {
  const relation = relationshipWords(ingredient.relationship, t);
  return (
    // The first level starts open: it is usually one parent and says the most; deeper levels stay closed.
    <details open={depth === 0} className="rounded-lg border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer px-3 py-2 text-sm">
        <span className="font-medium">{ingredient.title ?? t('detailsC2pa.untitledIngredient')}</span>
        {relation && <span className="muted"> · {relation}</span>}
        {!ingredient.manifestLabel && <span className="muted"> · {t('detailsC2pa.noOwnCredentials')}</span>}
      </summary>
      <div className="space-y-3 border-slate-200 border-t px-3 py-3 dark:border-slate-700">
        <FactList>
          <Fact term={t('detailsC2pa.format')}>{ingredient.format}</Fact>
          <Fact term={t('detailsC2pa.tool')}>{toolName(ingredient.claimGenerator)}</Fact>
          <Fact term={t('detailsC2pa.signedBy')}>{signerName(ingredient.signer)}</Fact>
          <Fact term={t('detailsC2pa.manifest')}>
            {ingredient.manifestLabel && (
              <code className="break-all text-xs">{ingredient.manifestLabel}</code>
            )}
          </Fact>
        </FactList>
        {ingredient.actions.length > 0 && <ActionTimeline actions={ingredient.actions} now={now} />}
        {ingredient.ingredients.length > 0 && (
          <IngredientList ingredients={ingredient.ingredients} depth={depth + 1} now={now} />
        )}
        {ingredient.truncated && <p className="muted text-xs">{t('detailsC2pa.depthLimit')}</p>}
      </div>
    </details>
  );
}

function IngredientList({
  ingredients,
  depth,
  now,
}: {
  ingredients: readonly C2paIngredient[];
  depth: number;
  now: number;
}) {
  return (
    <ul className="space-y-2">
      {ingredients.map((ingredient, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ingredients have no stable id and never reorder.
        <li key={index}>
          <IngredientNode ingredient={ingredient} depth={depth} now={now} />
        </li>
      ))}
    </ul>
  );
}

/** The files this one was made from, nested as the manifest records them. */
export function IngredientTree({
  ingredients,
  now,
}: {
  ingredients: readonly C2paIngredient[];
  now: number;
}) {
  if (ingredients.length === 0) return <p className="muted text-sm">{t('detailsC2pa.noIngredients')}</p>;
  return <IngredientList ingredients={ingredients} depth={0} now={now} />;
}
