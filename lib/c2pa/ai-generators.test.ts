import { describe, expect, it } from 'vitest';
import { AI_GENERATORS, generatorOfCreation, inferredGenerator, knownGenerator } from './ai-generators.ts';

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const created = (extra: Record<string, unknown> = {}, manifest: Record<string, unknown> = {}) => ({
  ...manifest,
  assertions: [{ label: 'c2pa.actions.v2', data: { actions: [{ action: 'c2pa.created', ...extra }] } }],
});

describe('knownGenerator', () => {
  it.each([
    ['Image Creator from Designer', 'Image Creator from Designer'],
    ['Bing Image Creator', 'Image Creator from Designer'],
    ['DALL·E', 'DALL·E'],
    ['DALL-E 3', 'DALL·E'],
    ['dalle', 'DALL·E'],
    ['ChatGPT', 'ChatGPT'],
    ['Sora', 'Sora'],
    ['Adobe Firefly', 'Adobe Firefly'],
    ['Adobe_Firefly/1.0 adobe_c2pa/0.7.6 c2pa-rs/0.25.2', 'Adobe Firefly'],
    ['Google Imagen', 'Google Imagen'],
    ['Imagen 3', 'Google Imagen'],
    ['Gemini', 'Google Gemini'],
    ['Veo 3', 'Google Veo'],
    ['Titan Image Generator G1', 'Amazon Titan Image Generator'],
    ['amazon.titan-image-generator-v2:0', 'Amazon Titan Image Generator'],
    ['Amazon Nova Canvas', 'Amazon Nova Canvas'],
    ['Midjourney', 'Midjourney'],
    ['Stable Diffusion XL', 'Stable Diffusion'],
    ['Stability AI', 'Stability AI'],
    ['RunwayML', 'Runway'],
    ['Kling AI', 'Kling'],
  ])('names %s as %s', (input, name) => {
    expect(knownGenerator(input)).toBe(name);
  });

  it.each([
    'Adobe Photoshop',
    // An editor that used a model is an edit, not a generated image.
    'Photoshop with Firefly-powered generative fill',
    'Adobe Photoshop 25.12 (Firefly)',
    // Firefly only as part of another word, or another product.
    'Fireflyer Studio',
    'Firefly III',
    // Common words that contain or resemble a generator's name.
    'Editor de imagen',
    'Veo Cam',
    'Airport runway survey',
    'Truepic Lens iOS',
    'SONY_CAMERA',
    '',
  ])('does not name a generator in %j', (input) => {
    expect(knownGenerator(input)).toBeUndefined();
  });

  it('documents a source for every generator', () => {
    for (const g of AI_GENERATORS) expect(g.source).toMatch(/https:\/\//);
    expect(knownGenerator(42 as unknown as string)).toBeUndefined();
  });
});

describe('generatorOfCreation', () => {
  it('infers from the softwareAgent of a c2pa.created without digitalSourceType', () => {
    expect(generatorOfCreation(created({ softwareAgent: 'Image Creator from Designer' }))).toBe(
      'Image Creator from Designer',
    );
  });

  it('falls back to the claim generator', () => {
    expect(generatorOfCreation(created({}, { claim_generator_info: [{ name: 'Sora' }] }))).toBe('Sora');
  });

  it('infers nothing when the creation declares its source type: the declaration counts then', () => {
    expect(
      generatorOfCreation(created({ softwareAgent: 'DALL·E', digitalSourceType: `${IPTC}digitalCapture` })),
    ).toBeUndefined();
  });

  it('infers nothing from a generator named on an edit', () => {
    const manifest = {
      assertions: [
        {
          label: 'c2pa.actions',
          data: { actions: [{ action: 'c2pa.edited', softwareAgent: 'Adobe Firefly' }] },
        },
      ],
    };
    expect(generatorOfCreation(manifest)).toBeUndefined();
  });
});

describe('inferredGenerator', () => {
  it('finds the generator in an earlier state of the asset (a parentOf ingredient)', () => {
    const store = {
      active_manifest: 'A',
      manifests: {
        A: { claim_generator: 'Some CDN', ingredients: [{ relationship: 'parentOf', active_manifest: 'B' }] },
        B: created({ softwareAgent: 'Bing Image Creator' }),
      },
    };
    expect(inferredGenerator(store)).toEqual({
      name: 'Image Creator from Designer',
      manifestLabel: 'B',
      where: 'ingredient',
    });
  });

  it('ignores an inputTo ingredient: a prompt image made by a generator is not in the asset', () => {
    const store = {
      active_manifest: 'A',
      manifests: {
        A: { ingredients: [{ relationship: 'inputTo', active_manifest: 'B' }] },
        B: created({ softwareAgent: 'Midjourney' }),
      },
    };
    expect(inferredGenerator(store)).toBeUndefined();
  });

  it('returns the active manifest when it names the generator, and nothing for hostile input', () => {
    const store = { active_manifest: 'A', manifests: { A: created({ softwareAgent: { name: 'Gemini' } }) } };
    expect(inferredGenerator(store)).toEqual({ name: 'Google Gemini', manifestLabel: 'A', where: 'active' });
    expect(inferredGenerator(null)).toBeUndefined();
    expect(inferredGenerator('x')).toBeUndefined();
  });

  it('finds nothing in the real files that declare AI, since they carry a digitalSourceType', async () => {
    const { readFileSync } = await import('node:fs');
    const puppy = JSON.parse(
      readFileSync(
        new URL('./test-data/asset-signals/openai_dalle3-chatgpt_puppy.webp.json', import.meta.url),
        'utf8',
      ),
    );
    expect(inferredGenerator(puppy)).toBeUndefined();
    // Without its digitalSourceType the same DALL·E creation is inferred from its softwareAgent.
    const stripped = JSON.parse(JSON.stringify(puppy).replaceAll('"digitalSourceType"', '"removed"'));
    expect(inferredGenerator(stripped)).toMatchObject({ name: 'DALL·E', where: 'ingredient' });
  });
});
