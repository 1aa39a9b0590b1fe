import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesInDom, scrollEveryItemIntoView, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, ROOT, startHarness } from './support/harness.ts';

/**
 * The extension in French: Chromium started with --lang=fr picks `_locales/fr` (built from locales/fr.yml) for
 * the popup, the badges on the page and the verdict reasons, which the worker stores as codes and the page
 * words at display time.
 */
let h: Harness;
let page: Awaited<ReturnType<Harness['browser']['context']['newPage']>>;
let tabId: number;

beforeAll(async () => {
  h = await startHarness({ devnet: true, lang: 'fr' });
  page = await h.browser.context.newPage();
  const url = `${h.server.origin}/index.html`;
  await page.goto(url);
  tabId = await tabIdOf(h.browser.worker, url);
  await settledItems(h.browser.worker, tabId, 12);
});
afterAll(() => h?.close());

describe('in French', () => {
  it('names the badges on the page in French, reasons included', async () => {
    await scrollEveryItemIntoView(page);
    const badges = await badgesInDom(page);
    const tampered = badges.find((b) => b.state === 'tampered');
    expect(tampered?.label).toMatch(
      /^Origin Lens : Altéré, [^.]+\. Les Content Credentials ne correspondent plus/,
    );
    const ai = badges.find((b) => b.state === 'ai-generated');
    expect(ai?.label).toMatch(/^Origin Lens : Généré par IA/);
    expect(badges.some((b) => b.label.includes('Tampered') || b.label.includes('Signed by'))).toBe(false);
  });

  it('shows the popup in French, and a screenshot of it for the README', async () => {
    const popup = await h.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${h.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText('ribbons').first().waitFor();
    const text = (await popup.locator('body').textContent()) ?? '';
    for (const words of ['Altéré', 'Généré par IA', 'Origine vérifiée', 'Enregistré', 'Détails', 'Options'])
      expect(text).toContain(words);
    for (const english of ['Tampered', 'Verified origin', 'Details', 'Signed by'])
      expect(text).not.toContain(english);
    mkdirSync(`${ROOT}/docs/screenshots`, { recursive: true });
    await popup.screenshot({ path: `${ROOT}/docs/screenshots/popup-fr.png` });
    await popup.close();
  });

  it('shows the options page in French: headings, buttons, labels, save status and a field error', async () => {
    const options = await h.browser.context.newPage();
    await options.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    await options.getByRole('heading', { level: 1, name: 'Options d’Origin Lens' }).waitFor();
    expect(await options.title()).toBe('Options d’Origin Lens');
    const headings = await options.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual([
      'Affichage',
      'Sites où Origin Lens est désactivé',
      'Confidentialité',
      'Listes de confiance',
      'Blockchains',
      'Déposants de confiance',
      'RPC de contre-vérification (facultatif)',
      'Services de résolution de Content Credentials (facultatif)',
      'Cache',
    ]);
    const buttons = (await options.getByRole('button').allTextContents()).map((b) => b.trim());
    for (const french of [
      'Mettre à jour les listes',
      'Ajouter la blockchain',
      'Ajouter le déposant',
      'Vider le cache',
    ])
      expect(buttons).toContain(french);
    for (const english of ['Update lists', 'Add chain', 'Add registrant', 'Clear cache', 'Remove', 'Add'])
      expect(buttons).not.toContain(english);
    // A validation problem is worded in French, and so is the save status.
    await options.getByLabel('Site à désactiver').fill('pas un site !!');
    await options.getByLabel('Site à désactiver').press('Enter');
    await options
      .getByText('Saisissez un site, par exemple example.com ou https://news.example.com.')
      .waitFor();
    await options.getByLabel('Afficher les badges sur les images').click();
    await options.getByText(/^✓?\s*Enregistré$/).waitFor();
    await options.getByLabel('Afficher les badges sur les images').click();
    const text = (await options.locator('body').textContent()) ?? '';
    for (const english of ['Trust lists', 'Chains', 'Saved', 'Enter a', 'Restore the default chains'])
      expect(text).not.toContain(english);
    await options.close();
  });

  it('shows the details page in French: headings, buttons and C2PA words', async () => {
    const details = await h.browser.context.newPage();
    const image = encodeURIComponent(`${h.server.origin}/c2pa/ai_trained_genfill.jpg`);
    await details.goto(`chrome-extension://${h.browser.extensionId}/details.html?url=${image}`);
    await details.getByText('Ce qui lui a été fait').first().waitFor({ timeout: 30_000 });
    await details
      .getByText(/créé par une IA générative/)
      .first()
      .waitFor();
    const text = (await details.locator('body').textContent()) ?? '';
    for (const words of [
      'Éléments de preuve',
      'Généré par IA',
      'Signé par',
      'Ingrédients',
      'Enregistrements sur la blockchain',
      'Empreintes',
      'SHA-256 (octets exacts)',
    ])
      expect(text).toContain(words);
    for (const english of [
      'What was done to it',
      'Ingredients',
      'On-chain records',
      'Fingerprints',
      'Signed by',
      'Seen at',
    ])
      expect(text).not.toContain(english);
    expect(await details.getByRole('button', { name: 'Exporter le JSON' }).count()).toBe(1);
    expect(await details.getByRole('button', { name: 'Copier le JSON' }).count()).toBe(1);
    await details.screenshot({ path: `${ROOT}/docs/screenshots/details-fr.png`, fullPage: true });
    await details.close();
  });
});
