/**
 * The hard pages of the page bench (issue 14): shaped like the real pages where the content script once took
 * the main thread, not like the tidy synthetic ones.
 * - longread.html: a 2,000-paragraph article (paragraphs with inline markup, some of them text-only divs and
 *   <br><br> runs), nested blockquotes, and three big tables of links, above 30,000 elements in all;
 * - thread.html: a 30-paragraph article whose comment thread loads in batches (40 comments every 400 ms,
 *   nested replies), while a ticker on the page mutates every 100 ms, for 8 s.
 * Both set `window.__feed = { done, log: [] }` like the feed (the thread says when its loading is over).
 */
import { paragraphs } from './article-text.ts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HEAD = (title: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { margin: 0; font: 16px/1.5 Georgia, serif; color: #1f2937; background: #fafaf9; }
.story { max-width: 760px; margin: 0 auto; padding: 0 20px; }
table { font: 13px system-ui, sans-serif; border-collapse: collapse; }
td { padding: 1px 6px; }
.comment { margin: 6px 0 6px 18px; font: 14px/1.4 system-ui, sans-serif; }
</style></head>`;

export const LONGREAD_PARAGRAPHS = 2000;
export const THREAD_PARAGRAPHS = 30;

/** The paragraphs the extension will find on longread.html (every form counts as one block). */
export function longreadHtml(seed: number): string {
  const texts = paragraphs(LONGREAD_PARAGRAPHS, seed);
  const parts: string[] = [];
  for (let i = 0; i < texts.length; i += 1) {
    const t = escapeHtml(texts[i] as string);
    const words = t.split(' ');
    const marked = `${words.slice(0, 3).join(' ')} <em>${words.slice(3, 6).join(' ')}</em> ${words.slice(6).join(' ')}`;
    if (i % 10 === 9) parts.push(`<div class="para"><span>${marked}</span></div>`);
    else if (i % 10 === 4 && i + 1 < texts.length) {
      // Two paragraphs in one <p>, separated by <br><br> (the news-site pattern).
      parts.push(`<p>${marked}<br><br>${escapeHtml(texts[++i] as string)}</p>`);
    } else parts.push(`<p>${marked}</p>`);
    if (i % 250 === 100) {
      // Nested quotes, eight deep.
      let q = `<p>${escapeHtml(texts[(i * 7) % texts.length] as string)}</p>`;
      for (let d = 0; d < 8; d++) q = `<blockquote>${q}</blockquote>`;
      parts.push(q);
    }
  }
  const table = (k: number) => {
    const rows: string[] = [];
    for (let r = 0; r < 1500; r++) {
      rows.push(
        `<tr><td><a href="/t${k}/${r}">Story ${k}-${r}</a></td><td><a href="/s${k}/${r}">Section ${r % 37}</a></td><td>${(r * 13) % 997}</td></tr>`,
      );
    }
    return `<table>${rows.join('')}</table>`;
  };
  return `${HEAD('Bench: 2,000-paragraph longread with link tables')}
<body><nav>${Array.from({ length: 60 }, (_, i) => `<a href="/n${i}">Section ${i}</a>`).join(' ')}</nav>
<div class="story"><h1>The long read</h1>
${parts.join('\n')}
</div>
${table(1)}${table(2)}${table(3)}
<script>window.__feed = { done: true, log: [] };</script>
</body></html>
`;
}

export function threadHtml(seed: number): string {
  const texts = paragraphs(THREAD_PARAGRAPHS + 400, seed);
  const story = texts.slice(0, THREAD_PARAGRAPHS).map((t) => `<p>${escapeHtml(t)}</p>`);
  const comments = texts.slice(THREAD_PARAGRAPHS);
  const script = `
(() => {
  const COMMENTS = ${JSON.stringify(comments)};
  const state = { log: [], done: false };
  window.__feed = state;
  const thread = document.getElementById('comments');
  const ticker = document.getElementById('ticker');
  let next = 0;
  const add = (n) => {
    for (let i = 0; i < n && next < COMMENTS.length; i++) {
      const c = document.createElement('div');
      c.className = 'comment';
      c.innerHTML = '<b>reader' + next + '</b> <span></span><div class="replies"></div>';
      c.querySelector('span').textContent = COMMENTS[next++];
      const parents = thread.querySelectorAll('.replies');
      const parent = next % 3 === 0 && parents.length > 0 ? parents[parents.length - 1 - (next % parents.length)] : thread;
      parent.append(c);
    }
  };
  addEventListener('load', () => {
    let ticks = 0;
    const tick = setInterval(() => {
      ticker.textContent = 'Live: ' + new Date().toISOString() + ' · ' + ticks;
      ticker.setAttribute('data-n', String(ticks));
      if (++ticks === 80) {
        clearInterval(tick);
        state.done = true;
      }
    }, 100);
    const load = setInterval(() => {
      add(40);
      if (next >= COMMENTS.length) clearInterval(load);
    }, 400);
  });
})();`;
  return `${HEAD('Bench: article with a comment thread loading in batches')}
<body><div id="ticker" class="ticker">Live</div>
<div class="story"><h1>Comments galore</h1>
${story.join('\n')}
</div>
<section id="comments" class="comments"></section>
<script>${script}</script>
</body></html>
`;
}
