import type { FormEvent } from 'react';
import type { FieldProblem } from '../../lib/format/validate.ts';
import { t } from '../common/i18n.ts';
import { FieldError } from './field-error.tsx';

export interface AddFormField<K extends string> {
  key: K;
  label: string;
  placeholder: string;
  mono?: boolean;
  numeric?: boolean;
}

/**
 * The "add a row" forms of the options page: labelled fields, each with its error under it (tied by
 * aria-describedby), and one submit button. The caller owns the draft, the validation and what adding means.
 */
export function AddForm<K extends string>({
  id,
  title,
  submitLabel,
  fields,
  gridClassName,
  draft,
  errors,
  onChange,
  onSubmit,
}: {
  id: string;
  title: string;
  submitLabel: string;
  fields: readonly AddFormField<K>[];
  gridClassName: string;
  draft: Record<K, string>;
  errors: Partial<Record<K, FieldProblem>>;
  onChange: (draft: Record<K, string>) => void;
  onSubmit: () => void;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="rounded-lg border border-slate-200 border-dashed p-3 dark:border-slate-700"
    >
      <h3 className="mb-2 font-medium text-sm">{title}</h3>
      <div className={`grid gap-2 ${gridClassName}`}>
        {fields.map(({ key, label, placeholder, mono, numeric }) => {
          const problem = errors[key];
          const error = problem ? t(problem.key, problem.params) : undefined;
          return (
            <div key={key} className="min-w-0">
              <label htmlFor={`${id}-${key}`} className="mb-1 block font-medium text-xs">
                {label}
              </label>
              <input
                id={`${id}-${key}`}
                className={`input ${mono ? 'mono text-[13px]' : ''}`}
                value={draft[key]}
                placeholder={placeholder}
                spellCheck={false}
                inputMode={numeric ? 'numeric' : undefined}
                onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${key}-error` : undefined}
              />
              <FieldError id={`${id}-${key}-error`} error={error} />
            </div>
          );
        })}
      </div>
      <button type="submit" className="btn mt-3">
        {submitLabel}
      </button>
    </form>
  );
}
