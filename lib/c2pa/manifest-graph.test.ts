import { describe, expect, it } from 'vitest';
import { manifestGraph } from './manifest-graph.ts';

const ing = (relationship: string, active_manifest: string) => ({ relationship, active_manifest });

describe('manifest graph', () => {
  it('places each manifest by its path from the active one', () => {
    const nodes = manifestGraph({
      active_manifest: 'A',
      manifests: {
        X: {},
        C: { ingredients: [ing('parentOf', 'CC')] },
        CC: {},
        I: {},
        P: { ingredients: [ing('componentOf', 'C'), { relationship: 'parentOf', manifest: 'PP' }] },
        PP: {},
        A: { ingredients: [ing('parentOf', 'P'), ing('inputTo', 'I')] },
      },
    });
    const relation = Object.fromEntries(nodes.map((n) => [n.label, n.relation]));
    expect(relation).toEqual({
      A: 'self',
      P: 'parent',
      PP: 'parent',
      C: 'component',
      CC: 'component',
      I: 'input',
      X: 'unlinked',
    });
    expect(nodes[0]).toMatchObject({ label: 'A', where: 'active' });
    expect(nodes.filter((n) => n.where === 'active')).toHaveLength(1);
  });

  it('keeps the closest relation when a manifest is reached twice, and survives cycles', () => {
    const nodes = manifestGraph({
      active_manifest: 'A',
      manifests: {
        A: { ingredients: [ing('inputTo', 'B'), ing('parentOf', 'C')] },
        C: { ingredients: [ing('parentOf', 'B'), ing('parentOf', 'A')] },
        B: { ingredients: [ing('parentOf', 'C')] },
      },
    });
    expect(Object.fromEntries(nodes.map((n) => [n.label, n.relation]))).toEqual({
      A: 'self',
      C: 'parent',
      B: 'parent',
    });
  });

  it('returns nothing usable for hostile input, and unlinked nodes when the active label is missing', () => {
    expect(manifestGraph(undefined)).toEqual([]);
    expect(manifestGraph({ manifests: 'x' })).toEqual([]);
    const nodes = manifestGraph({ active_manifest: 'gone', manifests: { B: { ingredients: 'x' } } });
    expect(nodes).toEqual([
      { label: 'B', manifest: { ingredients: 'x' }, relation: 'unlinked', where: 'ingredient' },
    ]);
  });
});
