import type { C2paFailure, C2paFailures } from '../evidence/types.ts';

/**
 * Sorts the engine's failure codes by what they mean for a reader. The engine reports everything that
 * went wrong anywhere in the store; only a mismatch between the *active* manifest and the content (or its
 * own claim) is evidence that somebody changed the file after signing. Informational and success codes
 * never reach this function: the caller passes the engine's `failure` lists only.
 * Status codes: https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_status_codes
 * Rules and examples: docs/verdict-rules.md.
 */

/** The content or the claim no longer matches the signature. */
const TAMPER =
  /^(?:assertion\.(?:dataHash|boxesHash|bmffHash|collectionHash|hashedURI)\.mismatch|assertion\.boxesHash\.unknownBox|claimSignature\.mismatch|hashedURI\.mismatch)$/;

/** Written wrong by the signer's own tool: structure, not content. */
const MALFORMED =
  /^(?:assertion\.(?:dataHash|boxesHash|bmffHash|collectionHash)\.malformed|assertion\.multipleHardBindings|claim\.(?:malformed|missing|multiple|hardBindings\.missing)|claimSignature\.missing|algorithm\.unsupported|manifest\.(?:compressed\.invalid|inaccessible)|general\.error)$/;

/** Who signed, not what: the certificate, the timestamp, a CAWG identity. */
const CREDENTIAL = /^(?:signingCredential|timeStamp|cawg)\.|^claimSignature\.outsideValidity$/;

/** Not a failure of the credential but the absence of trust, which the tier already says. */
const TRUST_ONLY = /^signingCredential\.untrusted$/;

/**
 * c2pa-rs reports a data-hash exclusion that does not cover the manifest's own bytes as a dataHash
 * mismatch with this explanation. The exclusion is inside the signed claim, so only the signing tool can
 * have put it there: the binding is malformed, and the content cannot be checked, not "changed".
 */
const SHIFTED_EXCLUSION = /exclusion[^.]*(?:does not|doesn't) match[^.]*manifest location/i;

/** The manifest label a status entry's URL names: `self#jumbf=/c2pa/<label>/…`. */
export function manifestOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /\/c2pa\/([^/]+)/.exec(url);
  return match?.[1];
}

export interface FailureEntry {
  code: string;
  url?: string;
  explanation?: string;
}

function emptyFailures(): C2paFailures {
  return { tamper: [], malformed: [], credential: [], conformance: [], ingredient: [] };
}

/** The failure's explanation when the store moved (lib/c2pa/manifest-moved.ts): what happened to the file. */
function movedWords(by: number): string {
  return by > 0
    ? `the Content Credentials sit ${by} bytes later than where they were signed: bytes were added before them`
    : `the Content Credentials sit ${-by} bytes earlier than where they were signed: bytes were removed before them`;
}

/**
 * Classifies failure entries. `activeLabel` is the active manifest's label: an entry whose URL names any
 * other manifest is an ingredient's fault, whichever list the engine put it in. `movedBy`: the store moved
 * since signing (lib/c2pa/manifest-moved.ts), so a shifted exclusion is a change to the file, not the tool's.
 */
export function classifyFailures(
  entries: readonly FailureEntry[],
  activeLabel: string,
  movedBy?: number,
): C2paFailures {
  const out = emptyFailures();
  const seen = new Set<string>();
  // A shifted exclusion makes every mismatch of the same binding assertion a symptom of it, unless the store
  // itself moved: then the mismatch is what a change to the file looks like.
  const shiftedBindings = new Set(
    movedBy === undefined
      ? entries.filter((e) => SHIFTED_EXCLUSION.test(e.explanation ?? '')).map((e) => e.url ?? '')
      : [],
  );
  for (const entry of entries) {
    const manifestLabel = manifestOfUrl(entry.url);
    const key = `${entry.code}|${entry.url ?? ''}|${entry.explanation ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const explanation =
      movedBy !== undefined && SHIFTED_EXCLUSION.test(entry.explanation ?? '')
        ? `${entry.explanation}; ${movedWords(movedBy)}`
        : entry.explanation;
    const failure: C2paFailure = {
      code: entry.code,
      ...(explanation ? { explanation: explanation.slice(0, 300) } : {}),
      ...(manifestLabel ? { manifestLabel: manifestLabel.slice(0, 500) } : {}),
    };
    if (manifestLabel !== undefined && manifestLabel !== activeLabel) {
      out.ingredient.push(failure);
    } else if (TRUST_ONLY.test(entry.code)) {
      // The tier says it; an untrusted signer is not a failed check.
    } else if (TAMPER.test(entry.code) && !shiftedBindings.has(entry.url ?? '')) {
      out.tamper.push(failure);
    } else if (TAMPER.test(entry.code) || MALFORMED.test(entry.code)) {
      out.malformed.push(failure);
    } else if (CREDENTIAL.test(entry.code)) {
      out.credential.push(failure);
    } else if (entry.code.startsWith('ingredient.')) {
      out.ingredient.push(failure);
    } else {
      out.conformance.push(failure);
    }
  }
  return out;
}

/**
 * A creator identity statement (CAWG) that could not be confirmed, in words, or undefined. Our checks make
 * no network lookups, so a linked identity (`cawg.ica.did_unavailable`) is never confirmed: said, not held
 * against the signer.
 */
export function identityProblemWords(failures: C2paFailures): string | undefined {
  return failures.credential.some((f) => f.code.startsWith('cawg.'))
    ? 'creator identity statement not confirmed'
    : undefined;
}

/** True when nothing but the signer's credentials (or nothing at all) failed in the active manifest. */
export function integrityIntact(failures: C2paFailures): boolean {
  return failures.tamper.length === 0 && failures.malformed.length === 0;
}

/**
 * Short words for the signer's credential problems, for a verdict's reason ("certificate expired, no
 * timestamp"). CAWG identity findings are left out: they speak of a creator identity statement beside the
 * signature, not of the signer (see `identityProblemWords`).
 */
export function credentialProblemWords(failures: C2paFailures, hasTrustedTimestamp: boolean): string[] {
  const words: string[] = [];
  const add = (w: string) => {
    if (!words.includes(w)) words.push(w);
  };
  for (const { code } of failures.credential) {
    if (code.startsWith('cawg.')) continue;
    if (code === 'signingCredential.expired' || code === 'claimSignature.outsideValidity') {
      add('certificate expired');
      if (!hasTrustedTimestamp) add('no timestamp');
    } else if (code.endsWith('.revoked')) add('certificate revoked');
    else if (code === 'signingCredential.invalid') add('certificate not valid for signing');
    else if (code.startsWith('timeStamp.')) add('timestamp not valid');
    else if (code.startsWith('signingCredential.ocsp.')) add('revocation status unknown');
    else add(code);
  }
  return words;
}
