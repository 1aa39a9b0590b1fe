import { describe, expect, it } from 'vitest';
import { IPTC_DST } from './digital-source-type.ts';
import { manifestActions } from './manifest-actions.ts';
import { STORE_LIMITS } from './store-json.ts';

const actions = (label: string, data: unknown) => ({ assertions: [{ label, data }] });

describe('manifest actions', () => {
  it('reads v1, v2 and __N instances together', () => {
    const read = manifestActions({
      assertions: [
        { label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.created' }] } },
        {
          label: 'c2pa.actions.v2__1',
          data: { actions: [{ action: 'c2pa.cropped' }], allActionsIncluded: true },
        },
        { label: 'stds.exif', data: { actions: [{ action: 'c2pa.not-an-action' }] } },
      ],
    });
    expect(read.actions.map((a) => a.action)).toEqual(['c2pa.created', 'c2pa.cropped']);
    expect(read.assertions).toBe(2);
    expect(read.allActionsIncluded).toBe(true);
  });

  it('takes the digitalSourceType from a parameter when the action has none', () => {
    const read = manifestActions(
      actions('c2pa.actions.v2', {
        actions: [
          {
            action: 'c2pa.opened',
            parameters: { 'com.adobe.digitalSourceType': `${IPTC_DST}trainedAlgorithmicMedia` },
          },
          { action: 'c2pa.edited', digitalSourceType: 'digitalArt', parameters: { digitalSourceType: 'x' } },
        ],
      }),
    );
    expect(read.actions[0]).toMatchObject({
      digitalSourceType: `${IPTC_DST}trainedAlgorithmicMedia`,
      sourceTypeFrom: 'parameter',
    });
    // The action's own field wins over a parameter.
    expect(read.actions[1]).toMatchObject({
      digitalSourceType: `${IPTC_DST}digitalArt`,
      sourceTypeFrom: 'field',
    });
  });

  it('names the software agent given as a string, a map, or an index into softwareAgents', () => {
    const read = manifestActions(
      actions('c2pa.actions.v2', {
        softwareAgents: [{ name: 'Adobe Firefly' }],
        actions: [
          { action: 'c2pa.created', softwareAgent: 'DALL·E' },
          { action: 'c2pa.created', softwareAgent: { name: 'Sora' } },
          { action: 'c2pa.edited', softwareAgentIndex: 0 },
          { action: 'c2pa.edited', softwareAgentIndex: 9 },
          { action: 'c2pa.edited', softwareAgentIndex: -1 },
        ],
      }),
    );
    expect(read.actions.map((a) => a.softwareAgent)).toEqual([
      'DALL·E',
      'Sora',
      'Adobe Firefly',
      undefined,
      undefined,
    ]);
  });

  it('survives hostile shapes and caps the number of actions', () => {
    expect(manifestActions(actions('c2pa.actions', { actions: 'no' })).actions).toEqual([]);
    expect(
      manifestActions(actions('c2pa.actions', { actions: [null, 3, { action: 5 }, {}] })).actions,
    ).toEqual([]);
    expect(manifestActions({ assertions: 'no' })).toEqual({
      actions: [],
      assertions: 0,
      allActionsIncluded: false,
    });
    const many = Array.from({ length: 1000 }, () => ({ action: 'c2pa.cropped' }));
    expect(manifestActions(actions('c2pa.actions.v2', { actions: many })).actions).toHaveLength(
      STORE_LIMITS.actionsPerManifest,
    );
  });
});
