import { useCallback, useEffect, useRef, useState } from 'react';
import { readSettings } from '../../lib/schemas/settings-schema.ts';
import { SETTINGS_KEY, type Settings } from '../../lib/settings/settings.ts';
import { t } from './i18n.ts';
import type { StorageApi } from './page-api.ts';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface SettingsState {
  settings: Settings | null;
  loadError: string | null;
  status: SaveStatus;
  saveError: string | null;
  /** Replaces the settings and writes them (debounced, so typing does not write on every key). */
  update: (next: Settings) => void;
}

/** Long enough that typing in a field writes once, short enough that closing the page right after is safe. */
const SAVE_DELAY_MS = 300;

/**
 * Loads Settings from storage (merged over the defaults, so a stored value of the wrong shape falls back)
 * and saves every change. The last write wins; a failed write is reported, not retried silently.
 */
export function useSettings(
  storage: StorageApi,
  defaults: Settings,
  saveDelayMs = SAVE_DELAY_MS,
): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [saveError, setSaveError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Settings | null>(null);

  useEffect(() => {
    let live = true;
    storage
      .get(SETTINGS_KEY)
      .then((raw) => live && setSettings(readSettings(raw, defaults)))
      .catch((error: unknown) => {
        if (!live) return;
        // Still show the defaults so the page is usable; the error explains why changes may not stick.
        setLoadError(t('options.loadError', [String(error)]));
        setSettings(defaults);
      });
    return () => {
      live = false;
    };
  }, [storage, defaults]);

  const flush = useCallback(() => {
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    storage
      .set(SETTINGS_KEY, next)
      .then(() => {
        setSaveError(null);
        setStatus(pending.current ? 'saving' : 'saved');
      })
      .catch((error: unknown) => {
        setSaveError(String(error));
        setStatus('error');
      });
  }, [storage]);

  // Write what is pending when the page goes away, rather than losing the last change.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      flush();
    },
    [flush],
  );

  const update = useCallback(
    (next: Settings) => {
      setSettings(next);
      setStatus('saving');
      pending.current = next;
      clearTimeout(timer.current);
      // The popup passes 0: it can close at any moment, and a pending timer would die with it.
      if (saveDelayMs <= 0) flush();
      else timer.current = setTimeout(flush, saveDelayMs);
    },
    [flush, saveDelayMs],
  );

  return { settings, loadError, status, saveError, update };
}
