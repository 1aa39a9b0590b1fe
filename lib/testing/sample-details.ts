import type { ItemDetails } from '../messages/protocol.ts';

/**
 * Realistic ItemDetails for tests and the screenshot check (never shipped as a way to inject data: nothing
 * in the extension reads it at run time). Modelled on the fixture ai_composite_firefly_photoshop.jpg
 * (Adobe Firefly → Photoshop 26.9, trusted through the CAI legacy list) plus two on-chain records:
 * an exact match by a trusted publisher and a perceptual look-alike by an unknown registrant.
 */

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const ACTIVE = 'adobe:urn:uuid:f3a46a78-8103-4e04-9f98-abcf03ebab19';
const FIREFLY = 'adobe:urn:uuid:2b1d5c0e-6a1f-4c8e-9d3b-7f0a4e2c9b11';

/** A small harbour-at-dusk drawing, as the manifest thumbnail (a data: URL, so the page makes no request). */
export const SAMPLE_THUMBNAIL = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#312e81"/><stop offset=".6" stop-color="#db2777"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs><rect width="300" height="200" fill="url(#s)"/><circle cx="210" cy="120" r="28" fill="#fde68a"/><path d="M0 140 L60 100 L110 130 L170 90 L240 135 L300 110 L300 200 L0 200Z" fill="#1e1b4b"/><rect y="160" width="300" height="40" fill="#0f172a"/><path d="M40 160 h60 l-8 12 h-44z M70 160 v-34 l22 30z" fill="#e2e8f0"/></svg>`,
)}`;

export const SAMPLE_KEY = '49a6b089bf3fe610960ef91b2beb81c86b62e7d531c97f33fc029841d864b2cb';

export const sampleImageDetails: ItemDetails = {
  key: SAMPLE_KEY,
  kind: 'image',
  verdict: 'ai-generated',
  reason: 'Contains AI-generated parts, declared by Adobe Inc., on the CAI legacy list (frozen January 2026)',
  reasonCode: 'ai',
  reasonParams: {
    label: 'Contains AI-generated parts',
    declarer: 'Adobe Inc.',
    list: 'cai-legacy',
    problems: [],
  },
  urls: [
    'https://news.example/photos/harbour-at-dusk.jpg',
    'https://cdn.news.example/img/w800/harbour-at-dusk.jpg',
  ],
  checkedAt: Date.UTC(2025, 2, 12, 14, 5, 0),
  listsVersion: 'c2pa-wasm 0.15.0; C2PA trust list 2026-08-05; CAI legacy list 2025-08-28',
  byteLength: 285_562,
  mime: 'image/jpeg',
  evidence: {
    fingerprints: {
      kind: 'image',
      sha256: SAMPLE_KEY,
      pdq: { hash: 'd8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22', quality: 100 },
      width: 1024,
      height: 683,
    },
    c2pa: {
      state: 'valid',
      trust: 'known',
      trustList: 'cai-legacy',
      validationState: 'Trusted',
      failures: { tamper: [], malformed: [], credential: [], conformance: [], ingredient: [] },
      signals: {
        label: 'Contains AI-generated parts',
        inception: [
          {
            kind: 'inception',
            signal: 'fullyGenAI',
            ruleId: 'inception:signal_fullyGenAIMedia',
            where: 'ingredient',
            manifestLabel: FIREFLY,
            evidence: 'c2pa.created with digitalSourceType trainedAlgorithmicMedia',
          },
        ],
        transformations: [
          {
            kind: 'transformation',
            signal: 'perceptibleGenAI',
            ruleId: 'transformation:signal_perceptibleGenAI',
            where: 'active',
            manifestLabel: ACTIVE,
            evidence: 'c2pa.placed with digitalSourceType compositeWithTrainedAlgorithmicMedia',
          },
        ],
      },
      codes: [
        'claimSignature.insideValidity',
        'claimSignature.validated',
        'assertion.hashedURI.match',
        'assertion.dataHash.match',
        'timeStamp.validated',
        'signingCredential.trusted',
      ],
      aiGenerated: true,
      ai: [
        { where: 'active', value: `${IPTC}compositeWithTrainedAlgorithmicMedia`, manifestLabel: ACTIVE },
        { where: 'ingredient', value: `${IPTC}trainedAlgorithmicMedia`, manifestLabel: FIREFLY },
      ],
      signer: {
        issuer: 'Adobe Inc.',
        commonName: 'Adobe C2PA',
        time: '2024-10-02T16:21:08+00:00',
        timestampAuthority: 'DigiCert SHA256 RSA4096 Timestamp Responder 2024 1',
      },
      claimGenerator: 'Adobe_Photoshop/26.9.0 adobe_c2pa/0.14.2 c2pa-rs/0.43.0',
      title: 'harbour-at-dusk.jpg',
      format: 'image/jpeg',
      activeManifest: ACTIVE,
      actions: [
        { action: 'c2pa.opened', when: '2024-10-02T16:02:41+00:00', softwareAgent: 'Adobe Photoshop 26.9' },
        {
          action: 'c2pa.placed',
          when: '2024-10-02T16:05:10+00:00',
          softwareAgent: 'Adobe Photoshop 26.9',
          description: 'Placed the Firefly image as a layer',
        },
        {
          action: 'c2pa.edited',
          when: '2024-10-02T16:11:55+00:00',
          softwareAgent: 'Adobe Firefly',
          digitalSourceType: `${IPTC}compositeWithTrainedAlgorithmicMedia`,
          description: 'Generative Fill',
        },
        {
          action: 'c2pa.color_adjustments',
          when: '2024-10-02T16:18:30+00:00',
          softwareAgent: 'Adobe Photoshop 26.9',
        },
        { action: 'c2pa.resized', when: '2024-10-02T16:20:59+00:00', softwareAgent: 'Adobe Photoshop 26.9' },
      ],
      ingredients: [
        {
          title: 'firefly-harbour.jpg',
          format: 'image/jpeg',
          relationship: 'parentOf',
          manifestLabel: FIREFLY,
          claimGenerator: 'Adobe_Firefly/2.0 c2pa-rs/0.32.0',
          signer: { issuer: 'Adobe Inc.', commonName: 'Adobe C2PA', time: '2024-10-01T09:14:03+00:00' },
          actions: [
            {
              action: 'c2pa.created',
              when: '2024-10-01T09:14:01+00:00',
              softwareAgent: 'Adobe Firefly',
              digitalSourceType: `${IPTC}trainedAlgorithmicMedia`,
            },
          ],
          ingredients: [],
        },
        {
          title: 'masthead-logo.png',
          format: 'image/png',
          relationship: 'componentOf',
          actions: [],
          ingredients: [
            {
              title: 'masthead-logo.svg',
              format: 'image/svg+xml',
              relationship: 'parentOf',
              actions: [{ action: 'c2pa.converted', softwareAgent: 'Adobe Illustrator 28.7' }],
              ingredients: [],
              truncated: true,
            },
          ],
        },
      ],
      source: 'embedded',
      thumbnail: SAMPLE_THUMBNAIL,
      raw: {
        active_manifest: ACTIVE,
        manifests: {
          [ACTIVE]: {
            claim_generator: 'Adobe_Photoshop/26.9.0 adobe_c2pa/0.14.2 c2pa-rs/0.43.0',
            title: 'harbour-at-dusk.jpg',
            format: 'image/jpeg',
            signature_info: {
              issuer: 'Adobe Inc.',
              common_name: 'Adobe C2PA',
              time: '2024-10-02T16:21:08+00:00',
            },
            assertions: [
              {
                label: 'c2pa.actions.v2',
                data: { actions: [{ action: 'c2pa.opened' }, { action: 'c2pa.placed' }] },
              },
            ],
          },
          [FIREFLY]: { claim_generator: 'Adobe_Firefly/2.0 c2pa-rs/0.32.0', title: 'firefly-harbour.jpg' },
        },
        validation_state: 'Trusted',
      },
    },
    chain: {
      state: 'ok',
      records: [
        {
          chainId: 8453,
          chainName: 'Base',
          contentHash: `0x${SAMPLE_KEY}`,
          registrant: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
          registrantName: 'Harbour Times Photo Desk',
          registrantSite: 'https://harbourtimes.example',
          trusted: true,
          kind: 'sha256',
          match: 'exact',
          time: 1727886600,
          aiGenerated: true,
          revoked: false,
          txHash: '0x8f1c0c7d5e0a9b6f3d2e1c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1',
          blockNumber: '20512344',
          uri: 'https://harbourtimes.example/credits/harbour-at-dusk',
        },
        {
          chainId: 10,
          chainName: 'Optimism',
          contentHash: '0xd8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b02',
          registrant: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
          trusted: false,
          kind: 'pdq',
          match: 'perceptual',
          distance: 6,
          time: 1728300000,
          aiGenerated: false,
          revoked: true,
          uri: 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
        },
      ],
      otherRegistrations: 2,
    },
  },
};

/** A text block registered by a trusted publisher (no C2PA: text has none). */
export const sampleTextDetails: ItemDetails = {
  key: '7d1a54127b222502f5b79b5fb0803061152a44f92b37e23c6527baf665d4da9a',
  kind: 'text',
  verdict: 'verified',
  reason: 'Registered by Harbour Times Photo Desk on Base',
  reasonCode: 'registered',
  reasonParams: { who: 'Harbour Times Photo Desk', chain: 'Base' },
  urls: ['https://news.example/2025/03/harbour-reopens'],
  checkedAt: Date.UTC(2025, 2, 12, 14, 6, 0),
  text: 'The harbour reopened on Tuesday after three weeks of repairs, the port authority said, with the first ferries due to sail at dawn.',
  evidence: {
    fingerprints: {
      kind: 'text',
      sha256Collapsed: '7d1a54127b222502f5b79b5fb0803061152a44f92b37e23c6527baf665d4da9a',
      isccText: 'ISCC:EAAR7BVKOFMBVNE4',
      isccTextHex: '1f86aa7158d5b49c',
      characters: 132,
    },
    chain: {
      state: 'ok',
      records: [
        {
          chainId: 8453,
          chainName: 'Base',
          contentHash: '0x7d1a54127b222502f5b79b5fb0803061152a44f92b37e23c6527baf665d4da9a',
          registrant: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
          registrantName: 'Harbour Times Photo Desk',
          registrantSite: 'https://harbourtimes.example',
          trusted: true,
          kind: 'text',
          match: 'text',
          time: 1741780000,
          aiGenerated: false,
          revoked: false,
          txHash: '0x1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff001',
        },
      ],
      otherRegistrations: 0,
    },
  },
};

/** An image whose check failed: the page must say "could not check", never "no provenance". */
export const sampleErrorDetails: ItemDetails = {
  key: 'f999fd78bfe8a83c96e468a078830ba94485bc1bc6fd086fb94a43bd29dd0f23',
  kind: 'image',
  verdict: 'error',
  reason: 'Could not check: the registry could not be reached (Local devnet: connection refused)',
  reasonCode: 'could-not-check',
  reasonParams: {
    error: 'the registry could not be reached (Local devnet: connection refused)',
    source: 'registry',
    kind: 'registry',
  },
  urls: ['https://news.example/photos/market.jpg'],
  checkedAt: Date.UTC(2025, 2, 12, 14, 7, 0),
  byteLength: 61_720,
  mime: 'image/jpeg',
  evidence: {
    fingerprints: {
      kind: 'image',
      sha256: 'f999fd78bfe8a83c96e468a078830ba94485bc1bc6fd086fb94a43bd29dd0f23',
      pdqError: 'quality 12 is below 50',
    },
    c2pa: { state: 'none', trust: null, codes: [], aiGenerated: false, actions: [], ingredients: [] },
    chain: {
      state: 'error',
      records: [],
      otherRegistrations: 0,
      errors: ['the registry could not be reached (Local devnet: connection refused)'],
    },
  },
};
