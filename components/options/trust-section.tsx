import { useEffect, useId, useState } from 'react';
import { checkPemAnchors } from '../../lib/format/validate.ts';
import { Spinner } from '../common/spinner.tsx';
import type { SectionProps, TrustListUpdate } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { ToggleField } from './toggle-field.tsx';

function UpdateLists({ update }: { update: () => Promise<TrustListUpdate> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TrustListUpdate | null>(null);
  const run = () => {
    setBusy(true);
    setResult(null);
    update()
      .then(setResult, (error: unknown) =>
        setResult({ ok: false, message: `The update failed: ${String(error)}` }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className="btn" onClick={run} disabled={busy}>
        Update lists
      </button>
      <span aria-live="polite" className="text-sm">
        {busy && <Spinner label="Updating…" />}
        {result && (
          <span
            className={result.ok ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-300'}
          >
            {result.message}
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
    <OptionsSection
      id="trust"
      title="Trust lists"
      description="Content Credentials are only as good as who signed them. A signer is “trusted” when its certificate chains to a list you keep on."
    >
      <ToggleField
        label="Official C2PA trust list"
        description="Certificate authorities approved by the C2PA conformance program. (List: C2PA, CC BY 4.0.)"
        checked={settings.trust.official}
        onChange={(official) => onChange({ ...settings, trust: { ...settings.trust, official } })}
      />
      <ToggleField
        label="CAI legacy list (frozen January 2026)"
        description="The Content Authenticity Initiative's interim list of known signers (Adobe, Truepic, camera makers…), frozen since January 2026. Signatures that chain to it stay valid, and are always named apart from the official list. Its roots also validate timestamps (never who signed)."
        checked={settings.trust.interim}
        onChange={(interim) => onChange({ ...settings, trust: { ...settings.trust, interim } })}
      />
      <div>
        <label htmlFor={id} className="mb-1 block font-medium text-sm">
          Your own trust anchors (PEM)
        </label>
        <p id={`${id}-help`} className="muted mb-2 text-sm">
          Paste root certificates you trust, each between{' '}
          <code className="whitespace-nowrap text-xs">-----BEGIN CERTIFICATE-----</code> and{' '}
          <code className="whitespace-nowrap text-xs">-----END CERTIFICATE-----</code>.
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
          {check.error ??
            (check.count > 0 ? `${check.count} certificate${check.count === 1 ? '' : 's'}.` : 'None.')}
        </p>
      </div>
      <UpdateLists update={updateLists} />
    </OptionsSection>
  );
}
