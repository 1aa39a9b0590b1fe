/**
 * Prints how the ISCC Text-Code threshold trades recall of lightly edited paragraphs against false matches
 * (README "Lightly edited text"). `npx tsx scripts/measure-text-threshold.ts`
 */
import { readFileSync } from 'node:fs';
import { ISCC_MATCH_BITS } from '../lib/fingerprint/hamming.ts';
import { measureTextDistances, randomMatchProbability } from '../lib/fingerprint/text-match-corpus.ts';

const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/text-edits/paragraphs.json', import.meta.url), 'utf8'),
);
const d = await measureTextDistances(corpus);
const pct = (xs: number[], t: number) =>
  `${((100 * xs.filter((x) => x <= t).length) / xs.length).toFixed(0)}%`;
const kinds = Object.keys(d.edits) as Array<keyof typeof d.edits>;
console.log(
  `paragraphs: ${Object.values(corpus.topics).flat().length}, edited copies: ${kinds.length * d.edits[kinds[0] as keyof typeof d.edits].length}`,
);
console.log(
  `unrelated pairs: ${d.sameTopic.length} same topic (min ${Math.min(...d.sameTopic)} bits), ${d.otherTopic.length} other (min ${Math.min(...d.otherTopic)} bits)`,
);
console.log(['bits', ...kinds, 'false (same topic)', 'false (other)', 'P(random pair)'].join(' | '));
for (let t = 6; t <= 18; t += 2) {
  const mark = t === ISCC_MATCH_BITS ? ' ←' : '';
  console.log(
    [
      `${t}${mark}`,
      ...kinds.map((k) => pct(d.edits[k], t)),
      d.sameTopic.filter((x) => x <= t).length,
      d.otherTopic.filter((x) => x <= t).length,
      randomMatchProbability(t).toExponential(1),
    ].join(' | '),
  );
}
