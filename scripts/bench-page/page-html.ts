/** HTML of the three bench pages. Image sizes are fixed in CSS so that layout never waits for the bytes. */

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HEAD = (title: string, css: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { margin: 0; font: 16px/1.5 Georgia, serif; color: #1f2937; background: #fafaf9; }
header { box-sizing: border-box; height: 130px; padding: 24px; }
h1 { margin: 0; font: 700 32px/1.2 system-ui, sans-serif; }
${css}
</style></head>`;

/** Five 240×160 cards per row under a 130 px header: exactly 20 images in a 1280×800 viewport. */
const GRID_CSS = `
.grid { display: grid; grid-template-columns: repeat(5, 240px); gap: 8px; padding: 0 24px 24px; }
.grid img { display: block; width: 240px; height: 160px; object-fit: cover; background: #e7e5e4; }`;

export function galleryHtml(images: string[]): string {
  const cards = images.map((src, i) => `<img src="${escapeHtml(src)}" alt="Photo ${i + 1}">`).join('\n');
  return `${HEAD('Bench: gallery of 200 images', GRID_CSS)}
<body><header><h1>Gallery</h1><p>${images.length} photos</p></header>
<main class="grid">
${cards}
</main></body></html>
`;
}

export function articleHtml(
  blocks: Array<{ kind: 'p' | 'h2'; text: string } | { kind: 'img'; src: string }>,
): string {
  const css = `
main { max-width: 760px; margin: 0 auto; padding: 0 20px 60px; }
main p { margin: 0 0 1em; }
main h2 { font: 700 22px/1.3 system-ui, sans-serif; margin: 1.5em 0 .5em; }
figure { margin: 1.5em 0; }
figure img { display: block; width: 720px; height: 480px; object-fit: cover; background: #e7e5e4; }`;
  const body = blocks
    .map((b) =>
      b.kind === 'img'
        ? `<figure><img src="${escapeHtml(b.src)}" alt=""><figcaption>Photo</figcaption></figure>`
        : `<${b.kind}>${escapeHtml(b.text)}</${b.kind}>`,
    )
    .join('\n');
  return `${HEAD('Bench: long article', css)}
<body><header><h1>The harbour, a year later</h1></header>
<main><article>
${body}
</article></main></body></html>
`;
}

export interface FeedOptions {
  /** Images shown before the load event. */
  initial: number;
  perBatch: number;
  batches: number;
  intervalMs: number;
  /** Oldest posts are removed past this many, as virtualised endless feeds do. */
  maxPosts: number;
}

/**
 * An endless feed: after the load event, a page script appends `perBatch` images every `intervalMs`, scrolls
 * to the newest (a reader following the feed) and drops the oldest posts past `maxPosts`. It logs each
 * image's insertion time and the time its own load event fired (epoch ms, high resolution) in `window.__feed`
 * for the bench to read.
 */
export function feedHtml(images: string[], o: FeedOptions): string {
  const script = `
(() => {
  const SOURCES = ${JSON.stringify(images)};
  const feed = document.getElementById('feed');
  const state = { log: [], done: false, startedAt: 0, endedAt: 0 };
  window.__feed = state;
  let next = 0;
  const batch = (n) => {
    for (let i = 0; i < n && next < SOURCES.length; i++) {
      const img = document.createElement('img');
      img.alt = 'Post ' + (next + 1);
      img.src = SOURCES[next++];
      feed.append(img);
      const entry = { url: img.src, t: performance.timeOrigin + performance.now() };
      state.log.push(entry);
      img.addEventListener('load', () => { entry.loadedAt = performance.timeOrigin + performance.now(); }, { once: true });
    }
    while (feed.children.length > ${o.maxPosts}) feed.firstElementChild.remove();
    window.scrollTo(0, document.documentElement.scrollHeight);
  };
  batch(${o.initial});
  addEventListener('load', () => {
    state.startedAt = performance.timeOrigin + performance.now();
    let done = 0;
    const timer = setInterval(() => {
      batch(${o.perBatch});
      if (++done === ${o.batches}) {
        clearInterval(timer);
        state.done = true;
        state.endedAt = performance.timeOrigin + performance.now();
      }
    }, ${o.intervalMs});
  });
})();`;
  return `${HEAD('Bench: endless feed', GRID_CSS)}
<body><header><h1>Feed</h1><p>New posts every ${o.intervalMs} ms</p></header>
<main class="grid" id="feed"></main>
<script>${script}</script>
</body></html>
`;
}
