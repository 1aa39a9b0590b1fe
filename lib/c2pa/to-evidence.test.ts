import { describe, expect, it } from 'vitest';
import type { C2paIngredient } from '../evidence/types.ts';
import {
  activeThumbnail,
  aiDeclarations,
  errorEvidence,
  LIMITS,
  noneEvidence,
  signerTrustUri,
  toEvidence,
} from './to-evidence.ts';

/**
 * Synthetic manifest stores in the shape of c2pa-rs's Reader JSON, for what the fixtures do not cover:
 * cycles, depth, hostile types, action-agent variants. The fixtures themselves are in read-c2pa.test.ts.
 */

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const tier = (uri: string | undefined) =>
  uri === 'list:a'
    ? { list: 'official' as const, tier: 'trusted' as const }
    : { list: null, tier: 'untrusted' as const };
const map = (store: unknown, extra = {}) => toEvidence(JSON.stringify(store), { trust: tier, ...extra });

function manifest(label: string, more: Record<string, unknown> = {}) {
  return {
    label,
    claim_generator: `gen-${label}`,
    title: `${label}.jpg`,
    format: 'image/jpeg',
    assertions: [],
    ...more,
  };
}

function store(active: string, manifests: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return { active_manifest: active, manifests, validation_state: 'Valid', ...more };
}

function countNodes(list: C2paIngredient[]): number {
  return list.reduce((n, i) => n + 1 + countNodes(i.ingredients), 0);
}

describe('toEvidence', () => {
  it('maps state from validation_state and trust from the matched list', () => {
    const results = {
      activeManifest: {
        success: [
          {
            code: 'signingCredential.trusted',
            url: 'self#jumbf=/c2pa/m/c2pa.signature',
            explanation: 'signing certificate trusted, found in [list:a] trust anchors',
          },
        ],
        informational: [{ code: 'signingCredential.ocsp.skipped' }],
        failure: [],
      },
    };
    const valid = map(
      store('m', { m: manifest('m') }, { validation_state: 'Trusted', validation_results: results }),
    );
    expect(valid).toMatchObject({
      state: 'valid',
      trust: 'trusted',
      codes: ['signingCredential.ocsp.skipped'],
    });
    const invalid = map(
      store(
        'm',
        { m: manifest('m') },
        {
          validation_state: 'Invalid',
          validation_status: [{ code: 'assertion.dataHash.mismatch' }],
        },
      ),
    );
    expect(invalid).toMatchObject({
      state: 'invalid',
      trust: 'untrusted',
      codes: ['assertion.dataHash.mismatch'],
    });
  });

  it('without validation_state, any failure beyond an untrusted signer means invalid', () => {
    const base = store('m', { m: manifest('m') }, { validation_state: undefined });
    const untrusted = {
      validation_results: { activeManifest: { failure: [{ code: 'signingCredential.untrusted' }] } },
    };
    expect(map({ ...base, ...untrusted }).state).toBe('valid');
    const broken = {
      validation_results: { activeManifest: { failure: [{ code: 'claimSignature.mismatch' }] } },
    };
    expect(map({ ...base, ...broken }).state).toBe('invalid');
  });

  it('gives an error for unreadable JSON or a missing active manifest', () => {
    expect(toEvidence('{not json', { trust: tier })).toMatchObject({ state: 'error', trust: null });
    expect(toEvidence('[]', { trust: tier }).state).toBe('error');
    expect(map({ manifests: { m: manifest('m') } }).error).toMatch(/no active manifest/);
    expect(map(store('missing', { m: manifest('m') })).state).toBe('error');
  });

  it('reads software agents as strings, objects, or indexes into softwareAgents', () => {
    const actions = {
      label: 'c2pa.actions.v2',
      data: {
        softwareAgents: [{ name: 'Agent Zero', version: '1' }],
        actions: [
          {
            action: 'c2pa.created',
            softwareAgent: { name: 'Firefly', version: '4' },
            when: '2025-01-01T00:00:00Z',
          },
          { action: 'c2pa.edited', softwareAgent: 'Photoshop 26' },
          { action: 'c2pa.resized', softwareAgentIndex: 0, description: 'smaller' },
          { action: 'c2pa.color_adjustments', parameters: { description: 'warmer' } },
          { action: 42 },
          'not an object',
        ],
      },
    };
    const legacy = { label: 'c2pa.actions__1', data: { actions: [{ action: 'c2pa.published' }] } };
    const e = map(store('m', { m: manifest('m', { assertions: [actions, legacy] }) }));
    expect(e.actions).toEqual([
      { action: 'c2pa.created', softwareAgent: 'Firefly', when: '2025-01-01T00:00:00Z' },
      { action: 'c2pa.edited', softwareAgent: 'Photoshop 26' },
      { action: 'c2pa.resized', softwareAgent: 'Agent Zero', description: 'smaller' },
      { action: 'c2pa.color_adjustments', description: 'warmer' },
      { action: 'c2pa.published' },
    ]);
  });

  it('caps text and action counts (manifest content is attacker-written)', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      action: `a${i}`,
      description: 'x'.repeat(10_000),
    }));
    const e = map(
      store('m', {
        m: manifest('m', {
          title: 't'.repeat(5000),
          assertions: [{ label: 'c2pa.actions', data: { actions: many } }],
        }),
      }),
    );
    expect(e.actions).toHaveLength(LIMITS.actionsPerManifest);
    expect(e.actions[0]?.description?.length).toBeLessThanOrEqual(LIMITS.text + 1);
    expect(e.title?.length).toBeLessThanOrEqual(LIMITS.text + 1);
  });

  it('ignores values of the wrong type instead of throwing', () => {
    const hostile = store(
      'm',
      {
        m: {
          claim_generator: 123,
          claim_generator_info: 'nope',
          title: { x: 1 },
          signature_info: 'nope',
          assertions: 'nope',
          ingredients: [null, 7, { title: ['x'], active_manifest: 5 }],
          thumbnail: { identifier: 1 },
        },
      },
      { validation_results: 'nope', validation_status: [null, { code: 1 }, { code: 'ok.code' }] },
    );
    const e = map(hostile);
    // validation_status lists failures: an unknown one is a conformance fault of the active manifest.
    expect(e.state).toBe('invalid');
    expect(e.failures?.conformance.map((f) => f.code)).toEqual(['ok.code']);
    expect(e.failures?.tamper).toEqual([]);
    expect(e.codes).toEqual(['ok.code']);
    expect(e.ingredients).toEqual([{ actions: [], ingredients: [] }]);
    expect(e.claimGenerator).toBeUndefined();
    expect(activeThumbnail(hostile)).toBeUndefined();
  });

  it('stops a cycle of ingredient manifests instead of recursing forever', () => {
    // a → b → a …: impossible in a valid store, trivial to write in a hostile one.
    const a = manifest('a', { ingredients: [{ title: 'B', active_manifest: 'b' }] });
    const b = manifest('b', { ingredients: [{ title: 'A again', active_manifest: 'a' }] });
    const e = map(store('a', { a, b }));
    const B = e.ingredients[0];
    expect(B).toMatchObject({ title: 'B', manifestLabel: 'b', claimGenerator: 'gen-b' });
    const again = B?.ingredients[0];
    expect(again).toMatchObject({ title: 'A again', manifestLabel: 'a', truncated: true, ingredients: [] });
  });

  it('cuts a deep chain at the depth limit and a wide tree at the node limit', () => {
    const chain: Record<string, unknown> = {};
    for (let i = 0; i < 20; i++)
      chain[`m${i}`] = manifest(`m${i}`, {
        ingredients: [{ title: `t${i + 1}`, active_manifest: `m${i + 1}` }],
      });
    const deep = map(store('m0', chain));
    let node: C2paIngredient | undefined = deep.ingredients[0];
    let depth = 1;
    while (node && node.ingredients.length > 0) {
      node = node.ingredients[0];
      depth++;
    }
    expect(depth).toBe(LIMITS.ingredientDepth);
    expect(node?.truncated).toBe(true);

    // Every manifest lists the same 10 children: 10^depth nodes if nothing stopped it.
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) {
      wide[`w${i}`] = manifest(`w${i}`, {
        ingredients: Array.from({ length: 10 }, (_, j) => ({ title: `c${j}`, active_manifest: `w${j}` })),
      });
    }
    const broad = map(store('w0', wide));
    expect(countNodes(broad.ingredients)).toBeLessThanOrEqual(LIMITS.ingredientNodes);
  });

  it('reads the time-stamp authority from the engine explanation for that manifest only', () => {
    const results = {
      activeManifest: {
        success: [
          {
            code: 'timeStamp.validated',
            url: 'self#jumbf=/c2pa/m/c2pa.signature',
            explanation: 'timestamp message digest matched: TSA One',
          },
          {
            code: 'timeStamp.trusted',
            url: 'self#jumbf=/c2pa/other/c2pa.signature',
            explanation: 'timestamp cert trusted: Not Mine, trust list: x',
          },
        ],
      },
    };
    const m = manifest('m', {
      signature_info: { issuer: 'Org', common_name: 'CN', time: '2024-01-01T00:00:00+00:00' },
    });
    const e = map(store('m', { m }, { validation_results: results }));
    expect(e.signer).toEqual({
      issuer: 'Org',
      commonName: 'CN',
      time: '2024-01-01T00:00:00+00:00',
      timestampAuthority: 'TSA One',
    });
  });

  it('caps the raw JSON kept for the details page', () => {
    const s = store('m', { m: manifest('m') });
    expect(map(s).raw).toEqual(s);
    const capped = map(s, { maxRawChars: 10 }).raw as Record<string, unknown>;
    expect(capped).toMatchObject({ truncated: true, active_manifest: 'm', validation_state: 'Valid' });
  });
});

describe('aiDeclarations', () => {
  const actions = (dst: unknown) => ({
    label: 'c2pa.actions',
    data: { actions: [{ action: 'c2pa.created', digitalSourceType: dst }] },
  });

  it('counts only trainedAlgorithmicMedia and compositeWithTrainedAlgorithmicMedia', () => {
    for (const [value, ai] of [
      [`${IPTC}trainedAlgorithmicMedia`, true],
      [`${IPTC}compositeWithTrainedAlgorithmicMedia`, true],
      ['trainedAlgorithmicMedia', true],
      [`${IPTC}algorithmicMedia`, false],
      [`${IPTC}digitalCapture`, false],
      [`${IPTC}compositeSynthetic`, false],
      [`${IPTC}notTrainedAlgorithmicMedia`, false],
      [42, false],
    ] as const) {
      const s = store('m', { m: manifest('m', { assertions: [actions(value)] }) });
      expect(aiDeclarations(s).length > 0, String(value)).toBe(ai);
    }
  });

  it('finds AI in action templates and in IPTC metadata assertions too', () => {
    const template = {
      label: 'c2pa.actions.v2',
      data: {
        actions: [],
        templates: [{ action: '*', digitalSourceType: `${IPTC}trainedAlgorithmicMedia` }],
      },
    };
    const iptc = {
      label: 'stds.iptc',
      data: { 'Iptc4xmpExt:DigitalSourceType': { '@id': `${IPTC}trainedAlgorithmicMedia` } },
    };
    expect(aiDeclarations(store('m', { m: manifest('m', { assertions: [template] }) }))).toHaveLength(1);
    expect(aiDeclarations(store('m', { m: manifest('m', { assertions: [iptc] }) }))).toHaveLength(1);
  });

  it('labels where: active first, then ingredients; vendor assertions with their label', () => {
    const s = store('act', {
      ing: manifest('ing', { assertions: [actions(`${IPTC}trainedAlgorithmicMedia`)] }),
      act: manifest('act', { assertions: [{ label: 'com.adobe.generative-ai__1', data: {} }] }),
    });
    expect(aiDeclarations(s)).toEqual([
      { where: 'vendor-assertion', value: 'com.adobe.generative-ai', manifestLabel: 'act' },
      { where: 'ingredient', value: `${IPTC}trainedAlgorithmicMedia`, manifestLabel: 'ing' },
    ]);
    expect(map(s).aiGenerated).toBe(true);
  });

  it('reports each declaration once, and at most LIMITS.aiDeclarations', () => {
    const dup = Array.from({ length: 50 }, () => actions(`${IPTC}trainedAlgorithmicMedia`));
    expect(aiDeclarations(store('m', { m: manifest('m', { assertions: dup }) }))).toHaveLength(1);
    const manifests: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++)
      manifests[`m${i}`] = manifest(`m${i}`, { assertions: [actions(`${IPTC}trainedAlgorithmicMedia`)] });
    expect(aiDeclarations(store('m0', manifests))).toHaveLength(LIMITS.aiDeclarations);
  });
});

describe('helpers', () => {
  it('signerTrustUri reads only a trusted-signer success of the active manifest', () => {
    const s = {
      validation_results: {
        activeManifest: {
          success: [
            {
              code: 'signingCredential.trusted',
              explanation: 'signing certificate trusted, found in [x:y] trust anchors',
            },
          ],
        },
      },
    };
    expect(signerTrustUri(s)).toBe('x:y');
    expect(
      signerTrustUri({
        validation_results: {
          activeManifest: { failure: [{ code: 'signingCredential.trusted', explanation: 'found in [x:y]' }] },
        },
      }),
    ).toBeUndefined();
    expect(signerTrustUri(null)).toBeUndefined();
  });

  it('none and error evidence have the required empty fields', () => {
    expect(noneEvidence()).toEqual({
      state: 'none',
      trust: null,
      codes: [],
      aiGenerated: false,
      actions: [],
      ingredients: [],
    });
    expect(errorEvidence('why', { remoteUrl: 'https://x' })).toMatchObject({
      state: 'error',
      error: 'why',
      remoteUrl: 'https://x',
      trust: null,
    });
  });
});
