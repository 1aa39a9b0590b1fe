export interface ExtensionLifecycle {
  /** True while the extension is there; the first false ends the script (the `onEnded` callbacks run once). */
  alive(): boolean;
  onEnded(callback: () => void): void;
}

/**
 * When a content script ends. Only the extension's own lifecycle ends it: after an update, a reload or an
 * uninstall, the old script's `runtime.id` reads undefined (`isAlive` wraps that read).
 *
 * WXT's `ContentScriptContext` also ends itself when `document` receives the event
 * `<extension id>:content:wxt:content-script-started` from "another copy" of the script. Any page can dispatch
 * that event (store ids are public), so its invalidation is not used: nothing the page sends, dispatches or
 * changes in the DOM stops, pauses or alters the script.
 *
 * Nothing polls: the id is read before every message to the extension (an orphaned script finds out on its
 * next check), and when the tab is shown again. Page events can only trigger that read, never its answer.
 */
export function extensionLifecycle(win: Window, isAlive: () => boolean): ExtensionLifecycle {
  const callbacks: Array<() => void> = [];
  let ended = false;
  const alive = (): boolean => {
    if (ended) return false;
    let ok: boolean;
    try {
      ok = isAlive();
    } catch {
      ok = false;
    }
    if (ok) return true;
    ended = true;
    win.document.removeEventListener('visibilitychange', check);
    win.removeEventListener('pageshow', check);
    for (const callback of callbacks.splice(0)) callback();
    return false;
  };
  const check = () => void alive();
  win.document.addEventListener('visibilitychange', check);
  win.addEventListener('pageshow', check);
  return {
    alive,
    onEnded: (callback) => {
      if (ended) callback();
      else callbacks.push(callback);
    },
  };
}
