/** Reproducible random 256-bit hashes (64 hex digits, no 0x) for PDQ index tests and benchmarks. */
export function randomHash256(random: () => number): string {
  let hex = '';
  for (let k = 0; k < 8; k++)
    hex += Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return hex;
}
