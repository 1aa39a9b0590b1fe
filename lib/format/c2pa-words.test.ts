import { describe, expect, it } from 'vitest';
import type { C2paEvidence } from '../evidence/types.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import { sampleErrorDetails, sampleImageDetails, sampleTextDetails } from '../testing/sample-details.ts';
import { verdictFor } from '../verdict/verdict.ts';
import {
  actionWords,
  aiDeclarationWords,
  digitalSourceTypeWords,
  isAiSourceType,
  relationshipWords,
  timelineRows,
  toolName,
  trustSentence,
} from './c2pa-words.ts';

const en = await localeTranslate('en');
const fr = await localeTranslate('fr');

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const c2pa = sampleImageDetails.evidence.c2pa as C2paEvidence;

describe('digitalSourceType in words', () => {
  it('says generative AI for the two AI terms', () => {
    expect(digitalSourceTypeWords(`${IPTC}trainedAlgorithmicMedia`, en)).toBe('created by generative AI');
    expect(digitalSourceTypeWords(`${IPTC}compositeWithTrainedAlgorithmicMedia`, en)).toMatch(
      /generative AI/,
    );
    expect(isAiSourceType(`${IPTC}compositeWithTrainedAlgorithmicMedia`)).toBe(true);
    expect(isAiSourceType(`${IPTC}algorithmicMedia`)).toBe(false);
  });

  it('accepts the bare term and shows unknown terms as they are', () => {
    expect(digitalSourceTypeWords('digitalCapture', en)).toBe('captured by a digital camera or recorder');
    expect(digitalSourceTypeWords('https://example.com/vocab#somethingNew', en)).toBe('somethingNew');
  });
});

describe('actions in words', () => {
  it('knows the standard actions and humanises vendor ones', () => {
    expect(actionWords('c2pa.color_adjustments', en)).toBe('Adjusted colours');
    expect(actionWords('com.acme.magic_erase', en)).toBe('Magic erase (com.acme)');
    expect(actionWords('crop', en)).toBe('Crop');
  });

  it('turns the sample manifest into timeline rows in manifest order, flagging AI', () => {
    const rows = timelineRows(c2pa.actions, en);
    expect(rows.map((r) => r.title)).toEqual([
      'Opened an existing file',
      'Placed another file into it',
      'Edited',
      'Adjusted colours',
      'Resized',
    ]);
    expect(rows.filter((r) => r.ai).map((r) => r.description)).toEqual(['Generative Fill']);
  });
});

describe('trust in words', () => {
  it('names the signer and the list', () => {
    expect(trustSentence(c2pa, en)).toBe(
      'Signed by Adobe Inc., on the CAI legacy list (frozen January 2026).',
    );
    expect(trustSentence({ ...c2pa, trust: 'trusted', trustList: 'official' }, en)).toBe(
      'Signed by Adobe Inc., on the C2PA trust list.',
    );
    expect(trustSentence({ ...c2pa, trust: 'trusted', trustList: 'user' }, en)).toBe(
      'Signed by Adobe Inc., on your own trust anchors.',
    );
    // Each list has its own sentence, so no language has to fit an article before a list's name.
    expect(trustSentence({ ...c2pa, trust: 'trusted', trustList: 'user' }, fr)).toBe(
      'Signé par Adobe Inc., parmi vos propres ancres de confiance.',
    );
    expect(trustSentence(c2pa, fr)).toBe(
      'Signé par Adobe Inc., inscrit sur l’ancienne liste CAI (figée depuis janvier 2026).',
    );
    expect(trustSentence({ ...c2pa, trust: 'untrusted', trustList: null }, en)).toBe(
      'Signed by Adobe Inc.: signer not on your trust lists.',
    );
    expect(trustSentence({ ...c2pa, state: 'error', error: 'C2pa(UnknownAlgorithm)' }, en)).toMatch(
      /could not be read: C2pa/,
    );
  });

  it('says where AI was declared', () => {
    const [active, ingredient] = c2pa.ai ?? [];
    expect(active && aiDeclarationWords(active, en)).toMatch(/^Edited with generative AI.*active manifest/);
    expect(ingredient && aiDeclarationWords(ingredient, en)).toMatch(
      /^Created by generative AI, declared in an ingredient/,
    );
    expect(aiDeclarationWords({ where: 'vendor-assertion', value: 'com.adobe.generative-ai' }, en)).toBe(
      "AI use (com.adobe.generative-ai), declared in a tool vendor's own assertion",
    );
  });

  it('reads the tool from the claim generator', () => {
    expect(toolName(c2pa.claimGenerator)).toBe('Adobe Photoshop 26.9.0');
    expect(toolName('TestApp')).toBe('TestApp');
    expect(toolName(undefined)).toBeUndefined();
  });
});

describe('sample fixtures', () => {
  // The samples drive the screenshot check; if the verdict function changes, they must still agree with it.
  it('carry the verdict and reason verdictFor gives their evidence', () => {
    for (const sample of [sampleImageDetails, sampleTextDetails, sampleErrorDetails]) {
      expect(verdictFor(sample.evidence, en)).toEqual({
        verdict: sample.verdict,
        reason: sample.reason,
        reasonCode: sample.reasonCode,
        reasonParams: sample.reasonParams,
      });
    }
  });
});

describe('relationships', () => {
  it('words the common relationships', () => {
    expect(relationshipWords('parentOf', en)).toBe('the file this one was edited from');
    expect(relationshipWords('inputTo', en)).toMatch(/input/);
    expect(relationshipWords('somethingElse', en)).toBe('somethingElse');
    expect(relationshipWords(undefined, en)).toBeUndefined();
  });
});
