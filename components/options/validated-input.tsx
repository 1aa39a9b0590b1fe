import { useEffect, useId, useState } from 'react';
import type { FieldProblem } from '../../lib/format/validate.ts';
import { t } from '../common/i18n.ts';
import { FieldError } from './field-error.tsx';

/**
 * A text input that keeps what the user types as a draft and commits it only when it is valid. An invalid
 * value is never saved; the error sits right under the field.
 */
export function ValidatedInput({
  value,
  label,
  hideLabel = false,
  validate,
  onCommit,
  placeholder,
  mono = false,
  allowEmpty = false,
}: {
  value: string;
  label: string;
  hideLabel?: boolean;
  validate: (value: string) => FieldProblem | null;
  onCommit: (value: string) => void;
  placeholder?: string;
  mono?: boolean;
  /** An empty field is committed as '' (e.g. "no cross-check RPC") instead of being an error. */
  allowEmpty?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const error = problem ? t(problem.key, problem.params) : null;

  // A change from elsewhere (defaults restored, another tab) replaces the draft.
  useEffect(() => {
    setDraft(value);
    setProblem(null);
  }, [value]);

  const onChange = (next: string) => {
    setDraft(next);
    const trimmed = next.trim();
    const found = allowEmpty && trimmed === '' ? null : validate(trimmed);
    setProblem(found);
    if (!found && trimmed !== value) onCommit(trimmed);
  };

  return (
    <div className="min-w-0">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'mb-1 block font-medium text-xs'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={draft}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`input ${mono ? 'mono text-[13px]' : ''}`}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
