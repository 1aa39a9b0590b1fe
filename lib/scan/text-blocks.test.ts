import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText, findTextBlocks, MIN_TEXT_LENGTH, mainContentRoot } from './text-blocks.ts';

const long = (tag: string) =>
  `A ${tag} paragraph that is long enough to be worth a fingerprint, well past eighty characters.`;

describe('findTextBlocks', () => {
  it('finds long paragraphs and headings in the main content only', () => {
    const { document } = parseHTML(`<html><body>
      <header><p>${long('header')}</p></header>
      <nav><li>${long('nav')}</li></nav>
      <main>
        <h2>${long('heading')}</h2>
        <p>Too short.</p>
        <p>${long('main')}</p>
        <blockquote><p>${long('quoted')}</p></blockquote>
        <aside><p>${long('aside')}</p></aside>
        <div contenteditable="true"><p>${long('editable')}</p></div>
      </main>
      <footer><p>${long('footer')}</p></footer>
    </body></html>`);
    const root = mainContentRoot(document);
    expect(root?.tagName).toBe('MAIN');
    const texts = findTextBlocks(root as Element).map(blockText);
    expect(texts).toEqual([long('heading'), long('main'), long('quoted')]);
    expect(texts.every((t) => t.length >= MIN_TEXT_LENGTH)).toBe(true);
  });

  it('falls back to the only article, then the body', () => {
    expect(
      mainContentRoot(parseHTML('<html><body><article id="a"></article></body></html>').document)?.id,
    ).toBe('a');
    expect(
      mainContentRoot(parseHTML('<html><body><article></article><article></article></body></html>').document)
        ?.tagName,
    ).toBe('BODY');
  });

  it('collapses whitespace inside a block', () => {
    const { document } = parseHTML('<p>  one\n\t two   three </p>');
    expect(blockText(document.querySelector('p') as Element)).toBe('one two three');
  });
});
