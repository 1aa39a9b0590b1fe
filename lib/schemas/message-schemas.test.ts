import { join } from 'node:path';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintText } from '../fingerprint/fingerprint-text.ts';
import { createNodePipeline } from '../node/node-pipeline.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import { defaultSettings } from '../settings/settings.ts';
import {
  BackgroundResponseSchemas,
  ContentRequestSchemas,
  ContentResponseSchemas,
  PageItemSchema,
} from './message-schemas.ts';

/** Answers made by the real pipeline (real engine, real files) must match the protocol's response schemas. */
const ROOT = join(import.meta.dirname, '../..');
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createNodePipeline(defaultSettings([], []), ROOT);
});

const FILES = [
  'fixtures/c2pa/valid_truepic_camera.jpg',
  'fixtures/c2pa/invalid_datahash_E-dat-CA.jpg',
  'fixtures/c2pa/none_A.jpg',
  'fixtures/c2pa-realworld/adobe_firefly1_butterfly.jpg',
  'fixtures/c2pa-realworld/truepic_lens-ios_audio.m4a',
  'fixtures/c2pa/no-such-file.jpg',
];

describe('response schemas against the real pipeline', () => {
  it('check-image and get-details, for files of every verdict and a missing one', async () => {
    const verdicts = new Set<string>();
    for (const file of FILES) {
      const result = await pipeline.checkImage(file);
      verdicts.add(result.verdict);
      expect(v.is(BackgroundResponseSchemas['check-image'], result), file).toBe(true);
      const details = result.key ? await pipeline.details(result.key) : null;
      const parsed = v.safeParse(BackgroundResponseSchemas['get-details'], details);
      expect(
        parsed.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`),
        file,
      ).toBeUndefined();
    }
    expect(verdicts.size).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('check-text', async () => {
    const text = 'A paragraph long enough to be a real quote from a real article, checked as text.';
    const result = await pipeline.checkText(await fingerprintText(text), text);
    expect(v.is(BackgroundResponseSchemas['check-text'], result)).toBe(true);
    expect(v.is(BackgroundResponseSchemas['check-text'], { ...result, verdict: 'fine' })).toBe(false);
  });
});

describe('content script messages', () => {
  it('reject bad shapes of each request', () => {
    expect(v.is(ContentRequestSchemas['highlight-item'], { type: 'highlight-item', id: 'i1' })).toBe(true);
    expect(v.is(ContentRequestSchemas['highlight-item'], { type: 'highlight-item', id: 1 })).toBe(false);
    expect(
      v.is(ContentRequestSchemas['highlight-item'], { type: 'highlight-item', id: 'x'.repeat(300) }),
    ).toBe(false);
    expect(v.is(ContentRequestSchemas['check-media-item'], { type: 'check-media-item' })).toBe(false);
    const progress = { type: 'media-progress', url: 'https://a.example/v.mp4', loaded: 10, total: 100 };
    expect(v.is(ContentRequestSchemas['media-progress'], progress)).toBe(true);
    expect(v.is(ContentRequestSchemas['media-progress'], { ...progress, loaded: -1 })).toBe(false);
    expect(v.is(ContentRequestSchemas['media-progress'], { ...progress, url: 'blob:https://a/1' })).toBe(
      false,
    );
    expect(v.is(ContentRequestSchemas['list-items'], { type: 'context-target' })).toBe(false);
  });

  it('describe what the content script answers', () => {
    const item = { id: 'i1', kind: 'video', url: 'https://a.example/v.mp4', state: 'on-request', bytes: 9e7 };
    expect(v.is(PageItemSchema, item)).toBe(true);
    expect(v.is(PageItemSchema, { ...item, state: 'done' })).toBe(false);
    const list = { items: [item], counts: { 'on-request': 1 }, enabled: true };
    expect(v.is(ContentResponseSchemas['list-items'], list)).toBe(true);
    expect(v.is(ContentResponseSchemas['context-target'], null)).toBe(true);
    expect(v.is(ContentResponseSchemas['context-target'], { kind: 'text', text: 'a quote' })).toBe(true);
    expect(v.is(ContentResponseSchemas['context-target'], { kind: 'audio', url: 'x' })).toBe(false);
  });
});
