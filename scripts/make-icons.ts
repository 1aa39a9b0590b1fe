/**
 * Draws the Origin Lens mark (a shield holding a lens, with an amber "point of origin" in the glass) and
 * renders the toolbar/store PNGs WXT picks up from public/icon/<size>.png, plus public/icon/logo.svg for
 * the extension pages. One source, so the toolbar and the pages never drift apart.
 *
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const SIZES = [16, 32, 48, 96, 128] as const;

/**
 * The mark on a 128-unit grid. Small sizes get thicker strokes and no glint: at 16 px a 1-px detail turns
 * into blur, and the ring must stay readable as a lens.
 */
export function markSvg(size: number): string {
  const small = size <= 32;
  const ring = small ? 12 : 9;
  const handle = small ? 15 : 12;
  const glint = small
    ? ''
    : '<path d="M46 46 A19 19 0 0 1 60 39" fill="none" stroke="#ffffff" stroke-opacity=".55" stroke-width="4" stroke-linecap="round"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="shield" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#4338ca"/>
      <stop offset="1" stop-color="#0e7490"/>
    </linearGradient>
  </defs>
  <path d="M64 6 L113 23 V60 C113 93 92 113 64 123 C36 113 15 93 15 60 V23 Z" fill="url(#shield)" stroke="#312e81" stroke-width="${small ? 0 : 2}" stroke-linejoin="round"/>
  <circle cx="58" cy="56" r="${small ? 23 : 24}" fill="#0b1026" fill-opacity=".35" stroke="#ffffff" stroke-width="${ring}"/>
  ${glint}
  <circle cx="58" cy="56" r="${small ? 9 : 8}" fill="#fbbf24"/>
  <path d="M76 74 L94 92" stroke="#ffffff" stroke-width="${handle}" stroke-linecap="round"/>
</svg>
`;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'logo.svg'), markSvg(128));
  for (const size of SIZES) {
    const png = await sharp(Buffer.from(markSvg(size)))
      .png({ compressionLevel: 9 })
      .toBuffer();
    await writeFile(join(OUT, `${size}.png`), png);
  }
  console.log(`wrote ${SIZES.map((s) => `${s}.png`).join(', ')} and logo.svg to ${OUT}`);
}

await main();
