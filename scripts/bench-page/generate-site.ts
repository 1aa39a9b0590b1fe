/**
 * Generates the bench site into .bench/site (gitignored) and the devnet seed that registers part of it:
 * (a) gallery.html: 200 images, 20 of them in the first 1280×800 viewport;
 * (b) article.html: 120 paragraphs (16 registered as text, kind 2) and 7 images;
 * (c) feed.html: 10 images at load, then 10 more every 500 ms for 10 s;
 * (d) longread.html and thread.html: the hard pages of hard-pages.ts (no images, nothing registered).
 * Deterministic; reused as long as GENERATOR_VERSION and the seed file are unchanged.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SeedEntry } from '../../cli/commands/devnet.ts';
import { paragraphs } from './article-text.ts';
import { ROOT, SEED_DIR, SEED_FILE, SITE_DIR } from './bench-paths.ts';
import { LONGREAD_PARAGRAPHS, longreadHtml, THREAD_PARAGRAPHS, threadHtml } from './hard-pages.ts';
import { type BenchImage, writeC2paCopies, writeVariants } from './image-variants.ts';
import { articleHtml, type FeedOptions, feedHtml, galleryHtml } from './page-html.ts';
import { createRng, shuffled } from './prng.ts';

/** Bump when the generated content changes, so that a stale .bench/site is rebuilt. */
const GENERATOR_VERSION = 5;
const SEED = 0x0a1e_2026;

export type PageName = 'gallery' | 'article' | 'feed' | 'longread' | 'thread';
/** What the bench measures: a page, or the gallery with every chain off (the shipped default). */
/** A page, or a page visited with every chain off (`-off`: the shipped default, no registry, no PDQ index). */
export type RunName = PageName | 'gallery-off' | 'feed-off';
export const pageOf = (name: RunName): PageName => name.replace(/-off$/, '') as PageName;
export const chainsOffIn = (name: RunName): boolean => name.endsWith('-off');

export interface BenchPage {
  name: PageName;
  path: string;
  /** Image URLs (paths) on the page, in document order (the feed: in insertion order). */
  images: string[];
  /** Text blocks the scanner will fingerprint (paragraphs ≥ 80 characters). */
  texts: number;
}

export interface BenchSite {
  version: number;
  pages: Record<PageName, BenchPage>;
  feed: FeedOptions;
  images: { count: number; averageBytes: number; byFormat: Record<string, number>; c2paCopies: number };
  registered: {
    publisherImages: number;
    strangerImages: number;
    publisherTexts: number;
    strangerTexts: number;
  };
}

const FEED: FeedOptions = { initial: 10, perBatch: 10, batches: 20, intervalMs: 500, maxPosts: 100 };
const PARAGRAPHS = 120;

function loadExisting(): BenchSite | null {
  const file = join(SITE_DIR, 'site.json');
  if (!existsSync(file) || !existsSync(SEED_FILE)) return null;
  try {
    const site = JSON.parse(readFileSync(file, 'utf8')) as BenchSite;
    return site.version === GENERATOR_VERSION ? site : null;
  } catch {
    return null;
  }
}

export async function generateSite(options: { force?: boolean } = {}): Promise<BenchSite> {
  const existing = options.force ? null : loadExisting();
  if (existing) return existing;
  rmSync(SITE_DIR, { recursive: true, force: true });
  rmSync(SEED_DIR, { recursive: true, force: true });
  for (const dir of [join(SITE_DIR, 'img'), join(SITE_DIR, 'c2pa'), SEED_DIR])
    mkdirSync(dir, { recursive: true });

  const rng = createRng(SEED);
  const variants = await writeVariants(SITE_DIR, 196, SEED + 1);
  const copies = await writeC2paCopies(SITE_DIR, 3);
  const v = (i: number) => variants[i] as BenchImage;
  const seed: SeedEntry[] = [];
  const fileOf = (path: string) => relative(ROOT, join(SITE_DIR, path));

  // Registered images: v000–v011 by the trusted publisher (two declared AI), v012–v019 by a stranger.
  for (let i = 0; i < 20; i++) {
    const entry: SeedEntry = {
      file: fileOf(v(i).path),
      as: i < 12 ? 'publisher' : 'stranger',
      uri: `https://bench.example/photos/${i}`,
    };
    if (i < 2) entry.ai = true;
    seed.push(entry);
  }

  // (a) Gallery: the first viewport mixes 5 C2PA copies, 4 registered images and 11 others.
  const galleryCopies = copies.filter((c) => !c.path.includes('-3.'));
  const firstC2pa = galleryCopies.filter((c) => c.path.includes('-1.')).slice(0, 5);
  const firstRegistered = [v(0), v(2), v(5), v(12)];
  const firstOthers = variants.slice(20, 31);
  const first = shuffled(rng, [...firstC2pa, ...firstRegistered, ...firstOthers]);
  const used = new Set(first.map((i) => i.path));
  const rest = shuffled(
    rng,
    [...variants.slice(0, 180), ...galleryCopies].filter((i) => !used.has(i.path)),
  );
  const gallery = [...first, ...rest].map((i) => i.path);

  // (b) Article: 120 paragraphs with a heading every 12, and an image every 17 paragraphs (7 in all).
  const texts = paragraphs(PARAGRAPHS, SEED + 2);
  const articleImages = [
    v(180).path,
    copies.find((c) => c.path.startsWith('c2pa/valid_photoshop-3'))?.path as string,
    v(181).path,
    v(182).path,
    copies.find((c) => c.path.startsWith('c2pa/ai_composite_firefly_photoshop-3'))?.path as string,
    v(183).path,
    v(184).path,
  ];
  const blocks: Parameters<typeof articleHtml>[0] = [];
  texts.forEach((text, i) => {
    if (i % 12 === 0) blocks.push({ kind: 'h2', text: `Part ${i / 12 + 1}` });
    if (i % 17 === 3) blocks.push({ kind: 'img', src: articleImages[(i - 3) / 17] as string });
    blocks.push({ kind: 'p', text });
  });
  // Registered paragraphs: every 10th from the second (publisher), and four more by the stranger.
  const registeredTexts: Array<[number, SeedEntry['as']]> = [
    ...Array.from({ length: 12 }, (_, k) => [1 + k * 10, 'publisher'] as [number, SeedEntry['as']]),
    ...[4, 37, 66, 95].map((i) => [i, 'stranger'] as [number, SeedEntry['as']]),
  ];
  for (const [i, as] of registeredTexts) {
    const file = join(SEED_DIR, `paragraph-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(file, texts[i] as string);
    seed.push({ file: relative(ROOT, file), as, uri: `https://bench.example/article#p${i}` });
  }

  // (c) Feed: 10 unseen images first, then the gallery's images in another order.
  const feedImages = [...variants.slice(185, 195).map((i) => i.path), ...shuffled(rng, gallery)];

  writeFileSync(join(SITE_DIR, 'gallery.html'), galleryHtml(gallery));
  writeFileSync(join(SITE_DIR, 'article.html'), articleHtml(blocks));
  writeFileSync(join(SITE_DIR, 'feed.html'), feedHtml(feedImages, FEED));
  writeFileSync(join(SITE_DIR, 'longread.html'), longreadHtml(SEED + 3));
  writeFileSync(join(SITE_DIR, 'thread.html'), threadHtml(SEED + 4));
  writeFileSync(SEED_FILE, `${JSON.stringify(seed, null, 2)}\n`);

  const all = [...variants, ...copies];
  const byFormat: Record<string, number> = {};
  for (const i of all) byFormat[i.format] = (byFormat[i.format] ?? 0) + 1;
  const site: BenchSite = {
    version: GENERATOR_VERSION,
    pages: {
      gallery: { name: 'gallery', path: '/gallery.html', images: gallery, texts: 0 },
      article: { name: 'article', path: '/article.html', images: articleImages, texts: PARAGRAPHS },
      feed: { name: 'feed', path: '/feed.html', images: feedImages, texts: 0 },
      // Every paragraph, plus the one inside each of the 8 nested quotes.
      // The eight nested quotes repeat paragraphs of the page, and the verdict watch follows a text by its
      // words (itemKey): 2,000 distinct texts to settle.
      longread: { name: 'longread', path: '/longread.html', images: [], texts: LONGREAD_PARAGRAPHS },
      thread: { name: 'thread', path: '/thread.html', images: [], texts: THREAD_PARAGRAPHS },
    },
    feed: FEED,
    images: {
      count: all.length,
      averageBytes: Math.round(all.reduce((s, i) => s + i.bytes, 0) / all.length),
      byFormat,
      c2paCopies: copies.length,
    },
    registered: {
      publisherImages: 12,
      strangerImages: 8,
      publisherTexts: registeredTexts.filter(([, as]) => as === 'publisher').length,
      strangerTexts: registeredTexts.filter(([, as]) => as === 'stranger').length,
    },
  };
  writeFileSync(join(SITE_DIR, 'site.json'), `${JSON.stringify(site, null, 2)}\n`);
  return site;
}
