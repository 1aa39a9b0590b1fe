import { readFileSync } from 'node:fs';

/** The PDQ reference vectors (fixtures/pdq/expected.json, see its SOURCES.md), for the fingerprint tests. */
export const PDQ_FIXTURES = new URL('../../fixtures/pdq/', import.meta.url);

export interface PdqExpectation {
  pipeline: string;
  hash: string;
  quality: number | null;
  kind: string;
}

export interface PdqFixtureImage {
  file: string;
  width: number;
  height: number;
  expected: PdqExpectation[];
}

export const pdqExpected: { images: PdqFixtureImage[] } & Record<string, unknown> = JSON.parse(
  readFileSync(new URL('expected.json', PDQ_FIXTURES), 'utf8'),
);
