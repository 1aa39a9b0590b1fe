import { describe, expect, it } from 'vitest';
import { C2PA_DST, canonicalSourceType, IPTC_DST, sourceTypeTerm } from './digital-source-type.ts';

describe('canonical digitalSourceType', () => {
  it('keeps the rubric form of the IPTC URI', () => {
    expect(canonicalSourceType(`${IPTC_DST}trainedAlgorithmicMedia`)).toBe(
      `${IPTC_DST}trainedAlgorithmicMedia`,
    );
  });

  it('maps https, a trailing slash, a bare term and other casing to the rubric form', () => {
    // Adobe Firefly 2024 writes https:// (adobe_firefly_truepic-demo.jpg).
    expect(
      canonicalSourceType('https://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia'),
    ).toBe(`${IPTC_DST}trainedAlgorithmicMedia`);
    expect(canonicalSourceType(`${IPTC_DST}digitalCapture/`)).toBe(`${IPTC_DST}digitalCapture`);
    expect(canonicalSourceType('compositeWithTrainedAlgorithmicMedia')).toBe(
      `${IPTC_DST}compositeWithTrainedAlgorithmicMedia`,
    );
    expect(canonicalSourceType(' TRAINEDALGORITHMICMEDIA ')).toBe(`${IPTC_DST}trainedAlgorithmicMedia`);
  });

  it('knows the C2PA-namespace terms the rubric uses', () => {
    expect(canonicalSourceType('http://c2pa.org/digitalsourcetype/empty')).toBe(`${C2PA_DST}empty`);
    expect(canonicalSourceType('trainedAlgorithmicData')).toBe(`${C2PA_DST}trainedAlgorithmicData`);
  });

  it('keeps unknown terms as written and refuses non-strings', () => {
    expect(canonicalSourceType('https://example.com/vocab#madeUp')).toBe('https://example.com/vocab#madeUp');
    expect(canonicalSourceType({ '@id': 'x' })).toBeUndefined();
    expect(canonicalSourceType('  ')).toBeUndefined();
    expect(sourceTypeTerm(`${IPTC_DST}screenCapture`)).toBe('screenCapture');
  });
});
