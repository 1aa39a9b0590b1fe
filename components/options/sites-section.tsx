import { type FormEvent, useId, useState } from 'react';
import { normalizeSite } from '../../lib/settings/settings.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';

export function SitesSection({ settings, onChange }: SectionProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const site = normalizeSite(draft);
    if (!site) return setError('Enter a site such as example.com or https://news.example.com.');
    if (settings.disabledSites.includes(site)) return setError(`${site} is already in the list.`);
    onChange({ ...settings, disabledSites: [...settings.disabledSites, site].sort() });
    setDraft('');
    setError(null);
  };

  return (
    <OptionsSection
      id="sites"
      title="Sites where Origin Lens is off"
      description="On these sites (and their subdomains) nothing is scanned, hashed or looked up."
    >
      {settings.disabledSites.length === 0 ? (
        <p className="muted text-sm">None: Origin Lens runs on every site.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {settings.disabledSites.map((site) => (
            <li key={site} className="flex items-center justify-between px-3 py-1.5 text-sm">
              <span className="mono">{site}</span>
              <button
                type="button"
                className="btn-danger"
                aria-label={`Remove ${site}`}
                onClick={() =>
                  onChange({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })
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
            Site to turn off
          </label>
          <input
            id={id}
            className="input"
            placeholder="example.com"
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
