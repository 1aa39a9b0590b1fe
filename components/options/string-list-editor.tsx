import { type FormEvent, useId, useState } from 'react';
import { t } from '../common/i18n.ts';
import { FieldError } from './field-error.tsx';

/**
 * An editable list of strings (sites turned off, resolution services): the entries with a Remove button
 * each, and a one-field form that adds a normalised entry, with its error tied to the field.
 */
export function StringListEditor({
  entries,
  emptyText,
  label,
  placeholder,
  normalize,
  invalidText,
  sort = false,
  onChange,
}: {
  entries: readonly string[];
  emptyText: string;
  /** The field's label (read by screen readers). */
  label: string;
  placeholder: string;
  /** The entry to store for what was typed, or undefined when it is not valid. */
  normalize: (draft: string) => string | undefined;
  invalidText: string;
  sort?: boolean;
  onChange: (entries: string[]) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const entry = normalize(draft);
    if (!entry) return setError(invalidText);
    if (entries.includes(entry)) return setError(t('options.list.duplicate', [entry]));
    const next = [...entries, entry];
    onChange(sort ? next.sort() : next);
    setDraft('');
    setError(null);
  };

  return (
    <>
      {entries.length === 0 ? (
        <p className="muted text-sm">{emptyText}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {entries.map((entry) => (
            <li key={entry} className="flex items-center justify-between px-3 py-1.5 text-sm">
              <span className="mono break-all">{entry}</span>
              <button
                type="button"
                className="btn-danger"
                aria-label={t('options.list.removeEntry', [entry])}
                onClick={() => onChange(entries.filter((e) => e !== entry))}
              >
                {t('options.list.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="flex items-start gap-2" noValidate>
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="sr-only">
            {label}
          </label>
          <input
            id={id}
            className="input"
            placeholder={placeholder}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <FieldError id={`${id}-error`} error={error} />
        </div>
        <button type="submit" className="btn">
          {t('options.list.add')}
        </button>
      </form>
    </>
  );
}
