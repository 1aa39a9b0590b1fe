import { useEffect, useId, useState } from 'react';
import { checkPemAnchors } from '../../lib/format/validate.ts';
import { t, uiLanguage } from '../common/i18n.ts';
import { Spinner } from '../common/spinner.tsx';
import type { SectionProps, TrustListUpdate } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { ToggleField } from './toggle-field.tsx';

/** The background's answer in the reader's language; its English `message` when it has no parts to render. */
function updateText(result: TrustListUpdate): string {
  if (result.ok && result.files !== undefined)
    return t('background.trustListsUpdated', [result.files.toLocaleString(uiLanguage())]);
  if (!result.ok && result.error !== undefined) return t('background.trustListsFailed', [result.error]);
  return result.message;
}

function UpdateLists({ update }: { update: () => Promise<TrustListUpdate> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TrustListUpdate | null>(null);
  const run = () => {
    setBusy(true);
    setResult(null);
    update()
      .then(setResult, (error: unknown) =>
        setResult({ ok: false, message: t('options.trust.updateFailed', [String(error)]) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className="btn" onClick={run} disabled={busy}>
        {t('options.trust.update')}
      </button>
      <span aria-live="polite" className="text-sm">
        {busy && <Spinner label={t('options.trust.updating')} />}
        {result && (
          <span
            className={result.ok ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-300'}
          >
            {updateText(result)}
          </span>
        )}
      </span>
    </div>
  );
}

export function TrustSection({
  settings,
  onChange,
  updateLists,
}: SectionProps & { updateLists: () => Promise<TrustListUpdate> }) {
  const id = useId();
  const [draft, setDraft] = useState(settings.trust.userAnchors);
  useEffect(() => setDraft(settings.trust.userAnchors), [settings.trust.userAnchors]);
  const check = checkPemAnchors(draft);

  const onText = (text: string) => {
    setDraft(text);
    // Only a clean list is saved: a half-pasted certificate would make every check fail with a confusing error.
    if (!checkPemAnchors(text).error)
      onChange({ ...settings, trust: { ...settings.trust, userAnchors: text } });
  };

  return (
    <OptionsSection id="trust" title={t('options.trust.title')} description={t('options.trust.help')}>
      <ToggleField
        label={t('options.trust.official')}
        description={t('options.trust.officialHelp')}
        checked={settings.trust.official}
        onChange={(official) => onChange({ ...settings, trust: { ...settings.trust, official } })}
      />
      <ToggleField
        label={t('options.trust.interim')}
        description={t('options.trust.interimHelp')}
        checked={settings.trust.interim}
        onChange={(interim) => onChange({ ...settings, trust: { ...settings.trust, interim } })}
      />
      <div>
        <label htmlFor={id} className="mb-1 block font-medium text-sm">
          {t('options.trust.anchors')}
        </label>
        <p id={`${id}-help`} className="muted mb-2 text-sm">
          {t('options.trust.anchorsHelp', ['-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----'])}
        </p>
        <textarea
          id={id}
          rows={6}
          value={draft}
          spellCheck={false}
          onChange={(e) => onText(e.target.value)}
          placeholder={'-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----'}
          aria-invalid={check.error ? true : undefined}
          aria-describedby={`${id}-help ${id}-status`}
          className="input mono text-xs"
        />
        <p id={`${id}-status`} className={check.error ? 'field-error' : 'muted mt-1 text-xs'}>
          {check.error
            ? t(check.error.key, check.error.params)
            : check.count === 1
              ? t('options.trust.oneCertificate')
              : check.count > 0
                ? t('options.trust.certificates', [check.count.toLocaleString(uiLanguage())])
                : t('options.none')}
        </p>
      </div>
      <UpdateLists update={updateLists} />
    </OptionsSection>
  );
}
