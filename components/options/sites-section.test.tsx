// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../lib/settings/settings.ts';
import { SitesSection } from './sites-section.tsx';

afterEach(cleanup);

function renderSites() {
  const saved: Settings[] = [];
  const settings = defaultSettings([], []);
  render(<SitesSection settings={settings} onChange={(s) => saved.push(s)} />);
  const field = screen.getByLabelText('Site to turn off') as HTMLInputElement;
  const add = async (value: string) => {
    fireEvent.change(field, { target: { value } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add' })));
  };
  return { saved, field, add };
}

describe('SitesSection', () => {
  it('refuses "not a site!!": the field is marked invalid, the error is tied to it in a live region', async () => {
    const { saved, field, add } = renderSites();
    const region = field.parentElement?.querySelector('[aria-live="polite"]');
    // The live region exists before the error, so that screen readers announce what appears in it.
    expect(region).toBeTruthy();
    expect(region?.textContent).toBe('');
    await add('not a site!!');
    expect(saved).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Enter a site such as example.com or https://news.example.com.');
    expect(region?.contains(error ?? null)).toBe(true);
  });

  it('adds a real site, normalised, and clears the error once the text changes', async () => {
    const { saved, field, add } = renderSites();
    await add('not a site!!');
    fireEvent.change(field, { target: { value: 'https://News.Example.com/page' } });
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(field.hasAttribute('aria-describedby')).toBe(false);
    await add('https://News.Example.com/page');
    expect(saved.map((s) => s.disabledSites)).toEqual([['news.example.com']]);
  });
});
