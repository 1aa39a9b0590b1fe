import { type FormEvent, useId, useState } from 'react';
import { normalizeEndpoint } from '../../lib/recover/soft-binding-client.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';

/** User-chosen C2PA Soft Binding Resolution API endpoints (none by default), asked only from the details page. */
export function SoftBindingSection({ settings, onChange }: SectionProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = settings.softBindingEndpoints;

  const add = (event: FormEvent) => {
    event.preventDefault();
    const endpoint = normalizeEndpoint(draft);
    if (!endpoint) return setError('Enter the API’s base address, such as https://resolver.example/v1.');
    if (list.includes(endpoint)) return setError(`${endpoint} is already in the list.`);
    onChange({ ...settings, softBindingEndpoints: [...list, endpoint] });
    setDraft('');
    setError(null);
  };

  return (
    <OptionsSection
      id="soft-binding"
      title="Content Credentials resolution services (optional)"
      description="Services that implement the C2PA Soft Binding Resolution API can find the Content Credentials of an image from its pixels (a watermark or a fingerprint). Asking one uploads the image to it, so Origin Lens never does it on its own: the details page offers a button for each service you add here."
    >
      {list.length === 0 ? (
        <p className="muted text-sm">None.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {list.map((endpoint) => (
            <li key={endpoint} className="flex items-center justify-between px-3 py-1.5 text-sm">
              <span className="mono break-all">{endpoint}</span>
              <button
                type="button"
                className="btn-danger"
                aria-label={`Remove ${endpoint}`}
                onClick={() =>
                  onChange({ ...settings, softBindingEndpoints: list.filter((e) => e !== endpoint) })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="flex items-start gap-2" noValidate>
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="sr-only">
            Resolution service endpoint (URL)
          </label>
          <input
            id={id}
            className="input"
            placeholder="https://resolver.example/v1"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="btn">
          Add
        </button>
      </form>
    </OptionsSection>
  );
}
