// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../lib/settings/settings.ts';
import type { TrustListUpdate } from './options-api.ts';
import { TrustSection } from './trust-section.tsx';

afterEach(cleanup);

function renderTrust(answer: TrustListUpdate) {
  const settings = defaultSettings([], []);
  render(<TrustSection settings={settings} onChange={() => {}} updateLists={async () => answer} />);
}

describe('TrustSection', () => {
  it('words a pasted problem from its key, tied to the field', () => {
    renderTrust({ ok: true, message: '' });
    const field = screen.getByLabelText('Your own trust anchors (PEM)');
    fireEvent.change(field, {
      target: { value: '-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----' },
    });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('This contains a private key. Remove it: only certificates belong here.'),
    ).toBeTruthy();
  });

  it('words the update answer from its parts, and falls back to its English message', async () => {
    renderTrust({ ok: true, message: 'Updated 4 list files.', files: 4 });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Update lists' })));
    expect(screen.getByText('Updated 4 list files.')).toBeTruthy();
    cleanup();
    renderTrust({ ok: false, message: 'ignored', error: 'HTTP 500' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Update lists' })));
    expect(
      screen.getByText('The lists could not be updated (HTTP 500); the current ones stay in use.'),
    ).toBeTruthy();
    cleanup();
    renderTrust({ ok: true, message: 'Words from an older worker.' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Update lists' })));
    expect(screen.getByText('Words from an older worker.')).toBeTruthy();
  });
});
