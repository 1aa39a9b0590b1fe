// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageItem } from '../../lib/messages/protocol.ts';
import { defaultSettings } from '../../lib/settings/settings.ts';
import type { PopupApi } from './popup-api.ts';
import { PopupApp } from './popup-app.tsx';

/**
 * The popup's states, with a hand-written PopupApi standing in for the browser (entrypoints/popup/main.tsx
 * wires the real one; e2e/ui.e2e.ts drives it in Chromium).
 */
afterEach(cleanup);

interface FakeTab {
  url?: string;
  /** The content script's answer, or an error when it is not there. */
  answer?: { items: PageItem[]; enabled: boolean } | Error | Promise<never>;
  access?: boolean;
  grant?: boolean;
}

function fakeApi(tab: FakeTab) {
  const requested: string[] = [];
  const asked: string[] = [];
  const api: PopupApi = {
    sendToBackground: (async () => undefined) as unknown as PopupApi['sendToBackground'],
    sendToContent: (async () => {
      const a = tab.answer;
      if (a instanceof Error) throw a;
      if (a instanceof Promise) return a;
      return { items: a?.items ?? [], counts: {}, enabled: a?.enabled ?? true };
    }) as unknown as PopupApi['sendToContent'],
    activeTab: async () => ({ id: 7, ...(tab.url ? { url: tab.url } : {}) }),
    storage: { get: async () => undefined, set: async () => {} },
    defaults: defaultSettings([], []),
    openOptions: () => {},
    reloadTab: () => {},
    close: () => {},
    hasSiteAccess: async (pattern) => {
      asked.push(pattern);
      return tab.access ?? true;
    },
    requestSiteAccess: (pattern) => {
      requested.push(pattern);
      return Promise.resolve(tab.grant ?? true);
    },
  };
  return { api, requested, asked };
}

const noScript = () => new Error('Could not establish connection. Receiving end does not exist.');

describe('PopupApp', () => {
  it('shows a loading state while the page has not answered', async () => {
    const { api } = fakeApi({ url: 'https://example.com/', answer: new Promise<never>(() => {}) });
    render(<PopupApp api={api} />);
    expect(await screen.findByText('Looking at this page…')).toBeTruthy();
  });

  it('says when the page has nothing to check', async () => {
    const { api } = fakeApi({ url: 'https://example.com/', answer: { items: [], enabled: true } });
    render(<PopupApp api={api} />);
    expect(await screen.findByText('No images or text blocks found')).toBeTruthy();
  });

  it('with site access withheld: says so and asks for the permission from the click', async () => {
    const { api, asked, requested } = fakeApi({
      url: 'https://news.example.com/a',
      answer: noScript(),
      access: false,
    });
    render(<PopupApp api={api} />);
    expect(await screen.findByText('Site access withheld')).toBeTruthy();
    expect(screen.queryByText("This page can't be checked")).toBeNull();
    expect(asked).toEqual(['https://news.example.com/*']);
    const allow = screen.getByRole('button', { name: 'Allow access to news.example.com' });
    await act(async () => fireEvent.click(allow));
    expect(requested).toEqual(['https://news.example.com/*']);
    expect(await screen.findByText('Access allowed. Reload the page to check it.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });

  it('with every site withheld and no URL given: asks for all sites', async () => {
    const { api, requested } = fakeApi({ answer: noScript(), access: false, grant: false });
    render(<PopupApp api={api} />);
    const allow = await screen.findByRole('button', { name: 'Allow access to websites' });
    await act(async () => fireEvent.click(allow));
    expect(requested).toEqual(['<all_urls>']);
    expect(await screen.findByText('Access was not allowed.')).toBeTruthy();
  });

  it('a browser page stays "can\'t be checked", with no permission request', async () => {
    const { api } = fakeApi({ url: 'about:addons', answer: noScript(), access: false });
    render(<PopupApp api={api} />);
    expect(await screen.findByText("This page can't be checked")).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Allow access/ })).toBeNull();
  });

  it('a web page with access but no script yet: asks for a reload', async () => {
    const { api } = fakeApi({ url: 'https://example.com/', answer: noScript(), access: true });
    render(<PopupApp api={api} />);
    expect(await screen.findByText(/not running on this page yet/)).toBeTruthy();
  });

  it('lists error rows with their reason and a details button named after the item', async () => {
    const items: PageItem[] = [
      {
        id: 'a',
        kind: 'image',
        url: 'data:image/png;base64,iVBORw0KGgo=',
        state: 'error',
        reason: 'Could not check: the server did not answer',
        key: 'k'.repeat(64),
      },
    ];
    const { api } = fakeApi({ url: 'https://example.com/', answer: { items, enabled: true } });
    render(<PopupApp api={api} />);
    expect(await screen.findByText('Could not check: the server did not answer')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Details for Embedded image' })).toBeTruthy();
  });
});
