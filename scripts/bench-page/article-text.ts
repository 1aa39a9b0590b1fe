/**
 * Deterministic prose for the text-heavy bench page: paragraphs of 250–600 characters built from a fixed
 * vocabulary, so every run and machine sees the same text (and the same collapsed-text SHA-256 values).
 */
import { between, createRng, pick } from './prng.ts';

const SUBJECTS = [
  'The harbour authority',
  'A spokesperson for the council',
  'Local fishermen',
  'The regional transport agency',
  'Researchers at the university',
  'The market traders',
  'An independent auditor',
  'Residents of the old quarter',
  'The city archive',
  'Several engineers',
];
const VERBS = [
  'confirmed',
  'questioned',
  'documented',
  'reported',
  'disputed',
  'welcomed',
  'reviewed',
  'published',
  'measured',
  'described',
];
const OBJECTS = [
  'the new tidal barrier',
  'the cost of the renovation',
  'the photographs from the night of the storm',
  'a decline in the number of ferry crossings',
  'the plan to widen the northern quay',
  'records going back to the nineteenth century',
  'the timetable for the rail link',
  'changes to the fish market licences',
  'the survey of the bridge foundations',
  'an unusual rise in water temperature',
];
const TAILS = [
  'after months of debate',
  'in a statement on Tuesday',
  'according to documents seen by this newspaper',
  'despite objections from the opposition',
  'while the investigation continues',
  'ahead of the summer season',
  'in a report to the regional assembly',
  'for the first time in a decade',
];

function sentence(rng: () => number): string {
  return `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)} ${pick(rng, TAILS)}.`;
}

/** `count` distinct paragraphs; each starts with its number so no two collapse to the same text. */
export function paragraphs(count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const sentences = Array.from({ length: between(rng, 3, 6) }, () => sentence(rng));
    out.push(`Paragraph ${i + 1}. ${sentences.join(' ')}`);
  }
  return out;
}
