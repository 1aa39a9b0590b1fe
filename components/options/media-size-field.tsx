import { useId } from 'react';
import { MAX_MEDIA_BYTES } from '../../lib/media/media-checker.ts';
import { t, uiLanguage } from '../common/i18n.ts';

const LIMIT_MB = Math.floor(MAX_MEDIA_BYTES / (1024 * 1024));

/**
 * The size cap for video and audio: files up to it are checked on their own, larger ones wait for "Check this
 * video". Whole megabytes; 0 means every file waits. Files over the engine's own limit are never validated here.
 */
export function MediaSizeField({ value, onChange }: { value: number; onChange: (mb: number) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-sm">
        {t('options.privacy.mediaSize')}
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={LIMIT_MB}
        step={1}
        value={value}
        onChange={(e) => {
          const mb = Number(e.target.value);
          if (Number.isFinite(mb) && mb >= 0) onChange(Math.min(mb, LIMIT_MB));
        }}
        aria-describedby={`${id}-desc`}
        className="input w-28"
      />
      <p id={`${id}-desc`} className="muted text-sm">
        {t('options.privacy.mediaSizeHelp', [LIMIT_MB.toLocaleString(uiLanguage())])}
      </p>
    </div>
  );
}
