import { array, isObject, type JsonObject, manifestsOf, STORE_LIMITS, text } from './store-json.ts';

/**
 * The manifests of a store in the order the provenance DAG gives them, each with how it relates to the asset
 * in hand. The rubric evaluates each manifest "locally" (docs/reference/c2pa-asset-rubrics/C2PA Asset Rubrics.md,
 * "Signals Rubrics"); the relation says what a local signal means for the whole asset:
 * - `self`: the active manifest;
 * - `parent`: reached only through `parentOf` ingredients, i.e. earlier states of this same asset;
 * - `component`: reached through a `componentOf` ingredient, a part composed into the asset;
 * - `input`: reached through an `inputTo` ingredient, e.g. a prompt image, which is not in the asset itself;
 * - `unlinked`: in the store but referenced by no ingredient we could follow.
 * Ingredient relationships: C2PA 2.2 §18.15.3.
 */

export type ManifestRelation = 'self' | 'parent' | 'component' | 'input' | 'unlinked';

export interface ManifestNode {
  label: string;
  manifest: JsonObject;
  relation: ManifestRelation;
  where: 'active' | 'ingredient';
}

/** Lower is closer to the asset itself; a manifest reached by several paths keeps its closest relation. */
const RANK: Record<ManifestRelation, number> = { self: 0, parent: 1, component: 2, input: 3, unlinked: 4 };

/** The label of the manifest an ingredient points to, under either name the engine uses. */
export function ingredientManifestLabel(ingredient: JsonObject): string | undefined {
  return text(ingredient.active_manifest, 1000) ?? text(ingredient.manifest, 1000);
}

export function ingredientsOf(manifest: JsonObject): JsonObject[] {
  return array(manifest.ingredients, STORE_LIMITS.ingredientsPerManifest).filter(isObject);
}

function edge(from: ManifestRelation, relationship: unknown): ManifestRelation {
  if (from === 'input' || relationship === 'inputTo') return 'input';
  if (from === 'component' || relationship === 'componentOf') return 'component';
  // parentOf, and anything unknown: C2PA 2.2 §18.15.3 makes parentOf the default relationship.
  return 'parent';
}

export function manifestGraph(store: unknown): ManifestNode[] {
  const manifests = manifestsOf(store);
  const active = isObject(store) ? text(store.active_manifest, 1000) : undefined;
  const relation = new Map<string, ManifestRelation>();
  if (active && manifests.has(active)) {
    relation.set(active, 'self');
    // Breadth-first with re-visits only when a shorter relation is found: at most 4 visits per manifest.
    const queue: string[] = [active];
    let steps = 0;
    while (queue.length > 0 && steps < STORE_LIMITS.manifests * 4) {
      steps += 1;
      const label = queue.shift() as string;
      const from = relation.get(label) ?? 'unlinked';
      const manifest = manifests.get(label);
      if (!manifest) continue;
      for (const ingredient of ingredientsOf(manifest)) {
        const target = ingredientManifestLabel(ingredient);
        if (!target || !manifests.has(target)) continue;
        const next = edge(from, ingredient.relationship);
        const known = relation.get(target);
        if (known !== undefined && RANK[known] <= RANK[next]) continue;
        relation.set(target, next);
        queue.push(target);
      }
    }
  }
  const nodes: ManifestNode[] = [];
  for (const [label, manifest] of manifests) {
    const rel = relation.get(label) ?? 'unlinked';
    nodes.push({ label, manifest, relation: rel, where: rel === 'self' ? 'active' : 'ingredient' });
  }
  return nodes.sort((a, b) => RANK[a.relation] - RANK[b.relation]);
}
