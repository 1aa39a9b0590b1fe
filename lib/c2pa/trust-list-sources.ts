import type { BUNDLED_TRUST_FILES } from './bundled-trust.ts';

/**
 * Where "Update lists" fetches fresh copies, only when the user asks (credentials omitted). The bundled
 * copies in public/trust came from these addresses; see public/trust/SOURCES.md.
 */
export const TRUST_LIST_SOURCES: Record<keyof typeof BUNDLED_TRUST_FILES, string> = {
  // C2PA conformance program: https://github.com/c2pa-org/conformance-public
  official:
    'https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TRUST-LIST.pem',
  officialTsa:
    'https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TSA-TRUST-LIST.pem',
  // Content Authenticity Initiative's interim "known certificate" list, as served by its verify site.
  interimAnchors: 'https://contentcredentials.org/trust/anchors.pem',
  interimAllowed: 'https://contentcredentials.org/trust/allowed.pem',
  interimStoreCfg: 'https://contentcredentials.org/trust/store.cfg',
};
