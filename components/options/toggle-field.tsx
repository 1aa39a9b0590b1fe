import { useId } from 'react';

/** A labelled on/off switch with a line of explanation under it. */
export function ToggleField({
  label,
  description,
  checked,
  onChange,
}: {
  label: string;
  description?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={description ? `${id}-desc` : undefined}
        className="mt-0.5 size-4 shrink-0 accent-indigo-600"
      />
      <div>
        <label htmlFor={id} className="font-medium text-sm">
          {label}
        </label>
        {description && (
          <p id={`${id}-desc`} className="muted text-sm">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
