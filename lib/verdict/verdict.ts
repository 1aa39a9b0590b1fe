import type { ChainRecord, Evidence, VerdictResult } from '../evidence/types.ts';
import { trustListWords } from '../format/c2pa-words.ts';
import { type AiReading, type C2paReading, readC2paResult } from './c2pa-reading.ts';

/** "(C2PA trust list)" or "" for a signer on no list. */
function listNote(list: C2paReading['list']): string {
  return list ? `, on the ${trustListWords(list)}` : '';
}

function problemsNote(problems: readonly string[]): string {
  return problems.length > 0 ? `; ${problems.join(', ')}` : '';
}

/**
 * An AI declaration, honoured whenever the content still matches its credentials, even when only the
 * credentials failed (expired, untrusted, no timestamp): the reason names the problem, and a declarer on
 * none of the user's lists shows on the badge's face, since a false AI label is itself a tactic.
 */
function aiVerdict(reading: C2paReading, ai: AiReading): VerdictResult {
  const label = reading.label && /AI/.test(reading.label) ? reading.label : 'AI-generated';
  const what = ai.inferredFrom ? `${label} (inferred from the tool that made it: ${ai.inferredFrom})` : label;
  const by = ai.declarer ?? 'an unnamed signer';
  const verb = ai.inferredFrom ? 'signed by' : 'declared by';
  const unverified = ai.declarerTier === 'untrusted';
  const trust = unverified ? ', who is not on your trust lists' : listNote(ai.declarerList);
  const resigned = reading.resigned ? `; resized by ${reading.resigned.by}` : '';
  return {
    verdict: 'ai-generated',
    reason: `${what}, ${verb} ${by}${trust}${problemsNote(ai.problems)}${resigned}`,
    ...(unverified ? { variant: 'unverified' as const } : {}),
  };
}

/** Who vouches for the file: the signer, or for a re-signed file the CDN and the origin below it. */
function signedBy(reading: C2paReading): string {
  const signer = reading.signer ?? 'a trusted signer';
  if (!reading.resigned) return `Signed by ${signer}${listNote(reading.list)}`;
  const origin = reading.resigned.origin ? `; originally signed by ${reading.resigned.origin}` : '';
  return `Resized by ${reading.resigned.by}${listNote(reading.list)}${origin}`;
}

/** "Camera capture. " for a label that is not about AI (AI labels lead the AI verdict instead). */
function labelPrefix(reading: C2paReading): string {
  return reading.label && !/AI/.test(reading.label) ? `${reading.label}. ` : '';
}

function verifiedVerdict(reading: C2paReading): VerdictResult {
  const label = labelPrefix(reading);
  const identity = reading.identityProblem ? `; ${reading.identityProblem}` : '';
  const fault = reading.earlierFault ? '; an earlier step has a fault (see details)' : '';
  return { verdict: 'verified', reason: `${label}${signedBy(reading)}${identity}${fault}` };
}

function who(record: ChainRecord): string {
  return record.registrantName ?? `${record.registrant.slice(0, 6)}…${record.registrant.slice(-4)}`;
}

function where(record: ChainRecord): string {
  return record.chainName ? ` on ${record.chainName}` : '';
}

/**
 * The one function that maps evidence to a badge. Precedence follows docs/architecture.md "Badge precedence":
 * tampered > AI-generated > verified > registered > unknown signer > could not check > no provenance.
 * "Could not check" wins over "no provenance": a failed check must never read as "nothing found".
 */
export function verdictFor(evidence: Evidence): VerdictResult {
  const { chain } = evidence;
  const reading = readC2paResult(evidence.c2pa);
  const live = (chain?.records ?? []).filter((r) => !r.revoked);
  const exact = live.filter((r) => r.match !== 'perceptual' && r.match !== 'similar-text');
  const perceptual = live.filter((r) => r.match === 'perceptual');

  // Red only when the active manifest no longer matches the content or its own claim (issue 12, rule 2).
  if (reading?.integrity === 'tampered') {
    const code = reading.integrityFailure?.code ?? 'integrity failure';
    return { verdict: 'tampered', reason: `Content Credentials do not match the content (${code})` };
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
    const source = `Content Credentials recovered from Origin Lens registry${lead ? `, ${from.bits} bits apart` : ''}`;
    if (recovered.c2pa.aiGenerated) {
      const what = lead ? 'Looks like an AI-generated image' : 'AI-generated';
      return { verdict: 'ai-generated', reason: `${what} (${source})`, ...variant };
    }
    const signer = recovered.c2pa.signer?.issuer ?? recovered.c2pa.signer?.commonName ?? 'an unknown signer';
    if (lead && !aiRecord && !exact.some((r) => r.trusted)) {
      return {
        verdict: 'registered',
        reason: `Looks like an image signed by ${signer} (${source})`,
        ...variant,
      };
    }
  }
  if (aiRecord) {
    const lead =
      aiRecord.match === 'perceptual'
        ? 'Looks like an image declared AI-generated by'
        : aiRecord.match === 'similar-text'
          ? 'Looks like a passage declared AI-generated by'
          : 'Declared AI-generated by';
    const isLead = aiRecord.match === 'perceptual' || aiRecord.match === 'similar-text';
    return {
      verdict: 'ai-generated',
      reason: `${lead} ${who(aiRecord)}${where(aiRecord)}`,
      ...(isLead ? { variant: 'lead' as const } : {}),
    };
  }

  const intact = reading?.integrity === 'intact';
  if (intact && reading.tier !== 'untrusted' && reading.credentialProblems.length === 0) {
    return verifiedVerdict(reading);
  }
  const trustedRecord = exact.find((r) => r.trusted);
  if (trustedRecord) {
    return { verdict: 'verified', reason: `Registered by ${who(trustedRecord)}${where(trustedRecord)}` };
  }

  const trustedLookalike = perceptual.find((r) => r.trusted);
  if (trustedLookalike) {
    return {
      verdict: 'registered',
      reason: `Looks like an image registered by ${who(trustedLookalike)} (${trustedLookalike.distance ?? '?'} bits apart)`,
      variant: 'lead',
    };
  }
  // Lightly edited text (ISCC Text-Code within ISCC_MATCH_BITS of a trusted registrant's record): a lead.
  const similarText = live.find((r) => r.match === 'similar-text' && r.trusted);
  if (similarText) {
    return {
      verdict: 'registered',
      reason: `Looks like a passage registered by ${who(similarText)} (${similarText.distance ?? '?'} of 64 bits differ)`,
      variant: 'lead',
    };
  }
  const unknownRecord = exact[0];
  if (unknownRecord) {
    return { verdict: 'registered', reason: `Registered by an unknown party${where(unknownRecord)}` };
  }
  if (chain && chain.otherRegistrations > 0) {
    return { verdict: 'registered', reason: 'Registered by a party not on your trusted list' };
  }

  // The signing tool wrote the binding wrong: nothing can be said about the content (rule 3).
  if (reading?.integrity === 'malformed') {
    const code = reading.integrityFailure?.code;
    return {
      verdict: 'error',
      reason: `Could not check: Content Credentials are malformed (the signing tool wrote them wrong${code ? `: ${code}` : ''})`,
    };
  }

  if (reading) {
    const signer = reading.signer ?? 'an unknown signer';
    const problems = [
      ...reading.credentialProblems,
      ...(reading.identityProblem ? [reading.identityProblem] : []),
    ];
    const fault = reading.earlierFault ? '; an earlier step has a fault' : '';
    const label = labelPrefix(reading);
    if (reading.tier !== 'untrusted') {
      // On a list, but the certificate failed (expired with no timestamp, revoked…).
      return {
        verdict: 'unknown-signer',
        reason: `${label}Signed by ${signer}${listNote(reading.list)}, but the signature cannot be confirmed${problemsNote(problems)}${fault}`,
      };
    }
    return {
      verdict: 'unknown-signer',
      reason: `${label}Signed by ${signer}, who is not on your trust lists${problems.length > 0 ? ` (${problems.join(', ')})` : ''}${fault}`,
    };
  }

  const c2pa = evidence.c2pa;
  const failure =
    evidence.fetchError ??
    (c2pa?.state === 'error' ? (c2pa.error ?? 'Content Credentials could not be read') : undefined) ??
    (chain?.state === 'error' ? (chain.errors?.[0] ?? 'the registry could not be reached') : undefined);
  if (failure) return { verdict: 'error', reason: `Could not check: ${failure}` };

  return { verdict: 'no-provenance', reason: 'No Content Credentials and no registry record found' };
}
