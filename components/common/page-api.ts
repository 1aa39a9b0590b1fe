/**
 * What every extension page gets from its entrypoint. Components never touch `browser`: main.tsx builds
 * these functions and passes them down, so the components run unchanged in tests and screenshots.
 */
export interface StorageApi {
  /** storage.local.get(key)[key]; undefined when nothing is stored. */
  get: (key: string) => Promise<unknown>;
  /** storage.local.set({ [key]: value }). */
  set: (key: string, value: unknown) => Promise<void>;
}

/** Copies text to the clipboard; rejects when the clipboard is not available. */
export type CopyText = (text: string) => Promise<void>;
