/**
 * A cheap, approximate PDQ hash that decides whether the exact one is worth computing (issue 14: decode only
 * where a perceptual comparison can happen). The exact `cpp_nn512` hash needs the whole image decoded (~50 ms
 * for a 1600 x 1000 JPEG in Chromium's worker); this one hashes the JPEG's 1/8-scale luma read from its DC
 * coefficients (jpeg-dc-luma.ts), ~3-6 ms in Node for the same file.
 *
 * The two hashes differ (block means instead of nearest-neighbour samples), so the approximate one never
 * decides a match. It only rules one out: if no record lies within PDQ_SCREEN_DISTANCE of it, the exact hash
 * cannot lie within PDQ_MATCH_DISTANCE of one either, as long as the two differ by at most PDQ_SCREEN_MARGIN
 * bits (triangle inequality). Anything nearer is decoded exactly.
 * Measured on the JPEG fixtures and the bench's 105 JPEG variants (screen-pdq.test.ts checks the fixtures): photos
 * differ by 6-30 bits (median ~16); flat graphics (black text on white) by up to 54, and their exact hash is as
 * unstable (nearest-neighbour against full-resolution PDQ: 28-40 bits). Hashes of quality < 50, which never match,
 * by up to 100.
 */
import type { HexString } from '../evidence/types.ts';
import { PDQ_MATCH_DISTANCE } from './hamming.ts';
import { jpegDcLuma } from './jpeg-dc-luma.ts';
import { type PdqHash, pdqFromLuma } from './pdq.ts';
import { needsShrink } from './shrink-nearest.ts';

/** How far the approximate hash may stray from the exact one without a match being missed. */
export const PDQ_SCREEN_MARGIN = 48;
/** Records within this many bits of the approximate hash make the exact hash worth computing. */
export const PDQ_SCREEN_DISTANCE = PDQ_MATCH_DISTANCE + PDQ_SCREEN_MARGIN;
/**
 * Fewer blocks than this on the short side (a JPEG under ~400 px) hash too coarsely (32 x 32 blocks: 24-76
 * bits from the exact hash); such images are small enough to decode exactly anyway.
 */
const MIN_BLOCKS = 48;

/**
 * Would a record within `PDQ_SCREEN_DISTANCE` bits of this approximate hash be found? Answered by the PDQ index;
 * true means "decode exactly".
 */
export type PdqScreen = (approx: HexString) => Promise<boolean>;

/**
 * The approximate PDQ hash of a JPEG larger than 512 px on a side (the ones whose exact decode is costly), or
 * undefined: another format, a JPEG this reader does not handle, or too small. Never throws.
 */
export function screenPdq(bytes: Uint8Array): PdqHash | undefined {
  const dc = jpegDcLuma(bytes);
  if (!dc || Math.min(dc.width, dc.height) < MIN_BLOCKS) return undefined;
  if (!needsShrink(dc.width * 8, dc.height * 8)) return undefined;
  return pdqFromLuma(dc.luma, dc.width, dc.height);
}
