import { useState } from 'react';
import type { SendToBackground } from '../../lib/messages/protocol.ts';
import { OptionsSection } from './options-section.tsx';

export function CacheSection({ sendToBackground }: { sendToBackground: SendToBackground }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const clear = () => {
    setBusy(true);
    setResult(null);
    sendToBackground({ type: 'clear-cache' })
      .then(
        (answer) => {
          const cleared = typeof answer?.cleared === 'number' ? answer.cleared : null;
          setResult(
            cleared === null
              ? { ok: false, text: 'Origin Lens did not confirm that the cache was cleared.' }
              : { ok: true, text: `Cleared ${cleared} ${cleared === 1 ? 'entry' : 'entries'}.` },
          );
        },
        (error: unknown) =>
          setResult({
            ok: false,
            text: `Could not clear the cache: ${error instanceof Error ? error.message : String(error)}`,
          }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <OptionsSection
      id="cache"
      title="Cache"
      description="Results are kept on this device so pages you revisit are checked without any network request. Clear them after changing trust lists or chains to check everything again."
    >
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn" onClick={clear} disabled={busy}>
          Clear cache
        </button>
        <span
          aria-live="polite"
          className={`text-sm ${result?.ok === false ? 'text-red-700 dark:text-red-300' : ''}`}
        >
          {result?.text}
        </span>
      </div>
    </OptionsSection>
  );
}
