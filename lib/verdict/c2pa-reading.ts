import { classifyFailures, credentialProblemWords, identityProblemWords } from '../c2pa/classify-failures.ts';
import type {
  C2paEvidence,
  C2paFailure,
  C2paFailures,
  C2paIngredient,
  C2paSigner,
  C2paTrust,
  C2paTrustList,
} from '../evidence/types.ts';
import { signerName, trustListOf } from '../format/c2pa-words.ts';

/**
 * What a C2PA result says, read the way a careful fact-checker reads it (docs/verdict-rules.md): whether
 * the content still matches its signature, who vouches for it, and what it declares. Pure; the verdict
 * function turns it into one badge.
 */
export interface C2paReading {
  /** `tampered`: content or claim changed after signing; `malformed`: the signing tool wrote it wrong. */
  integrity: 'intact' | 'tampered' | 'malformed';
  /** The first failure behind `integrity`, when not intact. */
  integrityFailure?: C2paFailure;
  signer?: string;
  tier: C2paTrust;
  list: C2paTrustList | null;
  /** Credential problems of the active signer in words ("certificate expired", "no timestamp"). */
  credentialProblems: string[];
  /** A creator identity statement (CAWG) could not be confirmed, in words. */
  identityProblem?: string;
  /** An ingredient's manifest, or a conformance rule of the active one, has a fault. */
  earlierFault: boolean;
  ai?: AiReading;
  /** The rubric label ("Fully AI-generated", "Camera capture", …), when the signals give one. */
  label?: string;
  /** A CDN re-signed the file; `origin` is the first signer below it. */
  resigned?: { by: string; origin?: string };
}

export interface AiReading {
  /** Who made the declaration (the signer of the manifest that carries it). */
  declarer?: string;
  declarerTier: C2paTrust;
  declarerList: C2paTrustList | null;
  /** Credential problems of the declaring manifest. */
  problems: string[];
  /** Declared only in words: the tool that made it is a known generator. */
  inferredFrom?: string;
  where: 'active' | 'ingredient' | 'vendor-assertion';
}

const CREDENTIAL_CODE = /^(?:signingCredential|timeStamp|cawg)\.|^claimSignature\.outsideValidity$/;

function emptyFailures(): C2paFailures {
  return { tamper: [], malformed: [], credential: [], conformance: [], ingredient: [] };
}

/**
 * Results cached before failures were classified carry only a flat list of codes (failures and
 * informational mixed). They go stale when the engine or settings version changes; until then, classify
 * the codes of a failed manifest without URLs: only the tamper codes can make it red.
 */
function failuresOf(c2pa: C2paEvidence): C2paFailures {
  if (c2pa.failures) return c2pa.failures;
  if (c2pa.state !== 'invalid') return emptyFailures();
  const failing = c2pa.codes.filter(
    (code) =>
      !/\.(?:trusted|validated|insideValidity|match|ocsp\.\w+|additionalExclusionsPresent)$/.test(code),
  );
  return classifyFailures(
    failing.map((code) => ({ code })),
    c2pa.activeManifest ?? '',
  );
}

function findIngredient(
  list: readonly C2paIngredient[],
  label: string,
  depth = 0,
): C2paIngredient | undefined {
  if (depth > 8) return undefined;
  for (const item of list) {
    if (item.manifestLabel === label) return item;
    const deeper = findIngredient(item.ingredients, label, depth + 1);
    if (deeper) return deeper;
  }
  return undefined;
}

function hasTrustedTimestamp(c2pa: C2paEvidence): boolean {
  return !!c2pa.signer?.timestampAuthority;
}

function aiReading(
  c2pa: C2paEvidence,
  failures: C2paFailures,
  tier: C2paTrust,
  list: C2paTrustList | null,
): AiReading | undefined {
  const declarations = c2pa.ai ?? [];
  // A declaration the active signer makes counts first; then one in the history.
  const declaration =
    declarations.find((d) => d.where === 'active' && d.how !== 'inferred') ??
    declarations.find((d) => d.where !== 'active' && d.how !== 'inferred') ??
    declarations.find((d) => d.how === 'inferred');
  if (!declaration && !c2pa.aiGenerated) return undefined;
  const inferredFrom = declaration?.how === 'inferred' ? declaration.value : undefined;
  const label = declaration?.manifestLabel;
  if (!label || label === c2pa.activeManifest || declaration?.where === 'active') {
    return {
      declarer: signerName(c2pa.signer),
      declarerTier: tier,
      declarerList: list,
      problems: credentialProblemWords(failures, hasTrustedTimestamp(c2pa)),
      where: declaration?.where ?? 'active',
      ...(inferredFrom ? { inferredFrom } : {}),
    };
  }
  // Declared in an earlier manifest: its signer, and its own credential problems (the deltas name it).
  const ingredient = findIngredient(c2pa.ingredients, label);
  const own = failures.ingredient.filter((f) => f.manifestLabel === label);
  const untrusted = own.some((f) => f.code === 'signingCredential.untrusted');
  const ownCredential: C2paFailures = {
    ...emptyFailures(),
    credential: own.filter((f) => CREDENTIAL_CODE.test(f.code) && f.code !== 'signingCredential.untrusted'),
  };
  const signer: C2paSigner | undefined = ingredient?.signer;
  return {
    declarer: signerName(signer) ?? ingredient?.claimGenerator,
    declarerTier: untrusted ? 'untrusted' : tier,
    declarerList: untrusted ? null : list,
    problems: credentialProblemWords(ownCredential, !!signer?.timestampAuthority),
    where: declaration?.where ?? 'ingredient',
    ...(inferredFrom ? { inferredFrom } : {}),
  };
}

/** Reads a valid or invalid C2PA result; undefined for `none` and `error` (nothing was read). */
export function readC2paResult(c2pa: C2paEvidence | undefined): C2paReading | undefined {
  if (!c2pa || (c2pa.state !== 'valid' && c2pa.state !== 'invalid')) return undefined;
  const failures = failuresOf(c2pa);
  const integrity =
    failures.tamper.length > 0 ? 'tampered' : failures.malformed.length > 0 ? 'malformed' : 'intact';
  const list = trustListOf(c2pa);
  const tier: C2paTrust = c2pa.trust ?? 'untrusted';
  const reading: C2paReading = {
    integrity,
    tier,
    list,
    credentialProblems: credentialProblemWords(failures, hasTrustedTimestamp(c2pa)),
    // An earlier signer missing from the user's lists is a matter of trust, not a fault.
    earlierFault:
      failures.ingredient.some((f) => f.code !== 'signingCredential.untrusted') ||
      failures.conformance.length > 0,
  };
  const integrityFailure = failures.tamper[0] ?? failures.malformed[0];
  if (integrityFailure) reading.integrityFailure = integrityFailure;
  const identityProblem = identityProblemWords(failures);
  if (identityProblem) reading.identityProblem = identityProblem;
  const signer = signerName(c2pa.signer);
  if (signer) reading.signer = signer;
  const ai = aiReading(c2pa, failures, tier, list);
  if (ai) reading.ai = ai;
  const label = c2pa.signals?.label;
  // The rubric's capture signal covers microphones too: say so for audio.
  if (label)
    reading.label =
      label === 'Camera capture' && c2pa.format?.startsWith('audio/') ? 'Device recording' : label;
  const [first, ...below] = c2pa.signingChain ?? [];
  if (first?.resigner) {
    const origin = below.find((step) => !step.resigner);
    const originName = signerName(origin?.signer) ?? origin?.claimGenerator;
    reading.resigned = { by: first.resigner, ...(originName ? { origin: originName } : {}) };
  }
  return reading;
}
