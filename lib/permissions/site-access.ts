/**
 * Why the popup has no list for a tab, and which host permission would let Origin Lens check it. A user can
 * withhold site access (Firefox: the add-on's Permissions tab; Chrome: "Site access"), and then the content
 * script does not run: that is not a browser page, and the popup should say so and offer the permission
 * request (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/permissions/request).
 */
export type UnavailableReason = 'withheld' | 'not-running' | 'browser-page';

/**
 * The match pattern to ask for: the page's origin when the browser told us the tab's URL (without host
 * access it usually does not), else every site, which is what the manifest asks for.
 */
export function siteAccessPattern(url: string | undefined): string {
  const web = webUrl(url);
  return web ? `${web.protocol}//${web.hostname}/*` : '<all_urls>';
}

/** `granted`: what permissions.contains said for siteAccessPattern(url), undefined when it could not say. */
export function unavailableReason(url: string | undefined, granted: boolean | undefined): UnavailableReason {
  if (url !== undefined && !webUrl(url)) return 'browser-page';
  if (granted === false) return 'withheld';
  return url === undefined ? 'browser-page' : 'not-running';
}

function webUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}
