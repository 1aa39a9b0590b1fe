import { describe, expect, it } from 'vitest';
import {
  classifyFailures,
  credentialProblemWords,
  identityProblemWords,
  integrityIntact,
  manifestOfUrl,
} from './classify-failures.ts';

const ACTIVE = 'urn:c2pa:active';
const EARLIER = 'urn:c2pa:earlier';
const at = (label: string, part = 'c2pa.signature') => `self#jumbf=/c2pa/${label}/${part}`;
const codes = (list: Array<{ code: string }>) => list.map((f) => f.code);

describe('manifestOfUrl', () => {
  it('reads the manifest label from a JUMBF URL, including labels with spaces and colons', () => {
    expect(manifestOfUrl(at(ACTIVE))).toBe(ACTIVE);
    expect(
      manifestOfUrl('self#jumbf=/c2pa/Truepic Lens SDK libc2pa vv1.0.0.182:urn:uuid:cd65/c2pa.signature'),
    ).toBe('Truepic Lens SDK libc2pa vv1.0.0.182:urn:uuid:cd65');
    expect(manifestOfUrl('self#jumbf=c2pa.assertions/c2pa.hash.data')).toBeUndefined();
    expect(manifestOfUrl(undefined)).toBeUndefined();
  });
});

describe('classifyFailures', () => {
  it('calls only mismatches of the active manifest tampering', () => {
    const f = classifyFailures(
      [
        { code: 'assertion.dataHash.mismatch', url: at(ACTIVE, 'c2pa.assertions/c2pa.hash.data') },
        { code: 'claimSignature.mismatch', url: at(ACTIVE) },
        { code: 'assertion.hashedURI.mismatch', url: at(ACTIVE, 'c2pa.assertions/x') },
        { code: 'assertion.bmffHash.mismatch', url: at(ACTIVE, 'c2pa.assertions/c2pa.hash.bmff.v2') },
      ],
      ACTIVE,
    );
    expect(codes(f.tamper)).toEqual([
      'assertion.dataHash.mismatch',
      'claimSignature.mismatch',
      'assertion.hashedURI.mismatch',
      'assertion.bmffHash.mismatch',
    ]);
    expect(integrityIntact(f)).toBe(false);
  });

  it('puts a failure that names an earlier manifest with the ingredients, whatever its code (Sony/Teletrax)', () => {
    // sony_camera-video_teletrax.mp4: a beta writer's malformed action list in the prior manifest.
    const f = classifyFailures(
      [
        { code: 'signingCredential.expired', url: at(ACTIVE) },
        { code: 'assertion.action.malformed', url: at(EARLIER, 'c2pa.assertions/c2pa.actions.v2') },
        { code: 'assertion.dataHash.mismatch', url: at(EARLIER, 'c2pa.assertions/c2pa.hash.data') },
      ],
      ACTIVE,
    );
    expect(f.tamper).toEqual([]);
    expect(codes(f.ingredient)).toEqual(['assertion.action.malformed', 'assertion.dataHash.mismatch']);
    expect(f.ingredient[0]?.manifestLabel).toBe(EARLIER);
    expect(codes(f.credential)).toEqual(['signingCredential.expired']);
    expect(integrityIntact(f)).toBe(true);
  });

  /** What c2pa-rs reports when a data-hash exclusion misses the store and the hash fails too. */
  const misplaced = () => {
    const url = at(ACTIVE, 'c2pa.assertions/c2pa.hash.data');
    return [
      {
        code: 'assertion.dataHash.mismatch',
        url,
        explanation: 'data hash exclusion does not match the manifest location in the asset',
      },
      {
        code: 'assertion.dataHash.mismatch',
        url,
        explanation:
          'asset hash error, name: JUMBF manifest, error: hash verification( Hashes do not match )',
      },
    ];
  };

  it('reads a data-hash exclusion off the manifest location as malformed, not tampered (Truepic Lens iOS)', () => {
    const f = classifyFailures(misplaced(), ACTIVE);
    expect(f.tamper).toEqual([]);
    expect(f.malformed).toHaveLength(2);
    expect(integrityIntact(f)).toBe(false);
  });

  it('reads the same mismatch as tampered when the store moved since signing, and says how', () => {
    const entries = misplaced();
    const added = classifyFailures(entries, ACTIVE, 18);
    expect(added.malformed).toEqual([]);
    expect(codes(added.tamper)).toEqual(['assertion.dataHash.mismatch', 'assertion.dataHash.mismatch']);
    expect(added.tamper[0]?.explanation).toBe(
      'data hash exclusion does not match the manifest location in the asset; the Content Credentials sit 18 bytes later than where they were signed: bytes were added before them',
    );
    expect(added.tamper[1]?.explanation).not.toContain('bytes');
    expect(classifyFailures(entries, ACTIVE, -30).tamper[0]?.explanation).toContain(
      'sit 30 bytes earlier than where they were signed: bytes were removed before them',
    );
  });

  it('still calls a mismatch of another binding tampering when one binding is shifted', () => {
    const f = classifyFailures(
      [
        {
          code: 'assertion.dataHash.mismatch',
          url: at(ACTIVE, 'c2pa.assertions/c2pa.hash.data'),
          explanation: 'data hash exclusion does not match the manifest location',
        },
        { code: 'claimSignature.mismatch', url: at(ACTIVE) },
      ],
      ACTIVE,
    );
    expect(codes(f.tamper)).toEqual(['claimSignature.mismatch']);
  });

  it('keeps the signer being on no list out of the failures (the tier says it)', () => {
    const f = classifyFailures([{ code: 'signingCredential.untrusted', url: at(ACTIVE) }], ACTIVE);
    expect(Object.values(f).flat()).toEqual([]);
  });

  it('sorts structure, credentials and conformance apart, and unknown codes into conformance', () => {
    const f = classifyFailures(
      [
        { code: 'claim.hardBindings.missing', url: at(ACTIVE) },
        { code: 'timeStamp.mismatch', url: at(ACTIVE) },
        { code: 'cawg.ica.signer_payload.mismatch', url: at(ACTIVE, 'c2pa.assertions/cawg.identity') },
        { code: 'assertion.action.malformed', url: at(ACTIVE, 'c2pa.assertions/c2pa.actions') },
        { code: 'some.future.code', url: at(ACTIVE) },
        { code: 'ingredient.manifest.mismatch', url: at(ACTIVE, 'c2pa.assertions/c2pa.ingredient') },
      ],
      ACTIVE,
    );
    expect(codes(f.malformed)).toEqual(['claim.hardBindings.missing']);
    expect(codes(f.credential)).toEqual(['timeStamp.mismatch', 'cawg.ica.signer_payload.mismatch']);
    expect(codes(f.conformance)).toEqual(['assertion.action.malformed', 'some.future.code']);
    expect(codes(f.ingredient)).toEqual(['ingredient.manifest.mismatch']);
    expect(f.tamper).toEqual([]);
  });

  it('counts entries without a URL as the active manifest’s, and each repeated entry once', () => {
    const entry = { code: 'assertion.dataHash.mismatch' };
    expect(classifyFailures([entry, entry], ACTIVE).tamper).toHaveLength(1);
  });
});

describe('problem words', () => {
  it('says expired and, without a trusted timestamp, that none proves the signing time', () => {
    const f = classifyFailures([{ code: 'signingCredential.expired', url: at(ACTIVE) }], ACTIVE);
    expect(credentialProblemWords(f, false)).toEqual(['certificate expired', 'no timestamp']);
    expect(credentialProblemWords(f, true)).toEqual(['certificate expired']);
  });

  it('keeps a CAWG identity finding apart from the signer’s credentials', () => {
    const f = classifyFailures([{ code: 'cawg.ica.did_unavailable', url: at(ACTIVE) }], ACTIVE);
    expect(credentialProblemWords(f, true)).toEqual([]);
    expect(identityProblemWords(f)).toBe('creator identity statement not confirmed');
  });
});
