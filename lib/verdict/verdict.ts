import type { ChainRecord, Evidence, VerdictResult } from '../evidence/types.ts';
import { couldNotCheck } from '../i18n/could-not-check.ts';
import { reasonParams as params, type ReasonCode, type ReasonParams } from '../i18n/reason-code.ts';
import { renderReason } from '../i18n/render-reason.ts';
import type { Translate } from '../i18n/translate.ts';
import { type AiReading, type C2paReading, readC2paResult } from './c2pa-reading.ts';

/** A verdict before its reason is put into words (lib/i18n/render-reason.ts words it). */
interface Decision {
  verdict: VerdictResult['verdict'];
  reasonCode: ReasonCode;
  reasonParams: ReasonParams;
  variant?: VerdictResult['variant'];
}

/** "Camera capture" for a label that is not about AI (AI labels lead the AI verdict instead). */
function plainLabel(reading: C2paReading): string | undefined {
  return reading.label && !/AI/.test(reading.label) ? reading.label : undefined;
}

/**
 * An AI declaration, honoured whenever the content still matches its credentials, even when only the
 * credentials failed (expired, untrusted, no timestamp): the reason names the problem, and a declarer on
 * none of the user's lists shows on the badge's face, since a false AI label is itself a tactic.
 */
function aiVerdict(reading: C2paReading, ai: AiReading): Decision {
  const unverified = ai.declarerTier === 'untrusted';
  return {
    verdict: 'ai-generated',
    reasonCode: 'ai',
    reasonParams: params({
      label: reading.label && /AI/.test(reading.label) ? reading.label : undefined,
      inferredFrom: ai.inferredFrom,
      declarer: ai.declarer,
      untrusted: unverified || undefined,
      list: unverified ? undefined : ai.declarerList,
      problems: ai.problems,
      resizedBy: reading.resigned?.by,
      // Only when true, so that the reasons of AI files with a sound history stay as they were.
      earlierFault: reading.earlierFault || undefined,
    }),
    ...(unverified ? { variant: 'unverified' as const } : {}),
  };
}

/** Who vouches for the file: the signer, or for a re-signed file the CDN and the origin below it. */
function verifiedVerdict(reading: C2paReading): Decision {
  return {
    verdict: 'verified',
    reasonCode: 'verified',
    reasonParams: params({
      label: plainLabel(reading),
      signer: reading.signer,
      list: reading.list,
      resizedBy: reading.resigned?.by,
      origin: reading.resigned?.origin,
      identity: reading.identityProblem,
      earlierFault: reading.earlierFault,
    }),
  };
}

function who(record: ChainRecord): string {
  return record.registrantName ?? `${record.registrant.slice(0, 6)}…${record.registrant.slice(-4)}`;
}

/**
 * The one function that maps evidence to a badge. Precedence follows docs/architecture.md "Badge precedence":
 * tampered > AI-generated > verified > registered > unknown signer > could not check > no provenance.
 * "Could not check" wins over "no provenance": a failed check must never read as "nothing found".
 */
export function verdictFor(evidence: Evidence, translate: Translate): VerdictResult {
  const decision = decide(evidence);
  return { ...decision, reason: renderReason(decision, translate) ?? '' };
}

function decide(evidence: Evidence): Decision {
  const { chain } = evidence;
  const reading = readC2paResult(evidence.c2pa);
  const live = (chain?.records ?? []).filter((r) => !r.revoked);
  const exact = live.filter((r) => r.match !== 'perceptual' && r.match !== 'similar-text');
  const perceptual = live.filter((r) => r.match === 'perceptual');

  // Red only when the active manifest no longer matches the content or its own claim (issue 12, rule 2).
  if (reading?.integrity === 'tampered') {
    const failure = reading.integrityFailure?.code;
    return { verdict: 'tampered', reasonCode: 'tampered', reasonParams: params({ failure }) };
  }

  if (reading?.integrity === 'intact' && reading.ai) return aiVerdict(reading, reading.ai);
  const aiRecord = live.find((r) => r.aiGenerated);
  // Recovered Content Credentials (lib/recover): none of the item's own; a trusted registrant's record named the
  // original's manifest store, fetched, hash-checked and validated without its hard binding. A look-alike stays a
  // lead ("Looks like …"), never "verified". Wording documented in README "What the badges mean".
  const recovered = evidence.recovered?.state === 'recovered' ? evidence.recovered : undefined;
  if (recovered?.c2pa?.state === 'valid') {
    const { from } = recovered;
    const lead = from.match === 'perceptual';
    const variant = lead ? { variant: 'lead' as const } : {};
    const bits = lead ? from.bits : undefined;
    if (recovered.c2pa.aiGenerated) {
      return {
        verdict: 'ai-generated',
        reasonCode: 'recovered-ai',
        reasonParams: params({ lead, bits }),
        ...variant,
      };
    }
    const signer = recovered.c2pa.signer?.issuer ?? recovered.c2pa.signer?.commonName;
    if (lead && !aiRecord && !exact.some((r) => r.trusted)) {
      return {
        verdict: 'registered',
        reasonCode: 'recovered-lookalike',
        reasonParams: params({ signer, bits }),
        ...variant,
      };
    }
  }
  if (aiRecord) {
    const isLead = aiRecord.match === 'perceptual' || aiRecord.match === 'similar-text';
    return {
      verdict: 'ai-generated',
      reasonCode: 'chain-ai',
      reasonParams: params({ match: aiRecord.match, who: who(aiRecord), chain: aiRecord.chainName }),
      ...(isLead ? { variant: 'lead' as const } : {}),
    };
  }

  const intact = reading?.integrity === 'intact';
  if (intact && reading.tier !== 'untrusted' && reading.credentialProblems.length === 0) {
    return verifiedVerdict(reading);
  }
  const trustedRecord = exact.find((r) => r.trusted);
  if (trustedRecord) {
    return {
      verdict: 'verified',
      reasonCode: 'registered',
      reasonParams: params({ who: who(trustedRecord), chain: trustedRecord.chainName }),
    };
  }

  const trustedLookalike = perceptual.find((r) => r.trusted);
  if (trustedLookalike) {
    return {
      verdict: 'registered',
      reasonCode: 'image-lookalike',
      reasonParams: params({ who: who(trustedLookalike), bits: trustedLookalike.distance }),
      variant: 'lead',
    };
  }
  // Lightly edited text (ISCC Text-Code within ISCC_MATCH_BITS of a trusted registrant's record): a lead.
  const similarText = live.find((r) => r.match === 'similar-text' && r.trusted);
  if (similarText) {
    return {
      verdict: 'registered',
      reasonCode: 'passage-lookalike',
      reasonParams: params({ who: who(similarText), bits: similarText.distance }),
      variant: 'lead',
    };
  }
  const unknownRecord = exact[0];
  if (unknownRecord) {
    return {
      verdict: 'registered',
      reasonCode: 'registered-unknown',
      reasonParams: params({ chain: unknownRecord.chainName }),
    };
  }
  if (chain && chain.otherRegistrations > 0) {
    return { verdict: 'registered', reasonCode: 'registered-other', reasonParams: {} };
  }

  // The signing tool wrote the binding wrong: nothing can be said about the content (rule 3).
  if (reading?.integrity === 'malformed') {
    const failure = reading.integrityFailure?.code;
    return { verdict: 'error', reasonCode: 'malformed', reasonParams: params({ failure }) };
  }

  if (reading) {
    const problems = [
      ...reading.credentialProblems,
      ...(reading.identityProblem ? [reading.identityProblem] : []),
    ];
    // On a list, but the certificate failed (expired with no timestamp, revoked…); or on no list at all.
    const onList = reading.tier !== 'untrusted';
    return {
      verdict: 'unknown-signer',
      reasonCode: onList ? 'unconfirmed' : 'untrusted-signer',
      reasonParams: params({
        label: plainLabel(reading),
        signer: reading.signer,
        list: onList ? reading.list : undefined,
        problems,
        earlierFault: reading.earlierFault,
      }),
    };
  }

  const c2pa = evidence.c2pa;
  const failure =
    evidence.fetchError !== undefined
      ? { error: evidence.fetchError }
      : c2pa?.state === 'error'
        ? { error: c2pa.error, source: 'c2pa' as const }
        : chain?.state === 'error'
          ? { error: chain.errors?.[0], source: 'registry' as const }
          : undefined;
  if (failure) return { verdict: 'error', ...couldNotCheck(failure.error, failure.source) };

  return { verdict: 'no-provenance', reasonCode: 'no-provenance', reasonParams: {} };
}
