/**
 * Realistic light edits of a paragraph, for measuring the ISCC Text-Code threshold (scripts/measure-text-threshold.ts,
 * lib/chain/text-match.test.ts): what happens to a quote between the publisher's page and a copy elsewhere.
 * Deterministic for a given seed (lib/testing/seeded-random.ts).
 */
import { seededRandom } from './seeded-random.ts';

export type EditKind =
  | 'one-word-changed'
  | 'two-words-changed'
  | 'sentence-added'
  | 'quotes-and-dashes'
  | 'reflowed'
  | 'word-and-typography';

export const EDIT_KINDS: readonly EditKind[] = [
  'one-word-changed',
  'two-words-changed',
  'sentence-added',
  'quotes-and-dashes',
  'reflowed',
  'word-and-typography',
];

const REPLACEMENTS = [
  'several',
  'new',
  'local',
  'former',
  'major',
  'recent',
  'small',
  'public',
  'early',
  'later',
];
const ADDED = [
  'The statement was published on the organisation’s website on Monday.',
  'Further details are expected to be announced later this week.',
  'A spokesperson declined to comment on the report.',
  '(Additional reporting by our correspondent.)',
];

function changeWords(text: string, n: number, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((_w, i) => i).filter((i) => /^[a-z]{4,}$/.test(words[i] as string));
  for (let k = 0; k < n && candidates.length > 0; k++) {
    const at = candidates.splice(Math.floor(random() * candidates.length), 1)[0] as number;
    const old = words[at] as string;
    const choices = REPLACEMENTS.filter((w) => w !== old);
    words[at] = choices[Math.floor(random() * choices.length)] as string;
  }
  return words.join(' ');
}

/** Curly quotes and apostrophes, en/em dashes, a non-breaking space: what CMSs and word processors do. */
function typography(text: string): string {
  return text
    .replace(/(\w)'(\w)/g, '$1’$2')
    .replace(/(\w)-(\w)/g, '$1‑$2')
    .replace(/, (which|although|while|but) /, ' — $1 ')
    .replace(/^(\S+ \S+ \S+)/, '“$1”')
    .replace(/ (\d+) percent/g, ' $1\u00a0percent');
}

/** Hard line breaks every ~60 characters and doubled spaces: a paragraph copied out of an e-mail or a PDF. */
function reflow(text: string): string {
  let out = '';
  let line = 0;
  for (const word of text.split(' ')) {
    if (line + word.length > 60) {
      out += '\n';
      line = 0;
    } else if (out) {
      out += line % 3 === 0 ? '  ' : ' ';
    }
    out += word;
    line += word.length + 1;
  }
  return out;
}

export function applyEdit(text: string, kind: EditKind, seed: number): string {
  const random = seededRandom(seed);
  switch (kind) {
    case 'one-word-changed':
      return changeWords(text, 1, random);
    case 'two-words-changed':
      return changeWords(text, 2, random);
    case 'sentence-added':
      return `${text} ${ADDED[Math.floor(random() * ADDED.length)]}`;
    case 'quotes-and-dashes':
      return typography(text);
    case 'reflowed':
      return reflow(text);
    case 'word-and-typography':
      return typography(changeWords(text, 1, random));
  }
}
